import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { call, unlockedApp } from '../../support/temp.js';
import { auditEvents, daysAgo, newCase, newPerson, addToCase, refused } from '../../support/casework.js';
import type { RiskAssessmentDetail, RiskHistory } from '../../../src-main/features/risk-assessments/contract.js';
import type { Checklist } from '../../../src-main/features/checklists/contract.js';
import type { SafetyPlan, SafetyPlansOfCase } from '../../../src-main/features/safety-plans/contract.js';
import type { ActionPlan } from '../../../src-main/features/action-plans/contract.js';
import type { TemplateSummary } from '../../../src-main/features/templates/contract.js';
import type { PrintedDocument } from '../../../src-main/features/print/models.js';

const RISK = { id: 'fristad.riskbedomning', version: 1 };
const riskFile = () => JSON.parse(readFileSync(join(import.meta.dirname, '../../../resources/templates/risk-assessment.json'), 'utf8')) as Record<string, unknown>;

async function assess(app: Awaited<ReturnType<typeof unlockedApp>>, caseId: string, personId: string, extra: Record<string, unknown> = {}) {
  return call<RiskAssessmentDetail>(app.router, 'riskAssessments.create', {
    caseId,
    personId,
    template: RISK,
    assessedOn: daysAgo(0),
    answers: { threats_to_kill: { value: 'yes', comment: 'Sa det i telefon' }, weapons: { value: 'unknown' } },
    level: 'high',
    judgement: 'Hög risk: hot om att döda efter separationen.',
    ...extra,
  });
}

