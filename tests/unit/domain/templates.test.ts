import { describe, expect, it } from 'vitest';
import { parseTemplate, parseTemplateText } from '../../../src-main/domain/templates.js';
import { builtinTemplates } from '../../../src-main/features/templates/builtin.js';

const minimalRisk = () => ({
  format: 'fristad.template/1',
  id: 'enheten.egen-risk',
  version: 1,
  kind: 'risk_assessment',
  title: 'Egen bedömning',
  sections: [{ key: 'a', title: 'Avsnitt', questions: [{ key: 'q1', kind: 'yes_no', text: 'Fråga?', points: { yes: 2 } }] }],
  scoring: { thresholds: { medium: 1, high: 2, acute: 3 } },
  reassessment: { defaultDays: 56, afterHighDays: 14 },
});

describe('templates', () => {
  it('every shipped template passes the schema, with the kinds the issue names', () => {
    const all = builtinTemplates();
    expect(all.filter((t) => t.kind === 'checklist').map((t) => t.id)).toEqual([
      'fristad.checklista.aktualisering',
      'fristad.checklista.islandsmodellen',
      'fristad.checklista.placering',
      'fristad.checklista.skyddade-personuppgifter',
    ]);
    const risk = all.find((t) => t.kind === 'risk_assessment')!;
    const keys = risk.kind === 'risk_assessment' ? risk.sections.flatMap((s) => s.questions.map((q) => q.key)) : [];
    for (const factor of ['escalation', 'threats_to_kill', 'strangulation', 'weapons', 'separation', 'jealousy_control', 'children_exposed', 'pregnancy', 'substance_use', 'own_fear']) {
      expect(keys).toContain(factor);
    }
    const plan = all.find((t) => t.kind === 'safety_plan')!;
    const numbers = plan.kind === 'safety_plan' ? plan.sections.find((s) => s.kind === 'numbers') : undefined;
    expect(numbers && numbers.kind === 'numbers' ? numbers.defaults.map((n) => n.number) : []).toEqual(['112', '114 14', '020-50 50 50']);
  });

  it('holds a licensed instrument’s shape: scale, choice with critical option, free text, yes/no with points for no', () => {
    const t = minimalRisk();
    t.sections[0]!.questions.push(
      { key: 'q2', kind: 'scale', text: 'Skala', min: 0, max: 2, weight: 1 } as never,
      { key: 'q3', kind: 'choice', text: 'Val', critical: 'acute', options: [{ value: 'n', label: 'Nej' }, { value: 'j', label: 'Ja', points: 3, critical: true }] } as never,
      { key: 'q4', kind: 'text', text: 'Fritext' } as never,
    );
    expect(parseTemplate(t).ok).toBe(true);
  });

  it('reports every problem with its path, in Swedish', () => {
    const t = minimalRisk() as Record<string, unknown>;
    (t.sections as { questions: Record<string, unknown>[] }[])[0]!.questions.push({ key: 'q1', kind: 'maybe', text: '' });
    (t.scoring as { thresholds: Record<string, number> }).thresholds.acute = 1;
    t.extra = true;
    const r = parseTemplate(t);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.problems.map((p) => `${p.path}: ${p.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^sections\[0\]\.questions\[1\]\.kind: .*yes_no, scale, choice eller text/),
        expect.stringMatching(/^scoring\.thresholds: gränserna ska stiga/),
        expect.stringMatching(/okänt fält: extra/),
      ]),
    );
  });

  it('finds duplicate keys and an upside-down scale', () => {
    const t = minimalRisk();
    t.sections[0]!.questions.push({ key: 'q1', kind: 'scale', text: 'S', min: 3, max: 2, weight: 1 } as never);
    const r = parseTemplate(t);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toContainEqual({ path: 'sections[0].questions[1].key', message: 'nyckeln "q1" finns redan' });
      expect(r.problems).toContainEqual({ path: 'sections[0].questions[1].max', message: 'max ska vara större än min' });
    }
  });

  it('says a file is not JSON, and where a missing field should be', () => {
    const bad = parseTemplateText('{ "format": "fristad.template/1", ');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]!.message).toMatch(/inte giltig JSON/);
    const t = minimalRisk() as Record<string, unknown>;
    delete t.title;
    const r = parseTemplate(t);
    expect(r.ok ? [] : r.problems).toContainEqual({ path: 'title', message: 'saknas' });
  });
});
