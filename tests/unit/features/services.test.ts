import { describe, expect, it } from 'vitest';
import { call, unlockedApp } from '../../support/temp.js';
import { addToCase, auditEvents, daysAgo, demoteFirstWorker, newCase, newPerson, refused } from '../../support/casework.js';
import type { Decision } from '../../../src-main/features/decisions/contract.js';
import type { Service, ServiceType } from '../../../src-main/features/services/contract.js';

const MISSING = '22222222-2222-4222-8222-222222222222';

async function given() {
  const app = await unlockedApp();
  const { caseDetail, victim } = await newCase(app);
  const child = await newPerson(app, 'Liv', 'Exempelberg');
  await addToCase(app, caseDetail.id, child.id, 'child');
  const decision = await call<Decision>(app.router, 'decisions.create', {
    caseId: caseDetail.id,
    personId: victim.id,
    serviceType: 'protected_housing',
    outcome: 'granted',
    decisionDate: '2026-01-10',
    legalGround: '4 kap. 1 § SoL',
    decidedBy: 'Enhetschef',
  });
  const valid = { caseId: caseDetail.id, personId: victim.id, serviceType: 'protected_housing', startDate: '2026-01-10' };
  return { app, caseDetail, victim, child, decision, valid };
}

describe('service types', () => {
  it('lists the default types in order, and a samordnare adds, renames and retires types', async () => {
    // given a new vault (its first worker is a samordnare)
    const app = await unlockedApp();
    const defaults = await call<ServiceType[]>(app.router, 'services.types');
    expect(defaults[0]).toEqual({ code: 'protected_housing', label: 'Skyddat boende', active: true, sortOrder: 10 });
    expect(defaults.map((t) => t.code)).toContain('referral_health_care');
    // when a type is added, one renamed and one retired
    await call(app.router, 'services.saveType', { code: 'dog_shelter', label: 'Hundpensionat', active: true });
    await call(app.router, 'services.saveType', { code: 'support_talks', label: 'Stöd- och motivationssamtal', active: true });
    const after = await call<ServiceType[]>(app.router, 'services.saveType', { code: 'interpreter', label: 'Tolk', active: false });
    // then the new type comes last, the renamed keeps its place, and the retired is still listed
    expect(after.at(-1)).toEqual({ code: 'dog_shelter', label: 'Hundpensionat', active: true, sortOrder: defaults.at(-1)!.sortOrder + 10 });
    expect(after.find((t) => t.code === 'support_talks')).toMatchObject({ label: 'Stöd- och motivationssamtal', sortOrder: 20 });
    expect(after.find((t) => t.code === 'interpreter')).toMatchObject({ active: false });
    expect(await call<ServiceType[]>(app.router, 'services.types')).toEqual(after);
  });

  it('refuses a bad code, an empty label, and a label another type already has', async () => {
    const app = await unlockedApp();
    expect((await refused(app, 'services.saveType', { code: 'A', label: 'X', active: true })).details?.issues?.[0]).toMatchObject({ path: 'code' });
    expect((await refused(app, 'services.saveType', { code: 'x-y', label: 'X', active: true })).code).toBe('validation');
    expect((await refused(app, 'services.saveType', { code: 'x'.repeat(41), label: 'X', active: true })).code).toBe('validation');
    expect((await refused(app, 'services.saveType', { code: 'ok_code', label: '  ', active: true })).details?.issues?.[0]).toMatchObject({ path: 'label', message: 'Fältet måste fyllas i.' });
    expect(await refused(app, 'services.saveType', { code: 'ok_code', label: 'skyddat BOENDE', active: true })).toMatchObject({ code: 'conflict', message: 'Det finns redan en insats med det namnet.' });
    // renaming a type to its own label in other case is fine
    expect((await call<ServiceType[]>(app.router, 'services.saveType', { code: 'protected_housing', label: 'Skyddat Boende', active: true }))[0]!.label).toBe('Skyddat Boende');
  });

  it('is refused to a handläggare, who may still read the list', async () => {
    // given a worker who is a handläggare
    const app = await unlockedApp();
    await demoteFirstWorker(app);
    // when they try to save a type
    const error = await refused(app, 'services.saveType', { code: 'new_type', label: 'Ny insats', active: true });
    // then it is forbidden in Swedish and nothing changed
    expect(error).toMatchObject({ code: 'forbidden', message: 'Den här funktionen är bara för samordnare.' });
    expect((await call<ServiceType[]>(app.router, 'services.types')).map((t) => t.code)).not.toContain('new_type');
  });

  it('logs a saved type', async () => {
    const app = await unlockedApp();
    await call(app.router, 'services.saveType', { code: 'new_type', label: 'Ny insats', active: true });
    expect((await auditEvents(app)).at(-1)).toMatchObject({ action: 'services.save_type', entity_type: 'service_type', entity_id: 'new_type' });
  });
});

