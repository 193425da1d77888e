import { RISK_LEVELS } from '../../../domain/templates.js';
import { AGE_BANDS } from '../../../domain/statistics-period.js';
import { CHILD_EXPOSURES, CLOSING_REASONS, GENDERS, INTAKE_SOURCES, RELATIONS, VIOLENCE_TYPES } from '../../../domain/vocabulary.js';
import { DECISION_OUTCOMES } from '../../decisions/contract.js';
import { CHILD_CONSENTS, DESTINATIONS } from '../../placements/contract.js';
import type { Breakdown, BreakdownId } from '../contract.js';
import type { MonthCounts, Periods } from './counts.js';

interface Spec {
  id: BreakdownId;
  measure: string;
  dimension: string;
  /** Fixed categories in display order; values outside them are added after (e.g. an unknown code). */
  codes: readonly string[];
  /** Whether one case can count in several categories (then no total is given). */
  multi?: boolean;
}

/** Intake, people, outcome, risk and placement breakdowns. */
const SPECS: Spec[] = [
  { id: 'source', measure: 'new_cases', dimension: 'source', codes: INTAKE_SOURCES },
  { id: 'violence_type', measure: 'new_cases_violence', dimension: 'violence_type', codes: VIOLENCE_TYPES, multi: true },
  { id: 'gender', measure: 'new_cases', dimension: 'gender', codes: GENDERS },
  { id: 'age_band', measure: 'new_cases', dimension: 'age_band', codes: AGE_BANDS },
  { id: 'relation', measure: 'new_cases', dimension: 'relation', codes: [...RELATIONS, 'unknown'] },
  { id: 'children', measure: 'children', dimension: 'exposure', codes: [...CHILD_EXPOSURES, 'unknown'] },
  { id: 'decisions', measure: 'decisions', dimension: 'outcome', codes: DECISION_OUTCOMES },
  { id: 'closing_reason', measure: 'closed_cases', dimension: 'closing_reason', codes: [...CLOSING_REASONS, 'unknown'] },
  { id: 'risk_level', measure: 'risk_assessments', dimension: 'level', codes: RISK_LEVELS },
  { id: 'placement_destination', measure: 'placements_ended', dimension: 'destination', codes: DESTINATIONS },
  { id: 'placed_children_consent', measure: 'placed_children', dimension: 'consent', codes: CHILD_CONSENTS },
];

function build(spec: Spec, counts: MonthCounts, periods: Periods, labels: ReadonlyMap<string, string> = new Map()): Breakdown {
  const cur = counts.values(spec.measure, spec.dimension, periods.current);
  const prev = counts.values(spec.measure, spec.dimension, periods.previous);
  const codes = [...spec.codes];
  for (const code of [...cur.keys(), ...prev.keys()]) if (!codes.includes(code)) codes.push(code);
  const categories = codes.map((code) => ({ code, label: labels.get(code) ?? null, current: cur.get(code) ?? 0, previous: prev.get(code) ?? 0 }));
  const sum = (k: 'current' | 'previous') => categories.reduce((a, c) => a + c[k], 0);
  return { id: spec.id, categories, currentTotal: spec.multi ? null : sum('current'), previousTotal: spec.multi ? null : sum('previous') };
}

/** Every breakdown, services by the unit's own list of service types (labels from it). */
export function breakdowns(counts: MonthCounts, periods: Periods, serviceTypes: { code: string; label: string }[]): Breakdown[] {
  const out = SPECS.map((s) => build(s, counts, periods));
  const services = build({ id: 'services', measure: 'services_started', dimension: 'service_type', codes: serviceTypes.map((t) => t.code) }, counts, periods, new Map(serviceTypes.map((t) => [t.code, t.label])));
  out.splice(6, 0, services);
  return out;
}
