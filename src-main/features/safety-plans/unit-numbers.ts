import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { emergencyNumberSchema, type EmergencyNumber, type SafetyPlanTemplate } from '../../domain/templates.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The unit's emergency numbers live in the settings table under this key (JSON array). */
export const UNIT_NUMBERS_SETTING = 'safetyPlans.emergencyNumbers';
export const MAX_UNIT_NUMBERS = 20;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/**
 * One of the unit's numbers, with messages written for the settings form;
 * piped through the template's own `emergencyNumberSchema`, so a number the
 * unit saves always fits a safety plan.
 */
const unitNumberSchema = z
  .object({
    label: z
      .string({ error: 'Skriv vad numret går till.' })
      .trim()
      .min(1, { error: 'Skriv vad numret går till, till exempel ”Socialjouren”.' })
      .max(100, { error: 'Högst 100 tecken.' })
      .refine((s) => !CONTROL.test(s), { error: 'Texten innehåller otillåtna tecken.' }),
    number: z
      .string({ error: 'Skriv numret.' })
      .trim()
      .min(1, { error: 'Skriv numret.' })
      .regex(/^[0-9 +\-()]{2,30}$/, { error: 'Numret skrivs med 2–30 siffror, mellanslag, +, - eller parenteser.' }),
  })
  .strict()
  .pipe(emergencyNumberSchema);

/** The whole list, in the order it prints; `null` goes back to the template's numbers. */
export const unitNumbersInputSchema = z
  .object({
    numbers: z
      .array(unitNumberSchema)
      .min(1, { error: 'Ange minst ett nummer.' })
      .max(MAX_UNIT_NUMBERS, { error: `Högst ${MAX_UNIT_NUMBERS} nummer.` })
      .nullable(),
  })
  .strict();

/** The numbers a new safety plan starts from, and whether they are still the template's own. */
export interface UnitEmergencyNumbers {
  numbers: EmergencyNumber[];
  /** True while the unit has not set its own list: the numbers come from the safety-plan template. */
  fromTemplate: boolean;
}

/** The template's numbers: the defaults of its first numbers section (empty when it has none). */
export function templateNumbers(t: SafetyPlanTemplate): EmergencyNumber[] {
  const s = t.sections.find((x) => x.kind === 'numbers');
  return s && s.kind === 'numbers' ? s.defaults.map((n) => ({ ...n })) : [];
}

/** The unit's list, or the template's numbers when none is stored (or the stored one cannot be read). */
export async function readUnitNumbers(db: Db, template: SafetyPlanTemplate): Promise<UnitEmergencyNumbers> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', UNIT_NUMBERS_SETTING).executeTakeFirst();
  if (row) {
    try {
      const parsed = z.array(emergencyNumberSchema).max(MAX_UNIT_NUMBERS).safeParse(JSON.parse(row.value));
      if (parsed.success) return { numbers: parsed.data, fromTemplate: false };
    } catch {
      // An unreadable value falls back to the template's numbers.
    }
  }
  return { numbers: templateNumbers(template), fromTemplate: true };
}

/** Stores the unit's list (or removes it: `null`), with its audit event in the same transaction. */
export async function writeUnitNumbers(trx: Transaction<Database>, session: Session, numbers: EmergencyNumber[] | null): Promise<void> {
  if (numbers === null) await trx.deleteFrom('settings').where('key', '=', UNIT_NUMBERS_SETTING).execute();
  else {
    const value = JSON.stringify(numbers);
    await trx.insertInto('settings').values({ key: UNIT_NUMBERS_SETTING, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }
  await session.audit.record(trx, { action: 'safety_plans.set_numbers', entityType: 'settings', detail: { keys: UNIT_NUMBERS_SETTING, count: numbers?.length ?? 0, fromTemplate: numbers === null } });
}

/**
 * A version's content with numbers where it gives none: when the plan leaves
 * out the template's first numbers section, it gets `numbers` (the previous
 * version's for a new version, the unit's list for a new plan), so the stored
 * version holds what is printed. `null` leaves the content as it is.
 */
export function withNumbers<C>(template: SafetyPlanTemplate, sections: Record<string, C | { numbers: EmergencyNumber[] }>, numbers: EmergencyNumber[] | null): Record<string, C | { numbers: EmergencyNumber[] }> {
  const s = template.sections.find((x) => x.kind === 'numbers');
  if (!s || !numbers || s.key in sections) return sections;
  return { ...sections, [s.key]: { numbers: numbers.map((n) => ({ ...n })) } };
}
