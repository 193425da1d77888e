import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, nameSchema } from '../../api/schemas.js';
import { GENDERS, PROTECTION_LEVELS, type CaseRole, type CaseStatus, type Gender, type PersonNumberKind, type ProtectionLevel } from '../../domain/vocabulary.js';

export const personIdentitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('personnummer'), value: z.string().max(20, { error: 'Numret är för långt.' }) }),
  z.object({ kind: z.literal('reservnummer'), value: z.string().max(40, { error: 'Högst 40 tecken.' }) }),
  z.object({
    kind: z.literal('none'),
    birthYear: z.number({ error: 'Ange födelseår.' }).int().min(1900, { error: 'Födelseåret är orimligt.' }).max(2100, { error: 'Födelseåret är orimligt.' }).nullable(),
  }),
]);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Högst ${max} tecken.` })
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { error: 'Otillåtna tecken.' })
    .transform((s) => (s.length === 0 ? null : s))
    .nullable()
    .optional();

/** Contact details and language; all optional. The address is secret for protected identities. */
export const personContactSchema = z.object({
  streetAddress: optionalText(200),
  postalCode: z
    .string()
    .trim()
    .regex(/^(\d{3} ?\d{2})?$/, { error: 'Postnummer skrivs NNN NN.' })
    .transform((s) => (s.length === 0 ? null : s.replace(/^(\d{3}) ?(\d{2})$/, '$1 $2')))
    .nullable()
    .optional(),
  city: optionalText(100),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() ]{0,30}$/, { error: 'Telefonnummer får bara innehålla siffror, +, - och mellanslag.' })
    .transform((s) => (s.length === 0 ? null : s))
    .nullable()
    .optional(),
  email: z
    .string()
    .trim()
    .max(200)
    .refine((s) => s.length === 0 || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { error: 'E-postadressen ser inte rätt ut.' })
    .transform((s) => (s.length === 0 ? null : s))
    .nullable()
    .optional(),
  /** The person's language, as the worker writes it (e.g. "arabiska"). */
  language: optionalText(60),
  interpreterNeeded: z.boolean().optional(),
});

export const personFieldsSchema = z.object({
  firstName: nameSchema,
  lastName: nameSchema,
  /** A personnummer or samordningsnummer (`kind: 'personnummer'` covers both), a reservnummer, or none. */
  identity: personIdentitySchema,
  /** As recorded by the worker; never derived from the number. */
  gender: z.enum(GENDERS, { error: 'Välj kön.' }),
  protectionLevel: z.enum(PROTECTION_LEVELS, { error: 'Välj skyddsnivå.' }),
  contact: personContactSchema.strict().optional(),
});

export const personCreateSchema = personFieldsSchema.strict();
export const personUpdateSchema = personFieldsSchema.extend({ id: idSchema }).strict();

export type PersonCreateInput = z.input<typeof personCreateSchema>;

export interface PersonSummary {
  id: string;
  firstName: string;
  lastName: string;
  numberKind: PersonNumberKind;
  personalNumber: string | null;
  birthYear: number | null;
  protectionLevel: ProtectionLevel;
}

export interface PersonCaseLink {
  caseId: string;
  caseNumber: string;
  role: CaseRole;
  status: CaseStatus;
  intakeDate: string;
}

export interface PersonAddress {
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
}

export interface PersonDetail extends PersonSummary {
  gender: Gender;
  createdAt: string;
  phone: string | null;
  email: string | null;
  language: string | null;
  interpreterNeeded: boolean;
  /** `withheld` for a protected identity: shown only through `persons.revealAddress`, which is logged. */
  address: { kind: 'shown'; address: PersonAddress } | { kind: 'withheld' } | { kind: 'none' };
  cases: PersonCaseLink[];
}

export const personsContract = {
  'persons.create': channel(personCreateSchema).returns<PersonSummary>(),
  'persons.search': channel(z.object({ query: z.string().max(100, { error: 'Sökningen är för lång.' }), limit: z.number().int().min(1).max(100).optional() }).strict()).returns<PersonSummary[]>(),
  'persons.get': channel(z.object({ id: idSchema }).strict()).returns<PersonDetail>(),
  'persons.update': channel(personUpdateSchema).returns<PersonDetail>(),
  /** A deliberate look at a protected address: logged as its own event. */
  'persons.revealAddress': channel(z.object({ id: idSchema }).strict()).returns<PersonAddress>(),
} as const;
