import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { DEFAULT_RETENTION_RULE } from '../../domain/retention.js';

const time = z.string({ error: 'Ange en tid.' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Tid skrivs TT:MM, till exempel 07:30.' });

/** The privacy settings: retention rules, office hours for the log flags, and what "many persons in a short time" means. */
export const privacySettingsSchema = z.object({
  retention: z
    .object({
      yearsAfterLastEntry: z.number({ error: 'Ange ett antal år.' }).int({ error: 'Ange hela år.' }).min(1, { error: 'Minst 1 år.' }).max(50, { error: 'Högst 50 år.' }),
      keepEverything: z.boolean(),
      birthdayException: z.boolean(),
    })
    .strict(),
  officeHours: z
    .object({ start: time, end: time, weekdaysOnly: z.boolean() })
    .strict()
    .refine((o) => o.start < o.end, { error: 'Kontorstiden måste sluta efter att den börjar.', path: ['end'] }),
  manyPersons: z
    .object({
      count: z.number({ error: 'Ange ett antal.' }).int({ error: 'Ange ett heltal.' }).min(2, { error: 'Minst 2 personer.' }).max(500, { error: 'Högst 500 personer.' }),
      minutes: z.number({ error: 'Ange minuter.' }).int({ error: 'Ange hela minuter.' }).min(1, { error: 'Minst 1 minut.' }).max(1440, { error: 'Högst 1 440 minuter (ett dygn).' }),
    })
    .strict(),
});

export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = Object.freeze({
  retention: { ...DEFAULT_RETENTION_RULE },
  officeHours: { start: '07:00', end: '18:00', weekdaysOnly: true },
  manyPersons: { count: 15, minutes: 30 },
});

const KEYS = { retention: 'privacy.retention', officeHours: 'privacy.officeHours', manyPersons: 'privacy.manyPersons' } as const;

/** Reads the privacy settings; a missing or unreadable part falls back to its default. */
export async function readPrivacySettings(db: Kysely<Database>): Promise<PrivacySettings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).where('key', 'in', Object.values(KEYS)).execute();
  const out: PrivacySettings = structuredClone(DEFAULT_PRIVACY_SETTINGS);
  for (const part of Object.keys(KEYS) as (keyof PrivacySettings)[]) {
    const row = rows.find((r) => r.key === KEYS[part]);
    if (!row) continue;
    try {
      const parsed = privacySettingsSchema.shape[part].safeParse(JSON.parse(row.value));
      if (parsed.success) (out as Record<string, unknown>)[part] = parsed.data;
    } catch {
      // Keep the default for a value that cannot be read.
    }
  }
  return out;
}

/** Saves some parts, in one transaction with its audit event. */
export async function updatePrivacySettings(session: Session, patch: Partial<PrivacySettings>): Promise<PrivacySettings> {
  await session.db.transaction().execute(async (trx) => {
    const parts = Object.keys(patch).filter((k): k is keyof PrivacySettings => k in KEYS && patch[k as keyof PrivacySettings] !== undefined);
    for (const part of parts) {
      const value = JSON.stringify(patch[part]);
      await trx.insertInto('settings').values({ key: KEYS[part], value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    }
    await session.audit.record(trx, { action: 'settings.update', entityType: 'settings', detail: { keys: parts.map((p) => KEYS[p]).join(',') } });
  });
  return readPrivacySettings(session.db);
}
