import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { noInput } from '../../api/schemas.js';
import { MONTH_PATTERN, type MonthPeriod } from '../../domain/statistics-period.js';
import type { PrintDelivery } from '../../print/engine.js';
import { MIN_SUPPRESSION_THRESHOLD } from '../../domain/suppression.js';
import type { OutcomeFigures } from './figures/outcomes.js';

const monthSchema = z.string({ error: 'Ange en månad.' }).regex(MONTH_PATTERN, { error: 'Månad skrivs ÅÅÅÅ-MM.' });

export const periodSchema = z
  .object({ from: monthSchema, to: monthSchema })
  .strict()
  .refine((p) => p.from <= p.to, { error: 'Periodens början ligger efter dess slut.', path: ['to'] })
  .refine((p) => p.from >= '1990-01' && p.to <= '2199-12', { error: 'Perioden ligger utanför det som går att räkna.', path: ['from'] })
  .refine((p) => monthIndex(p.to) - monthIndex(p.from) < 120, { error: 'En period kan vara högst tio år.', path: ['to'] });

function monthIndex(m: string): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
}

export const statisticsSettingsSchema = z.object({
  /** Counts from 1 to threshold − 1 never leave the unit. */
  suppressionThreshold: z
    .number({ error: 'Ange ett tal.' })
    .int({ error: 'Ange ett heltal.' })
    .min(MIN_SUPPRESSION_THRESHOLD, { error: `Gränsen kan inte vara lägre än ${MIN_SUPPRESSION_THRESHOLD}.` })
    .max(50, { error: 'Högst 50.' }),
  /** The municipality's adult inhabitants (18+), for figures per 10,000; null until the unit enters it. */
  adultPopulation: z.number({ error: 'Ange ett antal invånare.' }).int({ error: 'Ange ett heltal.' }).min(1, { error: 'Minst 1.' }).max(20_000_000, { error: 'För stort tal.' }).nullable(),
  /** Days within which a new case should have a risk assessment (quality indicator). */
  riskAssessmentDays: z.number({ error: 'Ange ett antal dagar.' }).int({ error: 'Ange hela dagar.' }).min(1, { error: 'Minst 1 dag.' }).max(365, { error: 'Högst 365 dagar.' }),
});
export type StatisticsSettings = z.infer<typeof statisticsSettingsSchema>;
export const DEFAULT_STATISTICS_SETTINGS: StatisticsSettings = Object.freeze({ suppressionThreshold: 5, adultPopulation: null, riskAssessmentDays: 14 });

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A breakdown: categories (codes; the renderer translates) with counts in the period and the same period a year earlier. */
export interface Breakdown {
  id: BreakdownId;
  categories: { code: string; label: string | null; current: number; previous: number }[];
  /** Totals, or null where one case may count in several categories (violence types). */
  currentTotal: number | null;
  previousTotal: number | null;
}

export const BREAKDOWN_IDS = ['source', 'violence_type', 'gender', 'age_band', 'relation', 'children', 'services', 'decisions', 'closing_reason', 'risk_level', 'placement_destination', 'placed_children_consent'] as const;
export type BreakdownId = (typeof BREAKDOWN_IDS)[number];

/** Part of a whole, in the period and a year earlier. */
export interface Share {
  current: number;
  currentOf: number;
  previous: number;
  previousOf: number;
}

/** Placements in protected housing over a period. */
export interface PlacementFigures {
  /** Placements that started. */
  started: number;
  /** Billed nights in the period (adults, accompanying children), by the domain's day-counting rule. */
  adultDays: number;
  childDays: number;
  /** Cost of those nights, öre. */
  costOre: number;
  /** Placements that ended, and their average length in billed nights (one decimal; null when none ended). */
  ended: number;
  averageDays: number | null;
}

export interface KeyFigure {
  id: 'cases_opened' | 'cases_with_service' | 'closed_goal_met';
  current: number;
  previous: number;
  /** Per 10,000 adult inhabitants, one decimal; null without a population setting. */
  currentPer10k: number | null;
  previousPer10k: number | null;
}

export interface Dashboard {
  period: MonthPeriod;
  comparison: MonthPeriod;
  /** New cases per month of the period's last year against the year before (the board's question). */
  monthly: { year: number; months: { month: number; current: number; previous: number }[] };
  keyFigures: KeyFigure[];
  breakdowns: Breakdown[];
  placements: { current: PlacementFigures; previous: PlacementFigures };
  quality: {
    /** Median days from intake to first contact among new cases with a first contact; and how many had one. */
    medianDaysToFirstContact: { current: number | null; previous: number | null; currentCases: number; previousCases: number };
    /** Children in the period's new cases with a decision of their own. */
    childrenWithOwnDecision: Share;
    /** New cases with a risk assessment within `settings.riskAssessmentDays` of intake. */
    riskAssessmentWithinDays: Share;
    /** New cases with a safety plan. */
    safetyPlan: Share;
    /** Children placed with a parent in the period whose placement has a decision of their own. */
    accompanyingChildrenWithOwnDecision: Share;
  };
  /** The outcome follow-up: change between intake and closing in cases closed in the period, by service. */
  outcomes: OutcomeFigures;
  settings: StatisticsSettings;
}

/** One cell of an export, exactly as it will be written: text, or a number (counts and rates). */
export type ExportCell = string | number;

/** What will leave the unit, cell by cell: the same grid is written to CSV and XLSX. */
export interface ExportPreview {
  period: MonthPeriod;
  threshold: number;
  rows: ExportCell[][];
  /** Tables left out whole because no suppression could protect them (normally none). */
  withheld: string[];
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  /** The file's bytes, base64. */
  base64: string;
  preview: ExportPreview;
}

export const statisticsContract = {
  'statistics.dashboard': channel(periodSchema).returns<Dashboard>(),
  'statistics.settings': channel(noInput).returns<StatisticsSettings>(),
  'statistics.updateSettings': channel(statisticsSettingsSchema.partial().strict(), 'coordinator').returns<StatisticsSettings>(),
  'statistics.exportPreview': channel(periodSchema).returns<ExportPreview>(),
  /** The board report: the export's cells as an A4 PDF through the print engine; logged as an export. */
  'statistics.reportPdf': channel(periodSchema).returns<PrintDelivery>(),
  'statistics.export': channel(z.object({ period: periodSchema, format: z.enum(EXPORT_FORMATS, { error: 'Välj CSV eller Excel.' }) }).strict()).returns<ExportFile>(),
} as const;
