/**
 * What points a log review at an event (loggkontroll). Pure: the caller
 * gives the event and the facts around it.
 */

export const AUDIT_FLAGS = ['protected_person', 'revealed_address', 'not_assigned', 'many_persons', 'outside_office_hours', 'export_or_print'] as const;
export type AuditFlag = (typeof AUDIT_FLAGS)[number];

export interface OfficeHours {
  /** `HH:MM`, local time of the unit. */
  start: string;
  end: string;
  weekdaysOnly: boolean;
}

/** The unit's local time zone; office hours and review periods are Swedish time. */
export const UNIT_TIME_ZONE = 'Europe/Stockholm';

const localParts = new Intl.DateTimeFormat('en-GB', { timeZone: UNIT_TIME_ZONE, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * Whether an instant lies outside the office hours, in Swedish time.
 *
 * @example isOutsideOfficeHours('2026-11-21T10:00:00Z', { start: '07:00', end: '18:00', weekdaysOnly: true }) // true: a Saturday
 */
export function isOutsideOfficeHours(at: string, hours: OfficeHours): boolean {
  const parts = localParts.formatToParts(new Date(at));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  if (hours.weekdaysOnly && (get('weekday') === 'Sat' || get('weekday') === 'Sun')) return true;
  const hhmm = `${get('hour')}:${get('minute')}`;
  return hhmm < hours.start || hhmm >= hours.end;
}

/** Actions that take data out of the app: exports, prints, register extracts. */
export function isExportOrPrint(action: string): boolean {
  return /(^|[._])(export|print|extract|pdf)/.test(action);
}

/** Opening a record (not listing or searching). */
export const PERSON_OPEN_ACTIONS: readonly string[] = ['persons.read'];
export const REVEAL_ADDRESS_ACTION = 'persons.reveal_address';

/**
 * The assignment in force at a moment: the latest assignment at or before it.
 * `assignments` are [at, workerId] in any order.
 */
export function assignedAt(assignments: readonly (readonly [string, string])[], at: string): string | null {
  let best: readonly [string, string] | null = null;
  for (const a of assignments) if (a[0] <= at && (!best || a[0] >= best[0])) best = a;
  return best ? best[1] : null;
}
