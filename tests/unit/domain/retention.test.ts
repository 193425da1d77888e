import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_RETENTION_RULE, addYears, ageBand, birthDayOfMonth, retentionVerdict, type RetentionFacts } from '../../../src-main/domain/retention.js';

const closed = (lastEntryDate: string, over: Partial<RetentionFacts> = {}): RetentionFacts => ({ caseId: 'c1', closed: true, lastEntryDate, mainPersonBirthDay: 7, onHold: false, ...over });
const TODAY = '2026-11-23';

describe('retention rules with a fixed clock', () => {
  it('a closed case is due five years after its last entry, to be deleted by the end of the following year', () => {
    expect(retentionVerdict(closed('2021-11-23'), DEFAULT_RETENTION_RULE, TODAY)).toEqual({ caseId: 'c1', delete: true, reason: 'due', dueFrom: '2026-11-23', deadline: '2027-12-31' });
    expect(retentionVerdict(closed('2021-11-24'), DEFAULT_RETENTION_RULE, TODAY)).toMatchObject({ delete: false, reason: 'not_yet', dueFrom: '2026-11-24' });
  });

  it('a case past its deadline is overdue, and still deleted', () => {
    expect(retentionVerdict(closed('2019-06-30'), DEFAULT_RETENTION_RULE, TODAY)).toMatchObject({ delete: true, reason: 'overdue', dueFrom: '2024-06-30', deadline: '2025-12-31' });
  });

  it('the number of years is a setting', () => {
    expect(retentionVerdict(closed('2023-01-01'), { ...DEFAULT_RETENTION_RULE, yearsAfterLastEntry: 3 }, TODAY)).toMatchObject({ delete: true, dueFrom: '2026-01-01' });
    expect(retentionVerdict(closed('2019-01-01'), { ...DEFAULT_RETENTION_RULE, yearsAfterLastEntry: 10 }, TODAY)).toMatchObject({ delete: false, reason: 'not_yet' });
  });

  it('an open case is never due, however old', () => {
    expect(retentionVerdict(closed('2001-01-01', { closed: false }), DEFAULT_RETENTION_RULE, TODAY)).toMatchObject({ delete: false, reason: 'open' });
  });

  it('keeps persons born on the 5th, 15th and 25th for research, unless the exception is switched off', () => {
    for (const day of [5, 15, 25]) expect(retentionVerdict(closed('2015-01-01', { mainPersonBirthDay: day }), DEFAULT_RETENTION_RULE, TODAY)).toMatchObject({ delete: false, reason: 'birthday' });
    for (const day of [4, 6, 14, 16, 24, 26, 31]) expect(retentionVerdict(closed('2015-01-01', { mainPersonBirthDay: day }), DEFAULT_RETENTION_RULE, TODAY).delete).toBe(true);
    expect(retentionVerdict(closed('2015-01-01', { mainPersonBirthDay: 15 }), { ...DEFAULT_RETENTION_RULE, birthdayException: false }, TODAY).delete).toBe(true);
  });

  it('respects a hold and the keep-everything switch', () => {
    expect(retentionVerdict(closed('2015-01-01', { onHold: true }), DEFAULT_RETENTION_RULE, TODAY)).toMatchObject({ delete: false, reason: 'hold' });
    expect(retentionVerdict(closed('2015-01-01'), { ...DEFAULT_RETENTION_RULE, keepEverything: true }, TODAY)).toMatchObject({ delete: false, reason: 'keep_everything' });
  });

  it('counts 29 February to 28 February in a common year', () => {
    expect(addYears('2020-02-29', 5)).toBe('2025-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
  });

  it('never deletes before the due date, for any date and rule (property)', () => {
    const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, fc.integer({ min: 1, max: 20 }), fc.boolean(), fc.boolean(), fc.option(fc.integer({ min: 1, max: 31 })), (last, today, years, hold, keepAll, day) => {
        const v = retentionVerdict(closed(last, { onHold: hold, mainPersonBirthDay: day }), { yearsAfterLastEntry: years, keepEverything: keepAll, birthdayException: true }, today);
        if (v.delete) {
          expect(today >= v.dueFrom!).toBe(true);
          expect(hold || keepAll).toBe(false);
          expect([5, 15, 25]).not.toContain(day);
        }
      }),
    );
  });

  it('reads the day of birth from a personnummer and a samordningsnummer, not from a reserve number', () => {
    expect(birthDayOfMonth('personnummer', '19850615-9823')).toBe(15);
    expect(birthDayOfMonth('samordningsnummer', '19850685-9823')).toBe(25);
    expect(birthDayOfMonth('reservnummer', 'R:19850615')).toBeNull();
    expect(birthDayOfMonth('none', null)).toBeNull();
  });

  it('puts ages in bands', () => {
    expect(ageBand(2010, 2026)).toBe('0-17');
    expect(ageBand(2008, 2026)).toBe('18-24');
    expect(ageBand(1950, 2026)).toBe('65+');
    expect(ageBand(null, 2026)).toBe('unknown');
  });
});