describe('risk assessments', () => {
  it('scores in main, counts unanswered, and needs a reason to depart from the suggestion', async () => {
    const app = await unlockedApp();
    const { caseDetail, victim } = await newCase(app);
    // A level other than the suggested one, without a reason: refused, nothing saved
    const err = await refused(app, 'riskAssessments.create', { caseId: caseDetail.id, personId: victim.id, template: RISK, assessedOn: daysAgo(0), answers: { threats_to_kill: { value: 'yes' } }, level: 'low', judgement: 'Låg' });
    expect(err.code).toBe('validation');
    expect(err.details?.issues).toContainEqual(expect.objectContaining({ path: 'levelReason', message: expect.stringMatching(/Skriv varför/) }));
    // With the suggested level: saved, with the score from the template
    const a = await assess(app, caseDetail.id, victim.id);
    expect(a).toMatchObject({ score: 4, suggestedLevel: 'high', level: 'high', template: { id: RISK.id, version: 1 } });
    expect(a.unanswered).toBe(a.result.scoredQuestions + 1 - 2); // every question but the two answered (own_words is unscored)
    expect(a.result.unknown).toEqual(['weapons']);
    expect(a.nextAssessmentOn).toBe(daysAgo(-14));
    // Departing with a reason is fine
    const b = await assess(app, caseDetail.id, victim.id, { level: 'acute', levelReason: 'Han har skaffat vapen enligt grannen.' });
    expect(b.levelReason).toMatch(/vapen/);
    const h = await call<RiskHistory>(app.router, 'riskAssessments.history', { personId: victim.id });
    expect(h.assessments.map((x) => x.level)).toEqual(['high', 'acute']);
    expect(h.trend).toBe('rising');
    expect(h.next).toEqual({ on: daysAgo(-14), due: false });
    const actions = (await auditEvents(app)).map((e) => e.action);
    expect(actions.filter((x) => x === 'risk_assessments.create')).toHaveLength(2);
    expect(actions).toContain('risk_assessments.history');
  });

  it('an answer the template does not take is refused by name', async () => {
    const app = await unlockedApp();
    const { caseDetail, victim } = await newCase(app);
    const err = await refused(app, 'riskAssessments.create', { caseId: caseDetail.id, personId: victim.id, template: RISK, assessedOn: daysAgo(0), answers: { own_fear: { value: 9 }, nosuch: { value: 'yes' } }, level: 'low', judgement: 'x' });
    expect(err.details?.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['answers.own_fear', 'answers.nosuch']));
  });

  it('a filled form keeps its template version after the unit imports a changed one', async () => {
    const app = await unlockedApp();
    const { caseDetail, victim } = await newCase(app);
    const first = await assess(app, caseDetail.id, victim.id);
    // The unit imports version 2 with the question reworded
    const v2 = riskFile();
    v2.version = 2;
    ((v2.sections as { questions: { key: string; text: string }[] }[])[0]!.questions.find((q) => q.key === 'threats_to_kill')!).text = 'Ny formulering av hotfrågan';
    const imported = await call<TemplateSummary>(app.router, 'templates.import', { fileName: 'risk-v2.json', text: JSON.stringify(v2) });
    expect(imported).toMatchObject({ version: 2, source: 'imported' });
    const list = await call<TemplateSummary[]>(app.router, 'templates.list', { kind: 'risk_assessment' });
    expect(list.find((t) => t.id === RISK.id)?.version).toBe(2);
    // The old assessment still shows the question as it was asked
    const again = await call<RiskAssessmentDetail>(app.router, 'riskAssessments.get', { id: first.id });
    const q = again.templateBody.sections.flatMap((s) => s.questions).find((x) => x.key === 'threats_to_kill')!;
    expect(again.template.version).toBe(1);
    expect(q.text).toMatch(/hotat att döda/);
    // The same version with another body is refused; the shipped version cannot be replaced
    v2.title = 'Annan titel';
    expect((await refused(app, 'templates.import', { fileName: 'risk-v2.json', text: JSON.stringify(v2) })).message).toMatch(/version 2 finns redan/);
    v2.version = 1;
    expect((await refused(app, 'templates.import', { fileName: 'risk.json', text: JSON.stringify(v2) })).message).toMatch(/följer med Fristad/);
  });

  it('a broken template file gets a report: file name, count, path and problem per error', async () => {
    const app = await unlockedApp();
    const bad = riskFile();
    (bad.scoring as { thresholds: Record<string, number> }).thresholds = { medium: 5, high: 3, acute: 9 };
    delete bad.title;
    const err = await refused(app, 'templates.import', { fileName: 'vår-mall.json', text: JSON.stringify(bad) });
    expect(err.code).toBe('validation');
    expect(err.message).toBe('Mallen i ”vår-mall.json” kan inte användas: 2 fel hittades.');
    expect(err.details?.issues?.map((i) => i.message)).toEqual(expect.arrayContaining(['title: saknas', 'scoring.thresholds: gränserna ska stiga: medium < high < acute']));
  });
});

describe('checklists', () => {
  it('ticks with worker and time, a note, progress; a tick can be taken back; all logged', async () => {
    const app = await unlockedApp();
    const { caseDetail } = await newCase(app);
    const c = await call<Checklist>(app.router, 'checklists.start', { caseId: caseDetail.id, templateId: 'fristad.checklista.islandsmodellen' });
    expect(c.progress).toEqual({ done: 0, total: 8 });
    const t = await call<Checklist>(app.router, 'checklists.tick', { checklistId: c.id, itemKey: 'children_seen', note: 'Två barn, sov' });
    expect(t.progress.done).toBe(1);
    expect(t.ticks[0]).toMatchObject({ itemKey: 'children_seen', by: { name: 'Sara Handläggare' }, note: 'Två barn, sov' });
    expect((await refused(app, 'checklists.tick', { checklistId: c.id, itemKey: 'children_seen' })).code).toBe('conflict');
    expect((await refused(app, 'checklists.tick', { checklistId: c.id, itemKey: 'no_such_item' })).code).toBe('validation');
    const u = await call<Checklist>(app.router, 'checklists.untick', { checklistId: c.id, itemKey: 'children_seen' });
    expect(u.progress.done).toBe(0);
    const list = await call<Checklist[]>(app.router, 'checklists.list', { caseId: caseDetail.id });
    expect(list).toHaveLength(1);
    const actions = (await auditEvents(app)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['checklists.start', 'checklists.tick', 'checklists.untick', 'checklists.read']));
  });
});

