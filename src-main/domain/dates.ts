/**
 * The calendar date where the worker is, `YYYY-MM-DD`. Dates a worker types
 * (intake, decisions) are local dates; comparing them with a UTC date would
 * refuse "today" between midnight and 01:00/02:00 in Sweden.
 *
 * @example localIsoDate(new Date('2026-11-23T23:30:00Z'), 'Europe/Stockholm') // '2026-11-24'
 */
export function localIsoDate(now: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Whether a year of the Gregorian calendar has 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
