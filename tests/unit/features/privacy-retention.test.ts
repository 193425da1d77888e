import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { call, unlockedApp } from '../../support/temp.js';
import { newPerson, refused, type App } from '../../support/casework.js';
import { oldClosedCase, personWithNumber, testNumber } from '../../support/privacy.js';
import { decryptedPages } from '../../support/decrypted-pages.js';
import { verifyChain } from '../../../src-main/features/audit/verify.js';
import { monthCountsFor } from '../../../src-main/features/statistics/month-store.js';
import type { RetentionPreview, RetentionRunRecord } from '../../../src-main/features/privacy/retention.js';

const INGRID_NUMBER = testNumber('19800312', '982');
const BENGT_NUMBER = testNumber('19780607', '985');

/** Five cases: one due, one kept by the birthday rule, one on hold, one open, one closed recently; one person in two cases. */
async function storeWithOldCases() {
  const app = await unlockedApp();
  const ingrid = await personWithNumber(app, 'Ingrid', 'Gallringsdotter', INGRID_NUMBER);
  const bengt = await personWithNumber(app, 'Bengt', 'Raderasson', BENGT_NUMBER);
  const shared = await newPerson(app, 'Delad', 'Kvarstadsson');
  const due = await oldClosedCase(app, ingrid, { intake: '2018-03-01', closedOn: '2019-05-31', note: 'Bengt Raderasson slog Ingrid i köket. Hon bor nu hos sin syster.', others: [{ person: bengt, role: 'perpetrator' }, { person: shared, role: 'other' }] });
  const born15 = await personWithNumber(app, 'Femtonde', 'Forskningsdotter', testNumber('19850615', '983'));
  const birthday = await oldClosedCase(app, born15, { intake: '2018-04-01', closedOn: '2019-06-30', note: 'Forskningsärende.' });
  const heldPerson = await personWithNumber(app, 'Spärrad', 'Överklagansdotter', testNumber('19900807', '984'));
  const held = await oldClosedCase(app, heldPerson, { intake: '2018-05-01', closedOn: '2019-07-31', note: 'Överklagat.' });
  await call(app.router, 'privacy.retentionHold', { caseId: held.id, reason: 'Överklagande hos förvaltningsrätten' });
  const recentPerson = await personWithNumber(app, 'Nyligen', 'Avslutsdotter', testNumber('19920808', '986'));
  const recent = await oldClosedCase(app, recentPerson, { intake: '2025-01-10', closedOn: '2025-06-30', note: 'Nyligen avslutat.', others: [{ person: shared, role: 'other' }] });
  const openPerson = await newPerson(app, 'Öppen', 'Pågåendesson');
  await call(app.router, 'cases.create', { mainPersonId: openPerson.id, intakeDate: '2017-01-01', intakeSource: 'own_application', violenceTypes: ['economic'] });
  return { app, ingrid, bengt, shared, due, birthday, held, recent };
}

function dataKey(app: App): Buffer {
  return Buffer.from(app.core.requireSession().vault.dataKey);
}

async function aggregates(app: App) {
  const s = app.core.requireSession();
  const rows = await s.db.transaction().execute((trx) => monthCountsFor(trx, { from: '2015-01', to: '2026-12' }));
  return rows.sort((a, b) => `${a.month}${a.measure}${a.dimension}${a.value}`.localeCompare(`${b.month}${b.measure}${b.dimension}${b.value}`));
}

