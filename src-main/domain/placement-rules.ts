import type { FieldIssue } from './errors.js';
import { billedRange, dayNumber } from './placement-cost.js';

/**
 * Rules for a placement's dates: pure, shared by the placement form, the
 * service and the import. Messages are Swedish; paths match the form.
 */

export interface DatedStay {
  id: string;
  start: string;
  end: string | null;
}

/**
 * Whether two stays hold the same bed-night. Ranges are the billed days
 * (arrival day in, departure day out), so leaving one shelter and arriving at
 * the next on the same day is not an overlap; an open stay runs on for ever.
 */
export function staysOverlap(a: { start: string; end: string | null }, b: { start: string; end: string | null }): boolean {
  const ra = a.end === null ? { from: dayNumber(a.start), to: Infinity } : billedRange(a, a.start);
  const rb = b.end === null ? { from: dayNumber(b.start), to: Infinity } : billedRange(b, b.start);
  return ra.from < rb.to && rb.from < ra.to;
}

/** The first of a person's other stays that overlaps the candidate (the candidate's own id is skipped). */
export function findOverlap<S extends DatedStay>(existing: readonly S[], candidate: { id?: string; start: string; end: string | null }): S | null {
  for (const s of existing) {
    if (s.id === candidate.id) continue;
    if (staysOverlap(s, candidate)) return s;
  }
  return null;
}

export interface PlacementDates {
  decisionDate: string;
  startDate: string;
  plannedEndDate: string | null;
  endDate: string | null;
  followUpDate?: string | null;
}

/**
 * Order checks for a placement's own dates. The decision is not ordered
 * against the start: after an emergency placement the decision often comes
 * a few days later.
 */
export function placementDateIssues(d: PlacementDates, today: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (d.decisionDate > today) issues.push({ path: 'decisionDate', code: 'future', message: 'Beslutsdatum kan inte ligga i framtiden.' });
  if (d.endDate !== null && d.endDate < d.startDate) issues.push({ path: 'endDate', code: 'before_start', message: 'Slutdatum kan inte ligga före startdatum.' });
  if (d.endDate !== null && d.endDate > today) issues.push({ path: 'endDate', code: 'future', message: 'Slutdatum kan inte ligga i framtiden. Ange det när placeringen har upphört.' });
  if (d.plannedEndDate !== null && d.plannedEndDate < d.startDate) {
    issues.push({ path: 'plannedEndDate', code: 'before_start', message: 'Planerat slut kan inte ligga före startdatum.' });
  }
  if (d.followUpDate != null && d.followUpDate < d.startDate) issues.push({ path: 'followUpDate', code: 'before_start', message: 'Uppföljning kan inte ligga före startdatum.' });
  return issues;
}

/** Checks a child's own stay against the parent's: inside it, in order. `path` is the child's row in the form. */
export function childStayIssues(child: { startDate: string; endDate: string | null }, parent: { startDate: string; endDate: string | null }, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (child.startDate < parent.startDate) issues.push({ path: `${path}.startDate`, code: 'before_parent', message: 'Barnet kan inte komma till boendet före föräldern.' });
  if (child.endDate !== null && child.endDate < child.startDate) issues.push({ path: `${path}.endDate`, code: 'before_start', message: 'Barnets slutdatum kan inte ligga före barnets startdatum.' });
  if (child.endDate !== null && parent.endDate !== null && child.endDate > parent.endDate) {
    issues.push({ path: `${path}.endDate`, code: 'after_parent', message: 'Barnet kan inte bo kvar efter att föräldern har lämnat boendet.' });
  }
  return issues;
}

export type PlacementFlag = 'planned_end_passed' | 'follow_up_due';

/**
 * Flags a worker should see on a placement still going on: the planned end
 * has passed without an end being recorded, or the follow-up date has come.
 */
export function placementFlags(p: { plannedEndDate: string | null; endDate: string | null; followUpDate: string | null }, today: string): PlacementFlag[] {
  if (p.endDate !== null) return [];
  const flags: PlacementFlag[] = [];
  if (p.plannedEndDate !== null && p.plannedEndDate < today) flags.push('planned_end_passed');
  if (p.followUpDate !== null && p.followUpDate <= today) flags.push('follow_up_due');
  return flags;
}
