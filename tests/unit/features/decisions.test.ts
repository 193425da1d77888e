import { describe, expect, it } from 'vitest';
import { call, unlockedApp } from '../../support/temp.js';
import { addToCase, auditEvents, daysAgo, newCase, newPerson, refused } from '../../support/casework.js';
import type { Decision } from '../../../src-main/features/decisions/contract.js';

const MISSING = '22222222-2222-4222-8222-222222222222';

async function given() {
  const app = await unlockedApp();
  const { caseDetail, victim } = await newCase(app);
  const child = await newPerson(app, 'Liv', 'Exempelberg', 'skyddad_folkbokforing');
  await addToCase(app, caseDetail.id, child.id, 'child');
  const valid = { caseId: caseDetail.id, personId: victim.id, serviceType: 'protected_housing', outcome: 'granted', decisionDate: daysAgo(2), legalGround: '4 kap. 1 § SoL', decidedBy: 'Enhetschef Karin Exempel' };
  return { app, caseDetail, victim, child, valid };
}

describe('decisions', () => {
  it('records decisions for people in the case and lists them oldest first, with the service label and the person', async () => {
    // given a case with a victim and a child with protected identity
    const { app, caseDetail, victim, child, valid } = await given();
    // when two decisions are taken
    const second = await call<Decision>(app.router, 'decisions.create', { ...valid, decisionDate: daysAgo(0), outcome: 'partly_granted', legalGround: '  4 kap. 1 § SoL  ' });
    const first = await call<Decision>(app.router, 'decisions.create', { ...valid, personId: child.id, serviceType: 'children_talks', outcome: 'refused' });
    // then each shows its label and person, and the list is in date order
    expect(second).toMatchObject({ caseId: caseDetail.id, serviceTypeLabel: 'Skyddat boende', outcome: 'partly_granted', legalGround: '4 kap. 1 § SoL', decidedBy: 'Enhetschef Karin Exempel', person: { id: victim.id, firstName: 'Fia', lastName: 'Exempelberg', protectionLevel: 'none' } });
    const list = await call<Decision[]>(app.router, 'decisions.list', { caseId: caseDetail.id });
    expect(list.map((d) => d.id)).toEqual([first.id, second.id]);
    expect(list[0]).toMatchObject({ serviceType: 'children_talks', serviceTypeLabel: 'Samtal för barn (t.ex. Trappan)', outcome: 'refused', person: { firstName: 'Liv', protectionLevel: 'skyddad_folkbokforing' } });
  });

  it('refuses a person who is not in the case, and an inactive or unknown service type, naming the fields in Swedish', async () => {
    // given a person outside the case and a retired service type
    const { app, caseDetail, valid } = await given();
    const outsider = await newPerson(app, 'Ute', 'Anstånd');
    await call(app.router, 'services.saveType', { code: 'interpreter', label: 'Tolk', active: false });
    // when decisions refer to them
    const notInCase = await refused(app, 'decisions.create', { ...valid, personId: outsider.id });
    const inactive = await refused(app, 'decisions.create', { ...valid, serviceType: 'interpreter' });
    const unknown = await refused(app, 'decisions.create', { ...valid, serviceType: 'no_such_type' });
    const both = await refused(app, 'decisions.create', { ...valid, personId: outsider.id, serviceType: 'interpreter' });
    // then each is a validation error on its field, and nothing is recorded
    expect(notInCase.details?.issues).toEqual([{ path: 'personId', code: 'not_in_case', message: 'Personen ingår inte i ärendet. Lägg först till personen i ärendet.' }]);
    expect(inactive.details?.issues).toEqual([{ path: 'serviceType', code: 'inactive', message: 'Insatsen används inte längre. Välj en annan insats.' }]);
    expect(unknown.details?.issues?.[0]).toMatchObject({ path: 'serviceType', code: 'unknown' });
    expect(both.details?.issues?.map((i) => i.path)).toEqual(['personId', 'serviceType']);
    expect(await call<Decision[]>(app.router, 'decisions.list', { caseId: caseDetail.id })).toEqual([]);
  });

  it('validates outcome, date, legal ground and decided-by', async () => {
    const { app, valid } = await given();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ outcome: 'maybe' }, 'outcome', /beviljat/],
      [{ decisionDate: daysAgo(-1) }, 'decisionDate', /framtiden/],
      [{ decisionDate: '2026-13-01' }, 'decisionDate', /kalendern/],
      [{ legalGround: ' ' }, 'legalGround', /fyllas i/],
      [{ legalGround: 'x'.repeat(501) }, 'legalGround', /Högst 500 tecken/],
      [{ decidedBy: 'x'.repeat(201) }, 'decidedBy', /Högst 200 tecken/],
      [{ decidedBy: 'Karin\nExempel' }, 'decidedBy', /Otillåtna tecken/],
      [{ serviceType: 'Skyddat boende' }, 'serviceType', /små bokstäver/],
    ];
    for (const [patch, path, message] of cases) {
      const error = await refused(app, 'decisions.create', { ...valid, ...patch });
      expect(error.code, path).toBe('validation');
      expect(error.details?.issues?.find((i) => i.path === path)?.message, JSON.stringify(patch).slice(0, 40)).toMatch(message);
    }
    expect(await call<Decision>(app.router, 'decisions.create', { ...valid, legalGround: 'x'.repeat(500), decidedBy: 'y'.repeat(200) })).toBeTruthy();
  });

  it('answers not_found for an unknown case', async () => {
    const { app, valid } = await given();
    expect(await refused(app, 'decisions.create', { ...valid, caseId: MISSING })).toMatchObject({ code: 'not_found' });
    expect(await refused(app, 'decisions.list', { caseId: MISSING })).toMatchObject({ code: 'not_found', message: 'Ärendet finns inte.' });
  });

  it('logs the decision and every read of a case\u2019s decisions, with ids only', async () => {
    const { app, caseDetail, valid } = await given();
    const before = (await auditEvents(app)).length;
    const d = await call<Decision>(app.router, 'decisions.create', valid);
    await call(app.router, 'decisions.list', { caseId: caseDetail.id });
    const events = (await auditEvents(app)).slice(before);
    expect(events.map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([
      ['decisions.create', 'decision', d.id],
      ['decisions.read', 'case', caseDetail.id],
    ]);
    for (const e of events) expect(`${e.detail}`).not.toMatch(/SoL|Karin|Fia/);
  });
});
