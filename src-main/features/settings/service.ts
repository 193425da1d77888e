import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { ValidationError, type FieldIssue } from '../../domain/errors.js';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from './contract.js';

/** Reads the unit's settings; missing or unreadable keys fall back to their defaults. */
export async function readSettings(db: Kysely<Database>): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const r of rows) {
    if (!(r.key in DEFAULT_SETTINGS)) continue;
    try {
      merged[r.key] = JSON.parse(r.value);
    } catch {
      // Keep the default for a value that cannot be read.
    }
  }
  const parsed = settingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

/**
 * Whether backups can be written to a folder: a full path that can be made
 * and written to. Checked when the folder is set, because an automatic
 * backup at lock that fails can only be logged — nobody would see it.
 */
export function backupFolderIssue(folder: string): FieldIssue | null {
  if (!isAbsolute(folder)) return { path: 'backupFolder', code: 'not_absolute', message: 'Ange hela sökvägen, till exempel \\\\server\\enheten\\fristad eller D:\\Säkerhetskopior.' };
  const probe = join(folder, `.fristad-probe-${process.pid}-${Date.now()}`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return null;
  } catch {
    return { path: 'backupFolder', code: 'not_writable', message: 'Det går inte att spara i mappen. Kontrollera sökvägen och att du har behörighet att skriva där.' };
  }
}

/** Changes some settings in one transaction, logged; a backup folder must be writable. */
export async function updateSettings(session: Session, patch: Partial<Settings>): Promise<Settings> {
  const folderIssue = patch.backupFolder ? backupFolderIssue(patch.backupFolder) : null;
  if (folderIssue) throw new ValidationError([folderIssue]);
  await session.db.transaction().execute(async (trx) => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      await trx
        .insertInto('settings')
        .values({ key, value: JSON.stringify(value) })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value) }))
        .execute();
    }
    await session.audit.record(trx, { action: 'settings.update', entityType: 'settings', detail: { keys: Object.keys(patch).join(',') } });
  });
  return readSettings(session.db);
}
