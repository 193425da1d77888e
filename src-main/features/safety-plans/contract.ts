import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, isoDateSchema, noInput } from '../../api/schemas.js';
import { emergencyNumberSchema, type EmergencyNumber, type SafetyPlanTemplate } from '../../domain/templates.js';
import { freeText, optionalText } from '../templates/fields.js';
import { unitNumbersInputSchema, type UnitEmergencyNumbers } from './unit-numbers.js';

const key = z.string({ error: 'Okänt avsnitt.' }).regex(/^[a-z][a-z0-9_]{0,59}$/, { error: 'Okänt avsnitt.' });

/** What the person and the worker wrote in one section: text, ticked items, or numbers. */
export const sectionContentSchema = z.union([
  z.object({ text: freeText(8000) }).strict(),
  z.object({ checked: z.array(key).max(50), other: optionalText(2000) }).strict(),
  z.object({ numbers: z.array(emergencyNumberSchema).max(20, { error: 'Högst 20 nummer.' }) }).strict(),
]);
export type SectionContent = z.output<typeof sectionContentSchema>;

export const safetyPlanSaveSchema = z
  .object({
    caseId: idSchema,
    personId: idSchema,
    madeOn: isoDateSchema,
    reviewOn: isoDateSchema,
    madeWith: freeText(500, 'Skriv vem planen gjordes tillsammans med.'),
    sections: z.record(key, sectionContentSchema).refine((r) => Object.keys(r).length <= 40, { error: 'För många avsnitt.' }),
    /** Secret: never printed on the client copy. */
    shelterAddress: optionalText(500),
    internalNote: optionalText(4000),
  })
  .strict();

export interface SafetyPlanVersionSummary {
  id: string;
  version: number;
  madeOn: string;
  reviewOn: string;
  worker: { id: string; name: string };
}

export interface SafetyPlan extends SafetyPlanVersionSummary {
  caseId: string;
  personId: string;
  personName: string;
  madeWith: string;
  template: SafetyPlanTemplate;
  sections: Record<string, SectionContent>;
  shelterAddress: string | null;
  internalNote: string | null;
  createdAt: string;
}

/** A case's safety plan: the newest version of each person's, with every version listed. */
export interface SafetyPlansOfCase {
  plans: { personId: string; latest: SafetyPlan; versions: SafetyPlanVersionSummary[] }[];
  /** The template a new plan starts from. */
  template: SafetyPlanTemplate;
  /** The emergency numbers a new plan starts from: the unit's list (Inställningar), else the template's. */
  unitNumbers: EmergencyNumber[];
}

export type { EmergencyNumber, UnitEmergencyNumbers };

export const safetyPlansContract = {
  'safetyPlans.list': channel(z.object({ caseId: idSchema }).strict()).returns<SafetyPlansOfCase>(),
  'safetyPlans.get': channel(z.object({ id: idSchema }).strict()).returns<SafetyPlan>(),
  'safetyPlans.save': channel(safetyPlanSaveSchema).returns<SafetyPlan>(),
  /** The unit's emergency numbers for new safety plans (everyone reads them). */
  'safetyPlans.unitNumbers': channel(noInput).returns<UnitEmergencyNumbers>(),
  /** The samordnare sets the unit's list (ordered, at most 20), or `null` to go back to the template's numbers; logged. */
  'safetyPlans.setUnitNumbers': channel(unitNumbersInputSchema, 'coordinator').returns<UnitEmergencyNumbers>(),
} as const;