async function planFor(app: Awaited<ReturnType<typeof unlockedApp>>, caseId: string, personId: string, extra: Record<string, unknown> = {}) {
  return call<SafetyPlan>(app.router, 'safetyPlans.save', {
    caseId,
    personId,
    madeOn: daysAgo(0),
    reviewOn: daysAgo(-30),
    madeWith: 'Fia själv',
    sections: { warning_signs: { text: 'Han slutar prata och går runt i lägenheten.' }, pack_list: { checked: ['id', 'medicines'], other: '' }, emergency_numbers: { numbers: [{ label: 'Nödsamtal', number: '112' }] } },
    shelterAddress: 'Hemliga gatan 7, 123 45 Gömstad',
    internalNote: 'Internt: han har hittat henne en gång förut.',
    ...extra,
  });
}

describe('safety plans', () => {
  it('each save is a new version; the earlier ones stay; the review date comes after', async () => {
    const app = await unlockedApp();
    const { caseDetail, victim } = await newCase(app);
    const v1 = await planFor(app, caseDetail.id, victim.id);
    const v2 = await planFor(app, caseDetail.id, victim.id, { sections: { warning_signs: { text: 'Ändrad text' } } });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const list = await call<SafetyPlansOfCase>(app.router, 'safetyPlans.list', { caseId: caseDetail.id });
    expect(list.plans[0]!.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(list.plans[0]!.latest.sections.warning_signs).toEqual({ text: 'Ändrad text' });
    expect((await call<SafetyPlan>(app.router, 'safetyPlans.get', { id: v1.id })).sections.warning_signs).toEqual({ text: 'Han slutar prata och går runt i lägenheten.' });
    const err = await refused(app, 'safetyPlans.save', { caseId: caseDetail.id, personId: victim.id, madeOn: daysAgo(0), reviewOn: daysAgo(0), madeWith: 'Fia', sections: { nope: { text: 'x' } } });
    expect(err.details?.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['reviewOn', 'sections.nope']));
  });
});

describe('action plans', () => {
  it('goals, actions with who and when, follow-up, status and signatures; updated in place, logged', async () => {
    const app = await unlockedApp();
    const { caseDetail, victim } = await newCase(app);
    const base = { status: 'active', goals: ['Fia och barnen bor tryggt'], actions: [{ what: 'Ansöka om skyddade personuppgifter', who: 'Fia med stöd av Sara', byDate: daysAgo(-7), followUpOn: null, outcome: null }], followUpOn: daysAgo(-30), workerSignedOn: daysAgo(0), personSignedOn: null, internalNote: null };
    const p = await call<ActionPlan>(app.router, 'actionPlans.create', { caseId: caseDetail.id, personId: victim.id, ...base });
    expect(p.actions[0]!.who).toBe('Fia med stöd av Sara');
    const err = await refused(app, 'actionPlans.update', { id: p.id, ...base, actions: [{ ...base.actions[0], outcome: 'Klart' }] });
    expect(err.details?.issues?.[0]?.path).toBe('actions.0.followUpOn');
    const u = await call<ActionPlan>(app.router, 'actionPlans.update', { id: p.id, ...base, status: 'completed', actions: [{ ...base.actions[0], followUpOn: daysAgo(0), outcome: 'Beviljat' }], personSignedOn: daysAgo(0) });
    expect(u).toMatchObject({ status: 'completed', personSignedOn: daysAgo(0) });
    expect((await call<ActionPlan[]>(app.router, 'actionPlans.list', { caseId: caseDetail.id })).map((x) => x.status)).toEqual(['completed']);
    expect((await auditEvents(app)).map((e) => e.action)).toEqual(expect.arrayContaining(['action_plans.create', 'action_plans.update', 'action_plans.read']));
  });
});

