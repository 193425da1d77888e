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

export const personCreateSchema = z
  .object({
    firstName: nameSchema,
    lastName: nameSchema,
    /** A personnummer or samordningsnummer (`kind: 'personnummer'` covers both), a reservnummer, or none. */
    identity: personIdentitySchema,
    gender: z.enum(GENDERS, { error: 'Välj kön.' }),
    protectionLevel: z.enum(PROTECTION_LEVELS, { error: 'Välj skyddsnivå.' }),
  })
  .strict();

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

export interface PersonDetail extends PersonSummary {
  gender: Gender;
  createdAt: string;
  cases: PersonCaseLink[];
}

export const personsContract = {
  'persons.create': channel(personCreateSchema).returns<PersonSummary>(),
  'persons.search': channel(z.object({ query: z.string().max(100, { error: 'Sökningen är för lång.' }), limit: z.number().int().min(1).max(100).optional() }).strict()).returns<PersonSummary[]>(),
  'persons.get': channel(z.object({ id: idSchema }).strict()).returns<PersonDetail>(),
} as const;
