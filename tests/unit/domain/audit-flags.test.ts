import { describe, expect, it } from 'vitest';
import { assignedAt, isExportOrPrint, isOutsideOfficeHours } from '../../../src-main/domain/audit-flags.js';

const HOURS = { start: '07:00', end: '18:00', weekdaysOnly: true };

describe('log flags', () => {
  it('office hours are Swedish time, winter and summer', () => {
    // Monday 23 November 2026: UTC+1.
    expect(isOutsideOfficeHours('2026-11-23T06:30:00Z', HOURS)).toBe(false); // 07:30
    expect(isOutsideOfficeHours('2026-11-23T05:59:00Z', HOURS)).toBe(true); // 06:59
    expect(isOutsideOfficeHours('2026-11-23T17:00:00Z', HOURS)).toBe(true); // 18:00
    // Monday 15 June 2026: UTC+2.
    expect(isOutsideOfficeHours('2026-06-15T05:30:00Z', HOURS)).toBe(false); // 07:30
    expect(isOutsideOfficeHours('2026-06-15T16:30:00Z', HOURS)).toBe(true); // 18:30
  });

  it('weekends are outside office hours unless the unit works them', () => {
    expect(isOutsideOfficeHours('2026-11-21T10:00:00Z', HOURS)).toBe(true);
    expect(isOutsideOfficeHours('2026-11-21T10:00:00Z', { ...HOURS, weekdaysOnly: false })).toBe(false);
  });

  it('recognises exports, prints and extracts, not reads', () => {
    for (const a of ['privacy.extract_print', 'privacy.log_export', 'plans.print', 'statistics.export_xlsx']) expect(isExportOrPrint(a), a).toBe(true);
    for (const a of ['persons.read', 'cases.list', 'journal.sign']) expect(isExportOrPrint(a), a).toBe(false);
  });

  it('finds the assignment in force at a moment', () => {
    const history = [['2026-01-01T00:00:00Z', 'anna'], ['2026-03-01T00:00:00Z', 'bo']] as const;
    expect(assignedAt(history, '2025-12-31T00:00:00Z')).toBeNull();
    expect(assignedAt(history, '2026-02-01T00:00:00Z')).toBe('anna');
    expect(assignedAt(history, '2026-03-01T00:00:00Z')).toBe('bo');
  });
});
