import { describe, expect, it } from 'vitest';
import { closingFollowupMissing, followupIssues, ratingChange } from '../../../src-main/domain/outcome-followup.js';

const ctx = { today: '2026-03-01', caseIntakeDate: '2025-11-01', other: null };

describe('outcome follow-up rules', () => {
  it('accepts a closing follow-up on or after the intake one, at any time before the case is closed', () => {
    const intake = { phase: 'intake' as const, followedUpOn: '2025-11-03', helpRating: null };
    expect(followupIssues({ phase: 'closing', followedUpOn: '2025-11-03', helpRating: 4 }, { ...ctx, other: intake })).toEqual([]);
    expect(followupIssues({ phase: 'closing', followedUpOn: '2026-02-10', helpRating: null }, { ...ctx, other: intake })).toEqual([]);
  });

  it('refuses a closing follow-up dated before the intake one, and an intake one after the closing one, at the date field', () => {
    const closing = { phase: 'closing' as const, followedUpOn: '2026-01-10', helpRating: 3 };
    const before = followupIssues({ phase: 'closing', followedUpOn: '2025-12-01', helpRating: 3 }, { ...ctx, other: { phase: 'intake', followedUpOn: '2025-12-02', helpRating: null } });
    expect(before.map((i) => [i.path, i.code])).toEqual([['followedUpOn', 'closing_before_intake']]);
    expect(before[0]!.message).toContain('2025-12-02');
    expect(followupIssues({ phase: 'intake', followedUpOn: '2026-01-11', helpRating: null }, { ...ctx, other: closing }).map((i) => i.code)).toEqual(['intake_after_closing']);
  });

  it('refuses a date in the future or before the case came in, and a view of the help at intake', () => {
    expect(followupIssues({ phase: 'intake', followedUpOn: '2026-03-02', helpRating: null }, ctx).map((i) => i.code)).toEqual(['future']);
    expect(followupIssues({ phase: 'intake', followedUpOn: '2025-10-31', helpRating: null }, ctx).map((i) => i.code)).toEqual(['before_intake']);
    expect(followupIssues({ phase: 'intake', followedUpOn: '2025-11-01', helpRating: 2 }, ctx).map((i) => [i.path, i.code])).toEqual([['helpRating', 'help_at_intake']]);
  });

  it('counts the change of a rating only when the person answered both times', () => {
    expect(ratingChange(2, 4)).toBe(2);
    expect(ratingChange(4, 1)).toBe(-3);
    expect(ratingChange(3, 3)).toBe(0);
    expect(ratingChange(null, 4)).toBeNull();
    expect(ratingChange(2, null)).toBeNull();
  });

  it('reminds of the closing follow-up of a person only while closing or after, and only when it is missing', () => {
    const list = [{ personId: 'a', phase: 'intake' as const }, { personId: 'b', phase: 'closing' as const }];
    expect(closingFollowupMissing(true, 'a', list)).toBe(true);
    expect(closingFollowupMissing(true, 'b', list)).toBe(false);
    expect(closingFollowupMissing(false, 'a', list)).toBe(false);
    expect(closingFollowupMissing(true, 'c', [])).toBe(true);
  });
});
