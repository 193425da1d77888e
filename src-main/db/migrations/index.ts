import type { Migration, MigrationProvider } from 'kysely';
import * as m0010 from './0010-create-core.js';
import * as m0020 from './0020-casework.js';
import * as m0030 from './0030-search-speed.js';
import * as m0040 from './0040-shelters.js';
import * as m0050 from './0050-documents.js';
import * as m0060 from './0060-privacy.js';
import * as m0070 from './0070-statistics.js';
import * as m0080 from './0080-statistics-more.js';
import * as m0090 from './0090-imported-child-consent.js';
import * as m0100 from './0100-drop-monthly-aggregates.js';
import * as m0110 from './0110-outcome-followups.js';
import * as m0120 from './0120-statistics-today.js';
import * as m0130 from './0130-import-batches.js';
import * as m0150 from './0150-journal-terms.js';
import * as m0160 from './0160-statistics-held.js';

/**
 * Every migration, by its zero-padded name. Names sort in the order they run;
 * a migration is never edited after it is merged — mistakes get a new one.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = Object.freeze({
  '0010-create-core': m0010,
  '0020-casework': m0020,
  '0030-search-speed': m0030,
  '0040-shelters': m0040,
  '0050-documents': m0050,
  '0060-privacy': m0060,
  '0070-statistics': m0070,
  '0080-statistics-more': m0080,
  '0090-imported-child-consent': m0090,
  '0100-drop-monthly-aggregates': m0100,
  '0110-outcome-followups': m0110,
  '0120-statistics-today': m0120,
  '0130-import-batches': m0130,
  '0150-journal-terms': m0150,
  '0160-statistics-held': m0160,
});

export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1)!;

/** Kysely's Migrator reads migrations from here, not from the file system, so the bundled app needs no directory scan. */
export class StaticMigrationProvider implements MigrationProvider {
  constructor(private readonly migrations: Readonly<Record<string, Migration>> = MIGRATIONS) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return { ...this.migrations };
  }
}