describe('printing: what leaves main', () => {
  it('the client copy holds no protected or shelter address, no scores, no internal notes; the internal copy no protected address either', async () => {
    const app = await unlockedApp();
    const victim = await newPerson(app, 'Fia', 'Skyddadsson', 'skyddad_folkbokforing');
    const s = app.core.requireSession();
    await s.db.updateTable('persons').set({ street_address: 'Skyddade vägen 3', postal_code: '111 22', city: 'Hemlingby' }).where('id', '=', victim.id).execute();
    const c = await call<{ id: string }>(app.router, 'cases.create', { mainPersonId: victim.id, intakeDate: daysAgo(3), intakeSource: 'report_police', violenceTypes: ['physical'] });
    const plan = await planFor(app, c.id, victim.id);
    const risk = await assess(app, c.id, victim.id, { internalNote: 'Intern riskanteckning', level: 'medium', levelReason: 'Grundad på tidigare polisanmälningar' });

    const clientPlan = await call<PrintedDocument>(app.router, 'print.preview', { document: { kind: 'safety_plan', id: plan.id }, variant: 'client' });
    const internalPlan = await call<PrintedDocument>(app.router, 'print.preview', { document: { kind: 'safety_plan', id: plan.id }, variant: 'internal' });
    const clientRisk = JSON.stringify(await call(app.router, 'print.preview', { document: { kind: 'risk_assessment', id: risk.id }, variant: 'client' }));
    const internalRisk = JSON.stringify(await call(app.router, 'print.preview', { document: { kind: 'risk_assessment', id: risk.id }, variant: 'internal' }));

    const clientText = JSON.stringify(clientPlan);
    expect(clientText).toContain('Han slutar prata');
    for (const secret of ['Hemliga gatan', 'Skyddade vägen', 'Hemlingby', 'Internt: han har']) expect(clientText).not.toContain(secret);
    expect(JSON.stringify(internalPlan)).toContain('Hemliga gatan 7');
    expect(JSON.stringify(internalPlan)).not.toContain('Skyddade vägen');
    expect(internalPlan.person.addressWithheld).toBe(true);
    for (const secret of ['Intern riskanteckning', 'Grundad på tidigare', 'Sa det i telefon', '"score"']) {
      expect(clientRisk).not.toContain(secret);
      expect(internalRisk).toContain(secret);
    }
    const prints = (await auditEvents(app)).filter((e) => e.action === 'print.preview');
    expect(prints.map((e) => JSON.parse(e.detail!).variant)).toEqual(['client', 'internal', 'client', 'internal']);
  });

  it('a PDF without a print engine is refused in Swedish, not crashed', async () => {
    const app = await unlockedApp();
    const { caseDetail, victim } = await newCase(app);
    const plan = await planFor(app, caseDetail.id, victim.id);
    const err = await refused(app, 'print.pdf', { document: { kind: 'safety_plan', id: plan.id }, variant: 'client' });
    expect(err.message).toMatch(/Utskrift är inte tillgänglig/);
  });
});

describe('retention', () => {
  it('deleting a case takes its documents with it', async () => {
    const app = await unlockedApp();
    const { caseDetail, victim } = await newCase(app);
    const child = await newPerson(app, 'Alva', 'Exempelberg');
    await addToCase(app, caseDetail.id, child.id, 'child');
    await assess(app, caseDetail.id, victim.id);
    await planFor(app, caseDetail.id, victim.id);
    const c = await call<Checklist>(app.router, 'checklists.start', { caseId: caseDetail.id, templateId: 'fristad.checklista.aktualisering' });
    await call(app.router, 'checklists.tick', { checklistId: c.id, itemKey: 'safe_contact' });
    await call(app.router, 'actionPlans.create', { caseId: caseDetail.id, personId: victim.id, status: 'draft', goals: ['Mål'], actions: [], followUpOn: null, workerSignedOn: null, personSignedOn: null });
    const db = app.core.requireSession().db;
    await db.deleteFrom('cases').where('id', '=', caseDetail.id).execute();
    for (const t of ['risk_assessments', 'safety_plans', 'checklists', 'checklist_ticks', 'action_plans'] as const) {
      const r = await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(r.n), t).toBe(0);
    }
  });
});
