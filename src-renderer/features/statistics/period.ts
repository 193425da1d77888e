import type { MonthPeriod } from '../../../src-main/domain/statistics-period';

/** How the worker picks a period: one month, a quarter, a year, or any span of months. */
export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** 1–12, for `month`. */
  month: number;
  /** 1–4, for `quarter`. */
  quarter: number;
  /** `YYYY-MM`, for `custom`. */
  from: string;
  to: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The default: this calendar year (the board's "this year against last"). */
export function defaultChoice(today: Date = new Date()): PeriodChoice {
  const year = today.getFullYear();
  const month = today.getMonth() + 1;
  return { kind: 'year', year, month, quarter: Math.ceil(month / 3), from: `${year}-01`, to: `${year}-${pad(month)}` };
}

/** The months a choice means, or null when a custom span is not two valid months in order. */
export function periodOf(c: PeriodChoice): MonthPeriod | null {
  switch (c.kind) {
    case 'month':
      return { from: `${c.year}-${pad(c.month)}`, to: `${c.year}-${pad(c.month)}` };
    case 'quarter':
      return { from: `${c.year}-${pad(c.quarter * 3 - 2)}`, to: `${c.year}-${pad(c.quarter * 3)}` };
    case 'year':
      return { from: `${c.year}-01`, to: `${c.year}-12` };
    case 'custom': {
      const ok = (m: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m);
      return ok(c.from) && ok(c.to) && c.from <= c.to ? { from: c.from, to: c.to } : null;
    }
  }
}

/** "2026-01 – 2026-03", or one month alone. */
export function periodLabel(p: MonthPeriod): string {
  return p.from === p.to ? p.from : `${p.from} – ${p.to}`;
}