describe('retention (gallring)', () => {
  it('previews what is due with a reason per case: overdue, kept for the birthday rule, on hold; nothing open or recent', async () => {
    const { app, due, birthday, held } = await storeWithOldCases();
    const p = await call<RetentionPreview>(app.router, 'privacy.retentionPreview');
    expect(p.due.map((c) => [c.caseNumber, c.reason, c.dueFrom, c.deadline])).toEqual([[due.caseNumber, 'overdue', '2024-05-31', '2025-12-31']]);
    expect(p.kept.map((c) => [c.caseNumber, c.reason])).toEqual([
      [birthday.caseNumber, 'birthday'],
      [held.caseNumber, 'hold'],
    ]);
    expect(p.kept[1]!.holdReason).toBe('Överklagande hos förvaltningsrätten');
    expect(p).toMatchObject({ notYet: 1, open: 1 });
  });

  it('keeps everything when the unit says so, and follows a changed number of years', async () => {
    const { app } = await storeWithOldCases();
    const settings = await call<{ retention: object }>(app.router, 'privacy.settings');
    await call(app.router, 'privacy.updateSettings', { retention: { ...settings.retention, keepEverything: true } });
    const keepAll = await call<RetentionPreview>(app.router, 'privacy.retentionPreview');
    expect(keepAll.due).toEqual([]);
    expect(keepAll.kept.every((c) => c.reason === 'keep_everything')).toBe(true);
    await call(app.router, 'privacy.updateSettings', { retention: { yearsAfterLastEntry: 10, keepEverything: false, birthdayException: true } });
    expect((await call<RetentionPreview>(app.router, 'privacy.retentionPreview')).due).toEqual([]);
    expect((await refused(app, 'privacy.updateSettings', { retention: { yearsAfterLastEntry: 0, keepEverything: false, birthdayException: true } })).details?.issues?.[0]?.message).toBe('Minst 1 år.');
  });

  it('deletes the case and everything on it in one run, the people no longer in any case, and leaves no name or number in the file', async () => {
    const { app, due, ingrid, bengt, shared } = await storeWithOldCases();
    const s = app.core.requireSession();
    const key = dataKey(app);
    const before = decryptedPages(s.vault.paths.db, key);
    // The positive control: the names are there to be found before.
    // (Folded, as the search's indexes and word list keep them: 'raderasson'.)
    for (const secret of ['Gallringsdotter', 'Raderasson', 'raderasson', INGRID_NUMBER]) expect(before.includes(Buffer.from(secret)), secret).toBe(true);
    // The outcome follow-ups of the case, one with an internal comment.
    await call(app.router, 'outcomes.save', { caseId: due.id, personId: ingrid.id, phase: 'intake', followedUpOn: '2018-03-01', safety: 1, wellBeing: 2, violenceStopped: 'no', comment: 'Sommarstugan vid Tallsjön' });
    await call(app.router, 'outcomes.save', { caseId: due.id, personId: ingrid.id, phase: 'closing', followedUpOn: '2019-05-31', safety: 4, wellBeing: 4, violenceStopped: 'yes', helpRating: 5 });
    const statsBefore = await aggregates(app);
    const dashboardBefore = await call(app.router, 'statistics.dashboard', { from: '2018-01', to: '2018-12' });
    const outcomesBefore = await call<{ outcomes: { total: { pairs: number } } }>(app.router, 'statistics.dashboard', { from: '2019-01', to: '2019-12' });
    expect(outcomesBefore.outcomes.total.pairs).toBe(1);

    const run = await call<RetentionRunRecord>(app.router, 'privacy.retentionRun', { caseIds: [due.id] });
    expect(run.counts).toMatchObject({ cases: 1, persons: 2, personsKept: 1, journal_entries: 1, decisions: 1, services: 1, case_persons: 3, outcome_followups: 2 });
    expect(await s.db.selectFrom('outcome_followups').select('id').execute()).toEqual([]);

    expect(await s.db.selectFrom('cases').select('id').where('id', '=', due.id).execute()).toEqual([]);
    expect((await s.db.selectFrom('persons').select('id').where('id', 'in', [ingrid.id, bengt.id, shared.id]).execute()).map((r) => r.id)).toEqual([shared.id]);
    expect(await sql`PRAGMA foreign_key_check`.execute(s.db)).toMatchObject({ rows: [] });
    const after = decryptedPages(s.vault.paths.db, key);
    for (const secret of ['Gallringsdotter', 'Raderasson', 'raderasson', 'Bengt', INGRID_NUMBER, BENGT_NUMBER, 'hos sin syster', 'Tallsjön']) expect(after.includes(Buffer.from(secret)), secret).toBe(false);
    // The random ids stay only in the audit trail, whose hash chain covers them; they name no one once the records are gone.
    // What stays stays readable.
    expect(after.includes(Buffer.from('Kvarstadsson'))).toBe(true);

    // The record of the run has counts and the rule, no identities.
    const runs = await call<RetentionRunRecord[]>(app.router, 'privacy.retentionRuns');
    expect(runs).toHaveLength(1);
    expect(JSON.stringify(runs)).not.toMatch(/Gallrings|Raderas|Ingrid|\d{8}-\d{4}/);
    // Last years' statistics do not change when old cases go.
    expect(await aggregates(app)).toEqual(statsBefore);
    expect(await call(app.router, 'statistics.dashboard', { from: '2018-01', to: '2018-12' })).toEqual(dashboardBefore);
    expect(await call(app.router, 'statistics.dashboard', { from: '2019-01', to: '2019-12' })).toEqual(outcomesBefore);
    expect(statsBefore.find((r) => r.month === '2018-03' && r.measure === 'new_cases' && r.dimension === 'total')?.count).toBe(1);
    // The audit trail still holds.
    await s.audit.flush();
    expect((await verifyChain(s.db)).firstBroken).toBeNull();
    key.fill(0);
  });

  it('refuses to delete a case that is not due (held, kept, changed since the preview), and deletes nothing', async () => {
    const { app, due, held, birthday } = await storeWithOldCases();
    for (const id of [held.id, birthday.id]) {
      const e = await refused(app, 'privacy.retentionRun', { caseIds: [due.id, id] });
      expect(e.code).toBe('conflict');
      expect(e.message).toMatch(/Förhandsgranska igen/);
    }
    expect((await app.core.requireSession().db.selectFrom('cases').select('id').where('id', '=', due.id).execute()).length).toBe(1);
  });

  it('lifts a hold, after which the case is due', async () => {
    const { app, held } = await storeWithOldCases();
    await call(app.router, 'privacy.retentionRelease', { caseId: held.id });
    expect((await call<RetentionPreview>(app.router, 'privacy.retentionPreview')).due.map((c) => c.caseId)).toContain(held.id);
  });
});
