import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, isoDateSchema } from '../../api/schemas.js';
import type { ProtectionLevel } from '../../domain/vocabulary.js';

/** A decision grants the service applied for, grants part of it, or refuses it. */
export const DECISION_OUTCOMES = ['granted', 'partly_granted', 'refused'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** A one-line text field: trimmed, 1–max characters, no control characters. */
export function lineSchema(max: number) {
  return z
    .string({ error: 'Fältet måste fyllas i.' })
    .normalize('NFC')
    .trim()
    .min(1, { error: 'Fältet måste fyllas i.' })
    .max(max, { error: `Högst ${max} tecken.` })
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { error: 'Otillåtna tecken.' });
}

/** Code of a service type, as in `service_types.code`. */
export const serviceTypeCodeSchema = z
  .string({ error: 'Välj en insats.' })
  .regex(/^[a-z0-9_]{2,40}$/, { error: 'Koden skrivs med 2–40 små bokstäver a–z, siffror och understreck.' });

export const decisionCreateSchema = z
  .object({
    caseId: idSchema,
    personId: idSchema,
    serviceType: serviceTypeCodeSchema,
    outcome: z.enum(DECISION_OUTCOMES, { error: 'Välj beviljat, delvis beviljat eller avslag.' }),
    decisionDate: isoDateSchema,
    /** The legal ground as written in the decision, e.g. "4 kap. 1 § SoL". */
    legalGround: lineSchema(500),
    /** Who took the decision (name and/or title, as the delegation order says). */
    decidedBy: lineSchema(200),
  })
  .strict();

/** A person as a decision or service names them: with the protection level, so lists can mark protected identities. */
export interface PersonRef {
  id: string;
  firstName: string;
  lastName: string;
  protectionLevel: ProtectionLevel;
}

export interface Decision {
  id: string;
  caseId: string;
  person: PersonRef;
  serviceType: string;
  serviceTypeLabel: string;
  outcome: DecisionOutcome;
  decisionDate: string;
  legalGround: string;
  decidedBy: string;
  createdAt: string;
}

export const decisionsContract = {
  'decisions.list': channel(z.object({ caseId: idSchema }).strict()).returns<Decision[]>(),
  'decisions.create': channel(decisionCreateSchema).returns<Decision>(),
} as const;
