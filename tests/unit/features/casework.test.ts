import { describe, expect, it } from 'vitest';
import { call, unlockedApp } from '../../support/temp.js';
import { luhnCheckDigit } from '../../../src-main/domain/personal-number.js';
import type { PersonSummary } from '../../../src-main/features/persons/contract.js';
import type { CaseDetail, CaseListPage } from '../../../src-main/features/cases/contract.js';

const num = (yymmdd: string, serial: string) => `19${yymmdd}-${serial}${luhnCheckDigit(yymmdd + serial)}`;
const childNum = (yymmdd: string, serial: string) => `20${yymmdd}-${serial}${luhnCheckDigit(yymmdd + serial)}`;
const newPerson = (firstName: string, lastName: string, identity: unknown, gender = 'kvinna') => ({ firstName, lastName, identity, gender, protectionLevel: 'none' });

async function counts(app: Awaited<ReturnType<typeof unlockedApp>>) {
  const db = app.core.requireSession().db;
  const persons = await db.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const cases = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { persons: Number(persons.n), cases: Number(cases.n) };
}

function intake() {
  return {
    mainNewPerson: newPerson('Mira', 'Påhittsson', { kind: 'personnummer', value: num('880808', '987') }),
    intakeDate: '2026-10-01',
    intakeSource: 'islandsmodellen',
    violenceTypes: ['physical', 'psychological'],
    relation: 'partner',
    firstContactDate: '2026-10-02',
    childrenInHousehold: 2,
    people: [
      { person: { newPerson: newPerson('Liv', 'Påhittsson', { kind: 'personnummer', value: childNum('150505', '988') }) }, role: 'child', childExposure: 'witnessed' },
      { person: { newPerson: newPerson('Sam', 'Påhittsson', { kind: 'personnummer', value: childNum('180303', '989') }, 'man') }, role: 'child', childExposure: 'both' },
      { person: { newPerson: newPerson('Kim', 'Exempelsson', { kind: 'none', birthYear: 1985 }, 'man') }, role: 'perpetrator' },
    ],
  };
}

describe('intake in one flow', () => {
  it('registers the victim, two children and the person using violence with the case, in one step', async () => {
    const app = await unlockedApp();
    const c = await call<CaseDetail>(app.router, 'cases.create', intake());
    expect(c.persons.map((p) => [p.firstName, p.role, p.childExposure])).toEqual([
      ['Mira', 'victim', null],
      ['Liv', 'child', 'witnessed'],
      ['Sam', 'child', 'both'],
      ['Kim', 'perpetrator', null],
    ]);
    expect(c).toMatchObject({ relation: 'partner', firstContactDate: '2026-10-02', childrenInHousehold: 2, status: 'intake' });
    expect(c.statusHistory).toEqual([expect.objectContaining({ from: null, to: 'intake', date: '2026-10-01' })]);
    expect(await counts(app)).toEqual({ persons: 4, cases: 1 });
  });

  it('saves nothing when one of the people is refused (a bad number), and says which field', async () => {
    const app = await unlockedApp();
    const bad = intake();
    bad.people[1]!.person = { newPerson: newPerson('Sam', 'Påhittsson', { kind: 'personnummer', value: `20180303-989${(luhnCheckDigit('180303989') + 1) % 10}` }) };
    const r = await app.router.invoke('cases.create', bad);
    expect(r).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ path: 'people.1.person.newPerson.identity.value' }] } } });
    expect(await counts(app)).toEqual({ persons: 0, cases: 0 });
  });

  it('refuses a twin inside an intake and points to the person already registered, saving nothing', async () => {
    const app = await unlockedApp();
    const existing = await call<PersonSummary>(app.router, 'persons.create', newPerson('Kim', 'Redan', { kind: 'personnummer', value: num('850101', '990') }, 'man'));
    const twin = intake();
    twin.people[2]!.person = { newPerson: newPerson('Kim', 'Igen', { kind: 'personnummer', value: num('850101', '990') }, 'man') };
    expect(await app.router.invoke('cases.create', twin)).toMatchObject({
      ok: false,
      error: { code: 'conflict', details: { existingId: existing.id, issues: [{ path: 'people.2.person.newPerson.identity.value', code: 'duplicate' }] } },
    });
    expect(await counts(app)).toEqual({ persons: 1, cases: 0 });
    twin.people[2]!.person = { personId: existing.id } as never;
    const c = await call<CaseDetail>(app.router, 'cases.create', twin);
    expect(c.persons.find((p) => p.role === 'perpetrator')?.personId).toBe(existing.id);
  });

  it('refuses a child exposure on an adult role, and a first contact before the intake', async () => {
    const app = await unlockedApp();
    const a = intake();
    (a.people[2] as { childExposure?: string }).childExposure = 'witnessed';
    expect(await app.router.invoke('cases.create', a)).toMatchObject({ ok: false, error: { code: 'validation' } });
    const b = { ...intake(), firstContactDate: '2026-09-30' };
    expect(await app.router.invoke('cases.create', b)).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ path: 'firstContactDate' }] } } });
  });
});

