import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, isoDateSchema } from '../../api/schemas.js';
import { freeText, optionalText } from '../templates/fields.js';

export const ACTION_PLAN_STATUSES = ['draft', 'active', 'completed', 'cancelled'] as const;
export type ActionPlanStatus = (typeof ACTION_PLAN_STATUSES)[number];

export const planActionSchema = z
  .object({
    what: freeText(1000, 'Skriv vad som ska göras.'),
    who: freeText(200, 'Skriv vem som ansvarar.'),
    byDate: isoDateSchema.nullable(),
    followUpOn: isoDateSchema.nullable(),
    outcome: optionalText(2000),
  })
  .strict();
export type PlanAction = z.output<typeof planActionSchema>;

const fields = {
  status: z.enum(ACTION_PLAN_STATUSES, { error: 'Välj planens status.' }),
  goals: z.array(freeText(1000, 'Skriv målet.'), { error: 'Ange minst ett mål.' }).min(1, { error: 'Ange minst ett mål.' }).max(20, { error: 'Högst 20 mål.' }),
  actions: z.array(planActionSchema).max(50, { error: 'Högst 50 åtgärder.' }),
  followUpOn: isoDateSchema.nullable(),
  workerSignedOn: isoDateSchema.nullable(),
  personSignedOn: isoDateSchema.nullable(),
  internalNote: optionalText(4000),
};

export const actionPlanCreateSchema = z.object({ caseId: idSchema, personId: idSchema, ...fields }).strict();
export const actionPlanUpdateSchema = z.object({ id: idSchema, ...fields }).strict();

export interface ActionPlan {
  id: string;
  caseId: string;
  personId: string;
  personName: string;
  status: ActionPlanStatus;
  goals: string[];
  actions: PlanAction[];
  followUpOn: string | null;
  workerSignedOn: string | null;
  personSignedOn: string | null;
  internalNote: string | null;
  worker: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
}

export const actionPlansContract = {
  'actionPlans.list': channel(z.object({ caseId: idSchema }).strict()).returns<ActionPlan[]>(),
  'actionPlans.create': channel(actionPlanCreateSchema).returns<ActionPlan>(),
  'actionPlans.update': channel(actionPlanUpdateSchema).returns<ActionPlan>(),
} as const;
