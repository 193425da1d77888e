import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, isoDateSchema } from '../../api/schemas.js';
import { lineSchema } from '../decisions/contract.js';
import type { ProtectionLevel } from '../../domain/vocabulary.js';

/** Who runs a shelter: the municipality, a non-profit women's or girls' shelter (kvinnojour, tjejjour), or a private company. */
export const OPERATOR_TYPES = ['municipal', 'womens_shelter', 'girls_shelter', 'private'] as const;
export type OperatorType = (typeof OPERATOR_TYPES)[number];

/** An optional one-line text: empty becomes null. */
export function optionalLine(max: number) {
  return z
    .string()
    .normalize('NFC')
    .trim()
    .max(max, { error: `Högst ${max} tecken.` })
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { error: 'Otillåtna tecken.' })
    .transform((s) => (s.length === 0 ? null : s))
    .nullable()
    .optional()
    .transform((s) => s ?? null);
}

/** A price per day in whole öre (the form converts kronor). */
export const oreSchema = z
  .number({ error: 'Ange ett belopp.' })
  .int({ error: 'Beloppet anges i hela ören.' })
  .min(0, { error: 'Beloppet kan inte vara negativt.' })
  .max(100_000_000, { error: 'Beloppet är orimligt stort.' });

export const pricePeriodInputSchema = z.object({
  validFrom: isoDateSchema,
  adultOre: oreSchema,
  childOre: oreSchema,
}).strict();

const optionalDate = isoDateSchema.nullable().optional().transform((s) => s ?? null);

export const shelterFieldsSchema = z.object({
  name: lineSchema(120),
  operatorType: z.enum(OPERATOR_TYPES, { error: 'Välj vem som driver boendet.' }),
  permitNumber: optionalLine(60),
  permitValidFrom: optionalDate,
  permitValidTo: optionalDate,
  capacity: z.number({ error: 'Ange antal platser.' }).int({ error: 'Ange ett heltal.' }).min(0, { error: 'Antalet platser kan inte vara negativt.' }).max(1000, { error: 'Högst 1000 platser.' }).nullable().optional().transform((n) => n ?? null),
  contactName: optionalLine(120),
  contactPhone: z.string().trim().regex(/^[0-9+\-() ]{0,30}$/, { error: 'Telefonnummer får bara innehålla siffror, +, - och mellanslag.' }).transform((s) => (s.length === 0 ? null : s)).nullable().optional().transform((s) => s ?? null),
  contactEmail: z.string().trim().max(200).refine((s) => s.length === 0 || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { error: 'E-postadressen ser inte rätt ut.' }).transform((s) => (s.length === 0 ? null : s)).nullable().optional().transform((s) => s ?? null),
  /** Secret: shown only in the internal view after a logged "show", and in internal print. */
  streetAddress: optionalLine(200),
  postalCode: z.string().trim().regex(/^(\d{3} ?\d{2})?$/, { error: 'Postnummer skrivs NNN NN.' }).transform((s) => (s.length === 0 ? null : s.replace(/^(\d{3}) ?(\d{2})$/, '$1 $2'))).nullable().optional().transform((s) => s ?? null),
  city: optionalLine(100),
  wheelchairAccessible: z.boolean().optional().default(false),
  petsAllowed: z.boolean().optional().default(false),
  /** Boys are accepted up to this age (many shelters draw a line at 12–15); null: no limit given. */
  boysMaxAge: z.number().int().min(0, { error: 'Ange en ålder 0–25.' }).max(25, { error: 'Ange en ålder 0–25.' }).nullable().optional().transform((n) => n ?? null),
  languages: optionalLine(200),
  accessibilityNotes: optionalLine(2000),
});

export const shelterCreateSchema = shelterFieldsSchema.extend({ firstPrice: pricePeriodInputSchema.optional() }).strict();
/**
 * A change of the register entry. The address is secret and never sent to
 * the form, so it changes only when `address` is given; left out, it stays.
 */
export const shelterUpdateSchema = shelterFieldsSchema
  .omit({ streetAddress: true, postalCode: true, city: true })
  .extend({ id: idSchema, address: shelterFieldsSchema.pick({ streetAddress: true, postalCode: true, city: true }).strict().optional() })
  .strict();

export interface PricePeriodView {
  id: string;
  validFrom: string;
  /** The day before the next period starts; null for the current last one. */
  validTo: string | null;
  adultOre: number;
  childOre: number;
}

/** A shelter as lists and the register show it: never the address, only whether there is one. */
export interface ShelterSummary {
  id: string;
  name: string;
  operatorType: OperatorType;
  capacity: number | null;
  permitValidTo: string | null;
  archived: boolean;
  /** Persons (adults and children) staying there today. */
  occupiedToday: number;
  currentPrice: { adultOre: number; childOre: number } | null;
}

export interface ShelterDetail extends ShelterSummary {
  permitNumber: string | null;
  permitValidFrom: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  wheelchairAccessible: boolean;
  petsAllowed: boolean;
  boysMaxAge: number | null;
  languages: string | null;
  accessibilityNotes: string | null;
  /** Whether an address is stored; it is read only through `shelters.revealAddress`. */
  hasAddress: boolean;
  pricePeriods: PricePeriodView[];
}

export interface ShelterAddress {
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
}

/** One stay on a shelter's occupancy timeline. */
export interface OccupancyStay {
  placementId: string;
  caseId: string;
  person: { id: string; firstName: string; lastName: string; protectionLevel: ProtectionLevel };
  start: string;
  end: string | null;
  plannedEnd: string | null;
  children: number;
}

export interface Occupancy {
  shelterId: string;
  from: string;
  to: string;
  capacity: number | null;
  stays: OccupancyStay[];
  /** Persons staying each day from `from` to `to`, adults and children. */
  perDay: { date: string; persons: number }[];
}

export const sheltersContract = {
  'shelters.list': channel(z.object({ includeArchived: z.boolean().optional() }).strict()).returns<ShelterSummary[]>(),
  'shelters.get': channel(z.object({ id: idSchema }).strict()).returns<ShelterDetail>(),
  'shelters.revealAddress': channel(z.object({ id: idSchema }).strict()).returns<ShelterAddress>(),
  'shelters.create': channel(shelterCreateSchema, 'coordinator').returns<ShelterDetail>(),
  'shelters.update': channel(shelterUpdateSchema, 'coordinator').returns<ShelterDetail>(),
  'shelters.setArchived': channel(z.object({ id: idSchema, archived: z.boolean() }).strict(), 'coordinator').returns<ShelterDetail>(),
  'shelters.addPricePeriod': channel(pricePeriodInputSchema.extend({ shelterId: idSchema }).strict(), 'coordinator').returns<ShelterDetail>(),
  'shelters.occupancy': channel(
    z.object({ shelterId: idSchema, from: isoDateSchema, to: isoDateSchema }).strict().refine((v) => v.from <= v.to, { error: 'Från-datum måste ligga före till-datum.', path: ['to'] }).refine((v) => (Date.parse(v.to) - Date.parse(v.from)) / 86_400_000 <= 400, { error: 'Högst 400 dagar åt gången.', path: ['to'] }),
  ).returns<Occupancy>(),
} as const;
