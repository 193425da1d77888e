import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, isoDateSchema, noInput } from '../../api/schemas.js';
import type { Cost } from '../../domain/placement-cost.js';
import type { PlacementFlag } from '../../domain/placement-rules.js';
import type { ProtectionLevel } from '../../domain/vocabulary.js';
import { optionalLine, oreSchema } from '../shelters/contract.js';
import { lineSchema } from '../decisions/contract.js';
import type { OperatorType } from '../shelters/contract.js';

/** Why a placement ended. */
export const END_REASONS = ['goal_met', 'moved_on', 'left_on_own', 'asked_to_leave', 'moved_shelter', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** Where the person went afterwards: the question national follow-up asks. */
export const DESTINATIONS = ['own_home', 'sublet', 'back_to_perpetrator', 'other_housing', 'other_municipality', 'unknown'] as const;
export type Destination = (typeof DESTINATIONS)[number];

/** The ground of a child's own decision: the other custodian consented, the parent has sole custody, or it was decided without consent (the ground is then written). */
export const CHILD_CONSENTS = ['other_custodian_consented', 'sole_custody', 'without_consent'] as const;
export type ChildConsent = (typeof CHILD_CONSENTS)[number];
/** As stored: a child brought in by the import has its consent `unknown` until the worker completes it. */
export type StoredChildConsent = ChildConsent | 'unknown';

/** How the child's schooling or preschool is arranged during the stay. */
export const SCHOOLING = ['own_school', 'new_school', 'school_at_shelter', 'distance', 'own_preschool', 'new_preschool', 'none_arranged', 'not_school_age', 'unknown'] as const;
export type Schooling = (typeof SCHOOLING)[number];

const optionalDate = isoDateSchema.nullable().optional().transform((s) => s ?? null);

export const placementChildInputSchema = z
  .object({
    personId: idSchema,
    /** The child's own arrival; by default the parent's. */
    startDate: optionalDate,
    endDate: optionalDate,
    /** The reference of the child's own decision (dnr or date and decision maker). */
    decisionRef: lineSchema(120),
    consent: z.enum(CHILD_CONSENTS, { error: 'Välj hur den andra vårdnadshavarens samtycke ser ut.' }),
    /** Required when the decision was taken without the other custodian's consent (e.g. "6 kap. 13 a § FB"). */
    consentGround: optionalLine(500),
    schooling: z.enum(SCHOOLING, { error: 'Välj hur skolgången är ordnad.' }),
    schoolingNote: optionalLine(500),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.consent === 'without_consent' && !c.consentGround) ctx.addIssue({ code: 'custom', path: ['consentGround'], message: 'Ange grunden för beslutet när samtycke saknas.' });
  });

export const placementCreateSchema = z
  .object({
    caseId: idSchema,
    personId: idSchema,
    shelterId: idSchema,
    decisionDate: isoDateSchema,
    decisionRef: optionalLine(120),
    startDate: isoDateSchema,
    plannedEndDate: optionalDate,
    followUpDate: optionalDate,
    adultPriceOverrideOre: oreSchema.nullable().optional().transform((n) => n ?? null),
    childPriceOverrideOre: oreSchema.nullable().optional().transform((n) => n ?? null),
    priceOverrideReason: optionalLine(500),
    children: z.array(placementChildInputSchema).max(15, { error: 'Högst 15 barn.' }).default([]),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.adultPriceOverrideOre !== null || p.childPriceOverrideOre !== null) && !p.priceOverrideReason) {
      ctx.addIssue({ code: 'custom', path: ['priceOverrideReason'], message: 'Ange varför priset avviker från boendets prislista.' });
    }
    const seen = new Set<string>();
    p.children.forEach((c, i) => {
      if (c.personId === p.personId) ctx.addIssue({ code: 'custom', path: ['children', i, 'personId'], message: 'Den placerade personen kan inte också stå som medföljande barn.' });
      if (seen.has(c.personId)) ctx.addIssue({ code: 'custom', path: ['children', i, 'personId'], message: 'Barnet står redan med.' });
      seen.add(c.personId);
    });
  });

