/** Today's date on this computer as `YYYY-MM-DD` (local time: a worker in Sweden means the Swedish day). */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Whether `YYYY-MM-DD` is a day that exists in the calendar. */
export function isRealIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A timestamp (ISO) shown as local `YYYY-MM-DD HH:MM`, the form Swedish offices write. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getHours()).padStart(2, '0');
  const mm = String(d.getMinutes()).padStart(2, '0');
  return `${todayIso(d)} ${hh}:${mm}`;
}

/** A timestamp shown as its local date only. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : todayIso(d);
}

/** A stored date (`YYYY-MM-DD`, shown as it is) or timestamp (shown as its local date). */
export function showDate(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : formatDate(value);
}
