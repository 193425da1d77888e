import type { Kysely } from 'kysely';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
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

/** Changes some settings in one transaction, logged. */
export async function updateSettings(session: Session, patch: Partial<Settings>): Promise<Settings> {
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
