import { describe, expect, it } from 'vitest';
import { call, unlockedApp } from '../../support/temp.js';
import { addSecondWorker, auditEvents, newCase, newPerson, refused, type App } from '../../support/casework.js';
import type { LogPage, LogReview } from '../../../src-main/features/privacy/log-review.js';
import { Core } from '../../../src-main/core.js';

/** An app whose clock can be set, so events fall inside or outside office hours. */
async function appAt(iso: string) {
  const app = await unlockedApp();
  let now = Date.parse(iso);
  const core = app.core as Core & { now: () => number };
  Object.defineProperty(core, 'now', { value: () => now });
  return { app, setNow: (t: string) => (now = Date.parse(t)) };
}

async function search(app: App, filter: Record<string, unknown> = {}) {
  return call<LogPage>(app.router, 'privacy.logSearch', filter);
}

describe('log review (loggkontroll)', () => {
  it('flags a worker opening a protected person and revealing the address, and the coordinator finds it by worker and by person', async () => {
    const { app } = await appAt('2026-11-23T09:00:00Z');
    const olle = await addSecondWorker(app);
    const ada = await newPerson(app, 'Ada', 'Skyddadsdotter', 'skyddad_folkbokforing');
    const plain = await newPerson(app, 'Vanlig', 'Personsson');
    await olle.switchTo();
    await call(app.router, 'persons.get', { id: ada.id });
    await call(app.router, 'persons.revealAddress', { id: ada.id });
    await call(app.router, 'persons.get', { id: plain.id });
    await olle.switchBack();

    const byWorker = await search(app, { workerId: olle.id });
    const open = byWorker.rows.find((r) => r.action === 'persons.read' && r.personId === ada.id);
    expect(open?.flags).toContain('protected_person');
    expect(open?.workerName).toBe('Olle Kollega');
    expect(byWorker.rows.find((r) => r.action === 'persons.reveal_address')?.flags).toContain('revealed_address');
    expect(byWorker.rows.find((r) => r.action === 'persons.read' && r.personId === plain.id)?.flags).not.toContain('protected_person');
    const byPerson = await search(app, { personId: ada.id });
    expect(byPerson.rows.every((r) => r.personId === ada.id)).toBe(true);
    expect(byPerson.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['persons.read', 'persons.reveal_address', 'persons.create']));
  });

  it('flags opening a case the worker is not assigned to, and filters by case and by action', async () => {
    // The real clock: assignments are stamped with it.
    const app = await unlockedApp();
    const olle = await addSecondWorker(app);
    const { caseDetail } = await newCase(app, 'Tilldelad');
    await olle.switchTo();
    await call(app.router, 'cases.get', { id: caseDetail.id });
    await olle.switchBack();
    await call(app.router, 'cases.get', { id: caseDetail.id });
    const rows = (await search(app, { caseId: caseDetail.id, action: 'cases.read' })).rows;
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.workerId === olle.id)?.flags).toContain('not_assigned');
    expect(rows.find((r) => r.workerId === app.workerId)?.flags).not.toContain('not_assigned');
  });

  it('flags access outside office hours (a setting) and many different persons opened in a short time', async () => {
    const { app, setNow } = await appAt('2026-11-23T21:30:00Z'); // 22:30 Swedish time, a Monday
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await newPerson(app, 'Många', `Personsson${i}`));
    await call(app.router, 'privacy.updateSettings', { manyPersons: { count: 4, minutes: 10 } });
    for (const p of people) await call(app.router, 'persons.get', { id: p.id });
    const late = (await search(app, { action: 'persons.read' })).rows;
    expect(late).toHaveLength(4);
    for (const r of late) expect(r.flags).toEqual(expect.arrayContaining(['outside_office_hours', 'many_persons']));
    setNow('2026-11-24T09:00:00Z');
    await call(app.router, 'persons.get', { id: people[0]!.id });
    const morning = (await search(app, { action: 'persons.read', from: '2026-11-24', to: '2026-11-24' })).rows;
    expect(morning).toHaveLength(1);
    expect(morning[0]!.flags).toEqual([]);
    await call(app.router, 'privacy.updateSettings', { officeHours: { start: '06:00', end: '23:00', weekdaysOnly: true } });
    expect((await search(app, { action: 'persons.read', to: '2026-11-23' })).rows[0]!.flags).not.toContain('outside_office_hours');
    expect((await refused(app, 'privacy.updateSettings', { officeHours: { start: '18:00', end: '07:00', weekdaysOnly: true } })).details?.issues?.[0]?.message).toMatch(/sluta efter/);
  });

  it('flags exports and prints (a register extract)', async () => {
    const { app } = await appAt('2026-11-23T09:00:00Z');
    const p = await newPerson(app, 'Utdrag', 'Begärsdotter');
    await call(app.router, 'privacy.extractProduced', { personId: p.id });
    expect((await search(app, { action: 'privacy.extract_print' })).rows[0]!.flags).toContain('export_or_print');
  });

  it('pages newest first without gaps or repeats', async () => {
    const { app } = await appAt('2026-11-23T09:00:00Z');
    for (let i = 0; i < 7; i++) await newPerson(app, 'Sida', `Personsson${i}`);
    const all = (await search(app, { limit: 500 })).rows.map((r) => r.id);
    const seen: number[] = [];
    let after: LogPage['next'] = null;
    do {
      const page: LogPage = await search(app, { limit: 3, ...(after ? { after } : {}) });
      seen.push(...page.rows.map((r) => r.id));
      after = page.next;
    } while (after);
    expect(seen).toEqual(all);
  });

  it('filters by person over their own events and their cases\' events, newest first, paging without gaps or repeats', async () => {
    const { app, setNow } = await appAt('2026-01-05T09:00:00Z');
    const { caseDetail, victim } = await newCase(app, 'Personfiltersson');
    const other = await newPerson(app, 'Annan', 'Personsson');
    // Events weeks apart: the person's own reads and reads of their case, interleaved, and someone else's.
    for (let week = 0; week < 4; week++) {
      setNow(`2026-0${2 + Math.floor(week / 2)}-${week % 2 ? '20' : '03'}T09:00:00Z`);
      await call(app.router, 'persons.get', { id: victim.id });
      await call(app.router, 'cases.get', { id: caseDetail.id });
      await call(app.router, 'persons.get', { id: other.id });
    }
    const all = (await search(app, { personId: victim.id, limit: 500 })).rows;
    expect(all.some((r) => r.action === 'persons.read' && r.personId === victim.id)).toBe(true);
    expect(all.filter((r) => r.action === 'cases.read' && r.caseId === caseDetail.id)).toHaveLength(4);
    expect(all.some((r) => r.entityId === other.id)).toBe(false);
    const times = all.map((r) => `${r.at}#${String(r.id).padStart(9, '0')}`);
    expect(times).toEqual([...times].sort().reverse());
    const seen: number[] = [];
    let after: LogPage['next'] = null;
    do {
      const page: LogPage = await search(app, { personId: victim.id, limit: 3, ...(after ? { after } : {}) });
      seen.push(...page.rows.map((r) => r.id));
      after = page.next;
    } while (after);
    expect(seen).toEqual(all.map((r) => r.id));
  });

  it('flags many persons on a page that spans months only where the openings were close together', async () => {
    const { app, setNow } = await appAt('2026-03-02T08:00:00Z');
    await call(app.router, 'privacy.updateSettings', { manyPersons: { count: 3, minutes: 10 } });
    const target = await newPerson(app, 'Mål', 'Personsson');
    const others = [await newPerson(app, 'Första', 'Personsson'), await newPerson(app, 'Andra', 'Personsson')];
    // March: the target alone. May: the target and two others within five minutes.
    setNow('2026-03-02T09:00:00Z');
    await call(app.router, 'persons.get', { id: target.id });
    setNow('2026-05-04T09:00:00Z');
    await call(app.router, 'persons.get', { id: others[0]!.id });
    setNow('2026-05-04T09:02:00Z');
    await call(app.router, 'persons.get', { id: target.id });
    setNow('2026-05-04T09:04:00Z');
    await call(app.router, 'persons.get', { id: others[1]!.id });
    const rows = (await search(app, { personId: target.id, action: 'persons.read' })).rows;
    expect(rows.map((r) => [r.at.slice(0, 10), r.flags.includes('many_persons')])).toEqual([
      ['2026-05-04', true],
      ['2026-03-02', false],
    ]);
  });

  it('logs reading the log, and records a review with who, which period and a comment', async () => {
    const { app } = await appAt('2026-11-23T09:00:00Z');
    await search(app, {});
    expect((await auditEvents(app)).map((e) => e.action)).toContain('privacy.log_read');
    const review = await call<LogReview>(app.router, 'privacy.logReviewSave', { periodFrom: '2026-11-01', periodTo: '2026-11-30', comment: 'Granskat. Inga avvikelser utöver planerade hembesök.' });
    expect(review).toMatchObject({ reviewerName: 'Sara Handläggare', periodFrom: '2026-11-01', periodTo: '2026-11-30' });
    expect(await call<LogReview[]>(app.router, 'privacy.logReviews')).toEqual([review]);
    expect((await refused(app, 'privacy.logReviewSave', { periodFrom: '2026-11-30', periodTo: '2026-11-01', comment: 'x' })).details?.issues?.[0]?.message).toMatch(/sluta efter/);
    expect((await refused(app, 'privacy.logReviewSave', { periodFrom: '2026-11-01', periodTo: '2026-11-30', comment: '   ' })).details?.issues?.[0]?.message).toMatch(/kommentar/);
  });

  it('verifies the chain through the channel, and the check itself is logged', async () => {
    const { app } = await appAt('2026-11-23T09:00:00Z');
    await newCase(app);
    expect(await call(app.router, 'privacy.logVerify')).toMatchObject({ firstBroken: null });
    expect((await auditEvents(app)).at(-1)?.action).toBe('privacy.log_verify');
  });
});
