import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { DEFAULT_STATISTICS_SETTINGS, statisticsSettingsSchema, type StatisticsSettings } from './contract.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Statistics settings live in the settings table under their own prefix. */
const PREFIX = 'statistics.';

/** Reads the statistics settings; a missing or unreadable key keeps its default. */
export async function readStatisticsSettings(db: Db): Promise<StatisticsSettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'like', `${PREFIX}%`).execute();
  const merged: Record<string, unknown> = { ...DEFAULT_STATISTICS_SETTINGS };
  for (const r of rows) {
    const name = r.key.slice(PREFIX.length);
    if (!(name in DEFAULT_STATISTICS_SETTINGS)) continue;
    try {
      const value: unknown = JSON.parse(r.value);
      const one = statisticsSettingsSchema.shape[name as keyof StatisticsSettings].safeParse(value);
      if (one.success) merged[name] = one.data;
    } catch {
      // Keep the default for a value that cannot be read.
    }
  }
  return statisticsSettingsSchema.parse(merged);
}

/** Writes some statistics settings within the caller's transaction. */
export async function writeStatisticsSettings(trx: Transaction<Database>, patch: Partial<StatisticsSettings>): Promise<void> {
  for (const [name, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const key = `${PREFIX}${name}`;
    await trx
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
      .execute();
  }
}
