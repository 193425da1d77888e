import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { levelNeedsReason, levelTrend, nextAssessmentDate, questionsOf, scoreAssessment, type Answers } from '../../../src-main/domain/risk-scoring.js';
import { builtinTemplates } from '../../../src-main/features/templates/builtin.js';
import type { RiskTemplate } from '../../../src-main/domain/templates.js';

const template = builtinTemplates().find((t): t is RiskTemplate => t.kind === 'risk_assessment')!;

describe('risk scoring', () => {
  it('counts unanswered questions and never scores them as "no"', () => {
    // Given nothing answered
    const none = scoreAssessment(template, {});
    // Then every question is listed as unanswered, and the score is zero because nothing counts, not because of "no"
    expect(none.unanswered).toEqual(questionsOf(template).map((q) => q.key));
    expect(none.answered).toBe(0);
    expect(none.suggestedLevel).toBe('low');
    // And "no" is an answer: it is not in the unanswered list
    const no = scoreAssessment(template, { escalation: { value: 'no' } });
    expect(no.unanswered).not.toContain('escalation');
    expect(no.unanswered.length).toBe(none.unanswered.length - 1);
  });

  it('lists "don\'t know" apart and gives it no points', () => {
    const r = scoreAssessment(template, { weapons: { value: 'unknown' }, escalation: { value: 'yes' } });
    expect(r.unknown).toEqual(['weapons']);
    expect(r.score).toBe(3);
  });

  it('suggests a level from the thresholds, raised by a critical answer', () => {
    expect(scoreAssessment(template, { escalation: { value: 'yes' }, weapons: { value: 'yes' }, separation: { value: 'yes' } }).suggestedLevel).toBe('medium');
    const threats = scoreAssessment(template, { threats_to_kill: { value: 'yes' } });
    expect(threats.score).toBe(4);
    expect(threats.suggestedLevel).toBe('high');
    expect(threats.critical).toEqual([{ key: 'threats_to_kill', level: 'high' }]);
    expect(scoreAssessment(template, { own_fear: { value: 5 } }).suggestedLevel).toBe('high');
    expect(scoreAssessment(template, { own_fear: { value: 4 } }).suggestedLevel).toBe('low');
  });

  it('ignores answers that do not fit the question (counted as unanswered)', () => {
    const r = scoreAssessment(template, { own_fear: { value: 9 }, escalation: { value: 'kanske' } });
    expect(r.unanswered).toContain('own_fear');
    expect(r.unanswered).toContain('escalation');
    expect(r.score).toBe(0);
  });

  it('a score never exceeds the maximum, and more yes never lowers the suggestion (property)', () => {
    const yesNo = questionsOf(template).filter((q) => q.kind === 'yes_no').map((q) => q.key);
    fc.assert(
      fc.property(fc.subarray(yesNo), fc.subarray(yesNo), (a, b) => {
        const answers = (keys: string[]): Answers => Object.fromEntries(keys.map((k) => [k, { value: 'yes' as const }]));
        const small = scoreAssessment(template, answers(a));
        const big = scoreAssessment(template, answers([...new Set([...a, ...b])]));
        expect(big.score).toBeLessThanOrEqual(big.maxScore);
        expect(big.score).toBeGreaterThanOrEqual(small.score);
        const order = ['low', 'medium', 'high', 'acute'];
        expect(order.indexOf(big.suggestedLevel)).toBeGreaterThanOrEqual(order.indexOf(small.suggestedLevel));
      }),
    );
  });

  it('a level other than the suggestion needs a reason', () => {
    expect(levelNeedsReason('medium', 'medium')).toBe(false);
    expect(levelNeedsReason('medium', 'high')).toBe(true);
    expect(levelNeedsReason('high', 'low')).toBe(true);
  });

  it('next assessment: eight weeks by default, two after a high or acute level', () => {
    expect(nextAssessmentDate(template, 'low', '2026-01-01')).toBe('2026-02-26');
    expect(nextAssessmentDate(template, 'high', '2026-01-01')).toBe('2026-01-15');
    expect(nextAssessmentDate(template, 'acute', '2026-12-25')).toBe('2027-01-08');
  });

  it('trend compares the last two levels', () => {
    expect(levelTrend(['low'])).toBe('single');
    expect(levelTrend(['low', 'high'])).toBe('rising');
    expect(levelTrend(['acute', 'medium'])).toBe('falling');
    expect(levelTrend(['high', 'low', 'low'])).toBe('steady');
  });
});