describe('services', () => {
  it('starts services with and without a decision and lists them by start, with labels, person and decision', async () => {
    // given a case with a granted decision on protected housing
    const { app, caseDetail, victim, child, decision, valid } = await given();
    // when a service rests on it and another runs without one
    const housing = await call<Service>(app.router, 'services.create', { ...valid, decisionId: decision.id });
    const talks = await call<Service>(app.router, 'services.create', { ...valid, personId: child.id, serviceType: 'children_talks', startDate: '2026-01-05', endDate: '2026-03-01', decisionId: null });
    // then both show, oldest start first
    expect(housing).toMatchObject({ serviceTypeLabel: 'Skyddat boende', person: { id: victim.id, firstName: 'Fia' }, decision: { id: decision.id, decisionDate: '2026-01-10', outcome: 'granted' }, endDate: null });
    expect(talks).toMatchObject({ decision: null, endDate: '2026-03-01', person: { id: child.id } });
    const list = await call<Service[]>(app.router, 'services.list', { caseId: caseDetail.id });
    expect(list.map((s) => s.id)).toEqual([talks.id, housing.id]);
  });

  it('refuses a person not in the case, an inactive type, and an end before the start, in Swedish', async () => {
    const { app, caseDetail, valid } = await given();
    const outsider = await newPerson(app, 'Ute', 'Anstånd');
    await call(app.router, 'services.saveType', { code: 'legal_guidance', label: 'Juridisk vägledning', active: false });
    expect((await refused(app, 'services.create', { ...valid, personId: outsider.id })).details?.issues).toEqual([
      { path: 'personId', code: 'not_in_case', message: 'Personen ingår inte i ärendet. Lägg först till personen i ärendet.' },
    ]);
    expect((await refused(app, 'services.create', { ...valid, serviceType: 'legal_guidance' })).details?.issues?.[0]).toMatchObject({ path: 'serviceType', code: 'inactive' });
    expect((await refused(app, 'services.create', { ...valid, endDate: '2026-01-09' })).details?.issues).toEqual([
      { path: 'endDate', code: 'before_start', message: 'Slutdatum kan inte vara före startdatum.' },
    ]);
    expect(await refused(app, 'services.create', { ...valid, caseId: MISSING })).toMatchObject({ code: 'not_found' });
    // a one-day service ends the day it starts
    expect((await call<Service>(app.router, 'services.create', { ...valid, endDate: '2026-01-10' })).endDate).toBe('2026-01-10');
    expect(await call<Service[]>(app.router, 'services.list', { caseId: caseDetail.id })).toHaveLength(1);
  });

  it('refuses a decision from another case, for another person or service, a refusal, or one that does not exist', async () => {
    // given decisions in another case, for the child, and a refusal
    const { app, caseDetail, victim, child, valid } = await given();
    const other = await newCase(app, 'Annorlunda');
    const elsewhere = await call<Decision>(app.router, 'decisions.create', { caseId: other.caseDetail.id, personId: other.victim.id, serviceType: 'protected_housing', outcome: 'granted', decisionDate: '2026-01-01', legalGround: '4 kap. 1 § SoL', decidedBy: 'Chef' });
    const forChild = await call<Decision>(app.router, 'decisions.create', { caseId: caseDetail.id, personId: child.id, serviceType: 'protected_housing', outcome: 'granted', decisionDate: '2026-01-01', legalGround: '4 kap. 1 § SoL', decidedBy: 'Chef' });
    const talks = await call<Decision>(app.router, 'decisions.create', { caseId: caseDetail.id, personId: victim.id, serviceType: 'support_talks', outcome: 'granted', decisionDate: '2026-01-01', legalGround: '4 kap. 1 § SoL', decidedBy: 'Chef' });
    const no = await call<Decision>(app.router, 'decisions.create', { caseId: caseDetail.id, personId: victim.id, serviceType: 'protected_housing', outcome: 'refused', decisionDate: '2026-01-01', legalGround: '4 kap. 1 § SoL', decidedBy: 'Chef' });
    // when services refer to them, then each is refused on the decision field
    const issue = async (decisionId: string) => (await refused(app, 'services.create', { ...valid, decisionId })).details?.issues?.[0];
    expect(await issue(elsewhere.id)).toEqual({ path: 'decisionId', code: 'other_case', message: 'Beslutet hör till ett annat ärende.' });
    expect(await issue(forChild.id)).toMatchObject({ path: 'decisionId', code: 'other_person' });
    expect(await issue(talks.id)).toMatchObject({ path: 'decisionId', code: 'other_type' });
    expect(await issue(no.id)).toMatchObject({ path: 'decisionId', code: 'refused' });
    expect(await refused(app, 'services.create', { ...valid, decisionId: MISSING })).toMatchObject({ code: 'not_found', message: 'Beslutet finns inte.' });
    expect(await call<Service[]>(app.router, 'services.list', { caseId: caseDetail.id })).toEqual([]);
  });

  it('ends a service on or after its start, and refuses an end before it', async () => {
    // given a running service
    const { app, valid } = await given();
    const s = await call<Service>(app.router, 'services.create', valid);
    // when ended before its start, then refused
    expect((await refused(app, 'services.end', { id: s.id, endDate: '2026-01-09' })).details?.issues?.[0]).toMatchObject({ path: 'endDate', code: 'before_start' });
    // when ended properly, then the end is set (and can be corrected)
    expect((await call<Service>(app.router, 'services.end', { id: s.id, endDate: '2026-02-01' })).endDate).toBe('2026-02-01');
    expect((await call<Service>(app.router, 'services.end', { id: s.id, endDate: '2026-01-31' })).endDate).toBe('2026-01-31');
    expect(await refused(app, 'services.end', { id: MISSING, endDate: '2026-02-01' })).toMatchObject({ code: 'not_found', message: 'Insatsen finns inte.' });
  });

  it('logs every write and every read of a case\u2019s services', async () => {
    const { app, caseDetail, valid } = await given();
    const before = (await auditEvents(app)).length;
    const s = await call<Service>(app.router, 'services.create', valid);
    await call(app.router, 'services.end', { id: s.id, endDate: daysAgo(0) });
    await call(app.router, 'services.list', { caseId: caseDetail.id });
    expect((await auditEvents(app)).slice(before).map((e) => [e.action, e.entity_type, e.entity_id])).toEqual([
      ['services.create', 'service', s.id],
      ['services.end', 'service', s.id],
      ['services.read', 'case', caseDetail.id],
    ]);
  });
});