export const placementEndSchema = z
  .object({
    id: idSchema,
    endDate: isoDateSchema,
    endReason: z.enum(END_REASONS, { error: 'Välj varför placeringen upphörde.' }),
    destination: z.enum(DESTINATIONS, { error: 'Välj vart personen flyttade.' }),
  })
  .strict();

export const placementPlanSchema = z.object({ id: idSchema, plannedEndDate: optionalDate, followUpDate: optionalDate }).strict();

export interface PersonRef {
  id: string;
  firstName: string;
  lastName: string;
  protectionLevel: ProtectionLevel;
}

export interface PlacementChild {
  id: string;
  person: PersonRef;
  startDate: string;
  endDate: string | null;
  decisionRef: string;
  consent: StoredChildConsent;
  consentGround: string | null;
  schooling: Schooling;
  schoolingNote: string | null;
}

export interface Placement {
  id: string;
  caseId: string;
  caseNumber: string;
  person: PersonRef;
  shelter: { id: string; name: string; operatorType: OperatorType };
  decisionDate: string;
  decisionRef: string | null;
  startDate: string;
  plannedEndDate: string | null;
  endDate: string | null;
  followUpDate: string | null;
  adultPriceOverrideOre: number | null;
  childPriceOverrideOre: number | null;
  priceOverrideReason: string | null;
  endReason: EndReason | null;
  destination: Destination | null;
  children: PlacementChild[];
  /** Billed days so far (the whole stay once ended): adult and children. */
  cost: Cost;
  flags: PlacementFlag[];
}

/** One shelter's row in the monthly cost report. */
export interface MonthlyCostRow {
  shelterId: string;
  shelterName: string;
  placements: number;
  cost: Cost;
}

export interface MonthlyCost {
  month: string;
  /** Until this day for stays still going on (today, or the month's last day for past months). */
  countedThrough: string;
  rows: MonthlyCostRow[];
  total: Cost;
}

/** One shelter's row in the year's budget: a cost per month (January first) and the year's. */
export interface YearCostRow {
  shelterId: string;
  shelterName: string;
  months: Cost[];
  total: Cost;
}

export interface YearCost {
  year: number;
  /** The twelve months, `YYYY-MM`. */
  months: string[];
  /** Stays still going on are counted until this day. */
  countedThrough: string;
  rows: YearCostRow[];
  monthTotals: Cost[];
  total: Cost;
}

export interface Reminder {
  placement: Placement;
  kind: 'planned_end' | 'follow_up';
  date: string;
  overdue: boolean;
}

const monthSchema = z.string({ error: 'Ange en månad.' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Månad skrivs ÅÅÅÅ-MM.' });

export const placementsContract = {
  'placements.create': channel(placementCreateSchema).returns<Placement>(),
  'placements.get': channel(z.object({ id: idSchema }).strict()).returns<Placement>(),
  'placements.end': channel(placementEndSchema).returns<Placement>(),
  'placements.setPlan': channel(placementPlanSchema).returns<Placement>(),
  'placements.listForCase': channel(z.object({ caseId: idSchema }).strict()).returns<Placement[]>(),
  'placements.listForPerson': channel(z.object({ personId: idSchema }).strict()).returns<Placement[]>(),
  'placements.current': channel(noInput).returns<Placement[]>(),
  'placements.reminders': channel(z.object({ withinDays: z.number().int().min(0).max(90).optional() }).strict()).returns<Reminder[]>(),
  'placements.monthlyCost': channel(z.object({ month: monthSchema }).strict()).returns<MonthlyCost>(),
  'placements.yearCost': channel(z.object({ year: z.number({ error: 'Ange ett år.' }).int().min(1990, { error: 'Året måste vara 1990 eller senare.' }).max(2200, { error: 'Året är för långt fram.' }) }).strict()).returns<YearCost>(),
} as const;