describe('status, closing and reassignment', () => {
  it('moves forward with dates, closes with a reason, and then refuses changes', async () => {
    const app = await unlockedApp();
    const c = await call<CaseDetail>(app.router, 'cases.create', intake());
    await call(app.router, 'cases.setStatus', { id: c.id, status: 'investigation', date: '2026-10-03' });
    expect(await app.router.invoke('cases.setStatus', { id: c.id, status: 'intake', date: '2026-10-04' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await app.router.invoke('cases.setStatus', { id: c.id, status: 'ongoing', date: '2026-10-02' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    await call(app.router, 'cases.setStatus', { id: c.id, status: 'ongoing', date: '2026-10-10' });
    expect(await app.router.invoke('cases.setStatus', { id: c.id, status: 'closed', date: '2026-11-01' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    const closed = await call<CaseDetail>(app.router, 'cases.setStatus', { id: c.id, status: 'closed', date: '2026-11-01', closingReason: 'goal_met' });
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-11-01', closingReason: 'goal_met' });
    expect(closed.statusHistory.map((h) => `${h.from ?? '-'}>${h.to}@${h.date}`)).toEqual(['->intake@2026-10-01', 'intake>investigation@2026-10-03', 'investigation>ongoing@2026-10-10', 'ongoing>closed@2026-11-01']);
    expect(await app.router.invoke('cases.update', { id: c.id, intakeDate: '2026-10-01', intakeSource: 'report_police', violenceTypes: ['physical'] })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await app.router.invoke('cases.setStatus', { id: c.id, status: 'investigation', date: '2026-11-02' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('reassigns to another active worker, keeps the history and logs it', async () => {
    const app = await unlockedApp();
    const db = app.core.requireSession().db;
    const other = '44444444-4444-4444-8444-444444444444';
    await db.insertInto('workers').values({ id: other, name: 'Olle Kollega', role: 'handlaggare', active: 1, created_at: new Date().toISOString() }).execute();
    const c = await call<CaseDetail>(app.router, 'cases.create', intake());
    const moved = await call<CaseDetail>(app.router, 'cases.reassign', { id: c.id, workerId: other });
    expect(moved.assignedWorkerName).toBe('Olle Kollega');
    expect(moved.assignments.map((a) => a.workerName)).toEqual(['Sara Handläggare', 'Olle Kollega']);
    expect(await app.router.invoke('cases.reassign', { id: c.id, workerId: other })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await db.updateTable('workers').set({ active: 0 }).where('id', '=', app.workerId).execute();
    expect(await app.router.invoke('cases.reassign', { id: c.id, workerId: app.workerId })).toMatchObject({ ok: false, error: { code: 'validation' } });
    const actions = (await db.selectFrom('audit_events').select('action').execute()).map((r) => r.action);
    expect(actions).toContain('cases.reassign');
  });

  it('adds and removes people in an open case, never the main person', async () => {
    const app = await unlockedApp();
    const c = await call<CaseDetail>(app.router, 'cases.create', { ...intake(), people: [] });
    const withChild = await call<CaseDetail>(app.router, 'cases.addPerson', {
      caseId: c.id,
      entry: { person: { newPerson: newPerson('Ny', 'Barnsson', { kind: 'none', birthYear: 2019 }) }, role: 'child', childExposure: 'subjected' },
    });
    const child = withChild.persons.find((p) => p.role === 'child')!;
    expect(child.childExposure).toBe('subjected');
    expect(await app.router.invoke('cases.addPerson', { caseId: c.id, entry: { person: { personId: c.mainPersonId }, role: 'other' } })).toMatchObject({ ok: false, error: { code: 'validation' } });
    const without = await call<CaseDetail>(app.router, 'cases.removePerson', { caseId: c.id, personId: child.personId, role: 'child' });
    expect(without.persons.map((p) => p.role)).toEqual(['victim']);
  });
});

describe('case list filters', () => {
  it('filters by status, worker, violence type, source and period, and pages within the filter', async () => {
    const app = await unlockedApp();
    const p = await call<PersonSummary>(app.router, 'persons.create', newPerson('Fia', 'Filtersson', { kind: 'none', birthYear: 1980 }));
    const make = (intakeDate: string, intakeSource: string, violenceTypes: string[]) =>
      call<CaseDetail>(app.router, 'cases.create', { mainPersonId: p.id, intakeDate, intakeSource, violenceTypes });
    const a = await make('2026-01-10', 'report_police', ['physical']);
    const b = await make('2026-02-10', 'own_application', ['economic']);
    const c = await make('2026-03-10', 'report_police', ['physical', 'digital']);
    await call(app.router, 'cases.setStatus', { id: c.id, status: 'closed', date: '2026-03-11', closingReason: 'declined_help' });
    const ids = async (f: object) => (await call<CaseListPage>(app.router, 'cases.list', f)).items.map((i) => i.id);
    expect(await ids({ intakeSource: 'report_police' })).toEqual([c.id, a.id]);
    expect(await ids({ violenceType: 'physical' })).toEqual([c.id, a.id]);
    expect(await ids({ violenceType: 'digital' })).toEqual([c.id]);
    expect(await ids({ status: 'closed' })).toEqual([c.id]);
    expect(await ids({ from: '2026-02-01', to: '2026-02-28' })).toEqual([b.id]);
    expect(await ids({ workerId: app.workerId, violenceType: 'physical', status: 'intake' })).toEqual([a.id]);
    expect(await ids({ workerId: '55555555-5555-4555-8555-555555555555' })).toEqual([]);
    const first = await call<CaseListPage>(app.router, 'cases.list', { intakeSource: 'report_police', limit: 1 });
    const second = await call<CaseListPage>(app.router, 'cases.list', { intakeSource: 'report_police', limit: 1, after: first.next! });
    expect([...first.items, ...second.items].map((i) => i.id)).toEqual([c.id, a.id]);
    expect(second.next).toBeNull();
    expect(await app.router.invoke('cases.list', { from: '2026-03-01', to: '2026-02-01' })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
