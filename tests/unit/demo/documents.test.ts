import { afterEach, describe, expect, it } from 'vitest';
import type { SqliteHandle } from '../../../src-main/db/connection.js';
import { openPlainDemoDb } from '../../../src-main/demo/generate.js';
import { scoreAssessment, type Answers } from '../../../src-main/domain/risk-scoring.js';
import { parseTemplate, type RiskTemplate } from '../../../src-main/domain/templates.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const open: SqliteHandle[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

describe('demo documents', () => {
  it('assessments scored by the app’s own rules, a reason for every departing level, plans and checklists in their cases', async () => {
    const { sqlite } = await openPlainDemoDb(':memory:', { size: 'small', profile: { persons: 800, cases: 400, extraWorkers: 4 }, seed: 11, now: NOW, firstWorker: { id: '0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a', name: 'Vera Exempeldotter' } });
    open.push(sqlite);
    const count = (t: string) => (sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    for (const t of ['risk_assessments', 'safety_plans', 'checklists', 'checklist_ticks', 'action_plans']) expect(count(t), t).toBeGreaterThan(20);
    const body = (sqlite.prepare(`SELECT body FROM document_templates WHERE kind = 'risk_assessment'`).get() as { body: string }).body;
    const parsed = parseTemplate(JSON.parse(body));
    if (!parsed.ok) throw new Error('stored template does not parse');
    const template = parsed.template as RiskTemplate;
    const rows = sqlite.prepare(`SELECT answers, score, suggested_level, level, level_reason, assessed_on, next_assessment_on FROM risk_assessments`).all() as { answers: string; score: number; suggested_level: string; level: string; level_reason: string | null; assessed_on: string; next_assessment_on: string }[];
    for (const r of rows) {
      const s = scoreAssessment(template, JSON.parse(r.answers) as Answers);
      expect(r.score).toBe(s.score);
      expect(r.suggested_level).toBe(s.suggestedLevel);
      if (r.level !== r.suggested_level) expect(r.level_reason).toBeTruthy();
      expect(r.assessed_on <= NOW.toISOString().slice(0, 10)).toBe(true);
      expect(r.next_assessment_on > r.assessed_on).toBe(true);
    }
    expect(new Set(rows.map((r) => r.level)).size).toBeGreaterThan(1);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });
});
