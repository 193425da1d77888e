import { describe, expect, it } from 'vitest';
import { childStayIssues, findOverlap, placementDateIssues, placementFlags, staysOverlap } from '../../../src-main/domain/placement-rules.js';

describe('placement rules: overlapping stays', () => {
  it('lets a person leave one shelter and arrive at the next on the same day', () => {
    expect(staysOverlap({ start: '2024-03-01', end: '2024-03-10' }, { start: '2024-03-10', end: null })).toBe(false);
  });

  it('finds a stay that shares a night, an open stay running on for ever', () => {
    const existing = [
      { id: 'a', start: '2024-01-01', end: '2024-01-20' },
      { id: 'b', start: '2024-02-01', end: null },
    ];
    expect(findOverlap(existing, { start: '2024-01-19', end: '2024-01-25' })?.id).toBe('a');
    expect(findOverlap(existing, { start: '2025-06-01', end: '2025-06-02' })?.id).toBe('b');
    expect(findOverlap(existing, { start: '2024-01-20', end: '2024-02-01' })).toBeNull();
    // the stay being edited is not compared with itself
    expect(findOverlap(existing, { id: 'b', start: '2024-02-01', end: '2024-02-05' })).toBeNull();
  });

  it('counts a same-day stay as holding that night', () => {
    expect(staysOverlap({ start: '2024-03-05', end: '2024-03-05' }, { start: '2024-03-05', end: '2024-03-06' })).toBe(true);
  });
});

describe('placement rules: dates', () => {
  const today = '2024-06-01';
  it('refuses an end before the start, a planned end before the start and future decisions or ends', () => {
    const issues = placementDateIssues({ decisionDate: '2024-06-02', startDate: '2024-05-10', plannedEndDate: '2024-05-01', endDate: '2024-05-09' }, today);
    expect(issues.map((i) => `${i.path}:${i.code}`).sort()).toEqual(['decisionDate:future', 'endDate:before_start', 'plannedEndDate:before_start']);
    expect(placementDateIssues({ decisionDate: '2024-05-12', startDate: '2024-05-10', plannedEndDate: null, endDate: null }, today)).toEqual([]);
    expect(placementDateIssues({ decisionDate: '2024-05-12', startDate: '2024-05-10', plannedEndDate: null, endDate: '2024-06-02' }, today)[0]?.code).toBe('future');
  });

  it('keeps a child inside the parent stay', () => {
    const parent = { startDate: '2024-05-10', endDate: '2024-05-20' };
    expect(childStayIssues({ startDate: '2024-05-09', endDate: null }, parent, 'children.0').map((i) => i.path)).toEqual(['children.0.startDate']);
    expect(childStayIssues({ startDate: '2024-05-12', endDate: '2024-05-21' }, parent, 'children.1')[0]?.code).toBe('after_parent');
    expect(childStayIssues({ startDate: '2024-05-12', endDate: '2024-05-11' }, parent, 'children.1')[0]?.code).toBe('before_start');
    expect(childStayIssues({ startDate: '2024-05-12', endDate: null }, parent, 'children.1')).toEqual([]);
  });

  it('flags a planned end in the past and a follow-up that is due, only while the stay goes on', () => {
    expect(placementFlags({ plannedEndDate: '2024-05-31', endDate: null, followUpDate: '2024-06-01' }, today)).toEqual(['planned_end_passed', 'follow_up_due']);
    expect(placementFlags({ plannedEndDate: '2024-06-01', endDate: null, followUpDate: null }, today)).toEqual([]);
    expect(placementFlags({ plannedEndDate: '2024-05-01', endDate: '2024-05-30', followUpDate: null }, today)).toEqual([]);
  });
});
