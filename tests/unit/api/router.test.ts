import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { z } from 'zod';
import { contract } from '../../../src-main/api/contract.js';
import { Router, feature } from '../../../src-main/api/router.js';
import { channel } from '../../../src-main/api/channel.js';
import { Core } from '../../../src-main/core.js';
import { createAppRouter } from '../../../src-main/api/app-router.js';
import { TEST_KDF, call, tempDir, unlockedApp } from '../../support/temp.js';
import { snapshotDir } from '../../support/files.js';

async function tableCounts(app: Awaited<ReturnType<typeof unlockedApp>>) {
  const db = app.core.requireSession().db;
  const out: Record<string, number> = {};
  for (const t of ['persons', 'person_search', 'cases', 'case_persons', 'case_violence_types', 'settings', 'workers', 'audit_events'] as const) {
    const r = await db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

describe('router: the one door', () => {
  it('refuses malformed input on every channel before any feature code runs, and writes nothing', async () => {
    const app = await unlockedApp();
    await app.core.requireSession().audit.flush();
    const names = Object.keys(contract) as (keyof typeof contract)[];
    expect(names.length).toBeGreaterThan(10);
    for (const name of names) {
      const schema = contract[name].input as z.ZodType;
      const before = await tableCounts(app);
      const samples = fc.sample(
        fc.anything({ withNullPrototype: false, withBigInt: false, withDate: false, withTypedArray: false, withSparseArray: false }).filter((v) => !schema.safeParse(v).success),
        { numRuns: 40, seed: name.length * 7919 },
      );
      expect(samples.length, name).toBeGreaterThan(0);
      for (const bad of samples) {
        const r = await app.router.invoke(name, bad);
        expect(r.ok, `${name} accepted ${JSON.stringify(bad)}`).toBe(false);
        if (!r.ok) {
          expect(r.error.code, name).toBe('validation');
          expect(r.error.message).toMatch(/[åäöÅÄÖa-z]/);
        }
      }
      expect(await tableCounts(app), name).toEqual(before);
      // The vault is still unlocked: a refused call never locks or changes the session.
      expect(app.core.status().state).toBe('unlocked');
    }
  });

  it('answers an unknown channel with a typed error', async () => {
    const app = await unlockedApp();
    for (const bad of ['persons.delete', '', 'constructor', '__proto__', 42, null]) {
      const r = await app.router.invoke(bad, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    }
  });

  it('refuses every non-public channel while locked', async () => {
    const dir = tempDir();
    const core = new Core({ vaultDir: dir, kdf: TEST_KDF });
    const router = createAppRouter(core);
    await core.create({ unitName: 'Enheten', workerName: 'Sara', passphrase: 'ett långt lösenord' });
    await core.lock('user');
    const before = snapshotDir(dir);
    const valid: Record<string, unknown> = {
      'persons.create': { firstName: 'A', lastName: 'B', identity: { kind: 'none', birthYear: 1980 }, gender: 'kvinna', protectionLevel: 'none' },
      'persons.search': { query: 'a' },
      'persons.get': { id: '11111111-1111-4111-8111-111111111111' },
      'persons.update': { id: '11111111-1111-4111-8111-111111111111', firstName: 'A', lastName: 'B', identity: { kind: 'none', birthYear: 1980 }, gender: 'kvinna', protectionLevel: 'none' },
      'persons.revealAddress': { id: '11111111-1111-4111-8111-111111111111' },
      'cases.create': { mainPersonId: '11111111-1111-4111-8111-111111111111', intakeDate: '2026-01-01', intakeSource: 'report_police', violenceTypes: ['physical'] },
      'cases.list': {},
      'cases.get': { id: '11111111-1111-4111-8111-111111111111' },
      'cases.update': { id: '11111111-1111-4111-8111-111111111111', intakeDate: '2026-01-01', intakeSource: 'report_police', violenceTypes: ['physical'] },
      'cases.setStatus': { id: '11111111-1111-4111-8111-111111111111', status: 'investigation', date: '2026-01-02' },
      'cases.reassign': { id: '11111111-1111-4111-8111-111111111111', workerId: '11111111-1111-4111-8111-111111111111' },
      'cases.addPerson': { caseId: '11111111-1111-4111-8111-111111111111', entry: { person: { personId: '11111111-1111-4111-8111-111111111111' }, role: 'child', childExposure: 'witnessed' } },
      'cases.removePerson': { caseId: '11111111-1111-4111-8111-111111111111', personId: '11111111-1111-4111-8111-111111111111', role: 'child' },
      'workers.list': undefined,
      'workers.create': { name: 'Olle', role: 'handlaggare', firstPassphrase: 'ett långt första lösen', firstPassphraseRepeat: 'ett långt första lösen' },
      'workers.deactivate': { id: '11111111-1111-4111-8111-111111111111' },
      'workers.setRole': { id: '11111111-1111-4111-8111-111111111111', role: 'samordnare' },
      'workers.resetPassphrase': { workerId: '11111111-1111-4111-8111-111111111111', recoveryKey: 'ABCD', firstPassphrase: 'ett långt första lösen', firstPassphraseRepeat: 'ett långt första lösen' },
      'settings.get': undefined,
      'settings.update': { autoLockMinutes: 5 },
      'backups.create': undefined,
      'backups.list': undefined,
      'backups.restore': { name: 'fristad-backup-20260101-000000-000' },
      'vault.changePassphrase': { current: 'x', passphrase: 'ett annat lösenord', passphraseRepeat: 'ett annat lösenord' },
      'vault.touch': undefined,
      'journal.list': { caseId: '11111111-1111-4111-8111-111111111111' },
      'journal.create': { caseId: '11111111-1111-4111-8111-111111111111', entryDate: '2026-01-01', text: 'Anteckning' },
      'journal.updateDraft': { id: '11111111-1111-4111-8111-111111111111', entryDate: '2026-01-01', text: 'Anteckning' },
      'journal.sign': { id: '11111111-1111-4111-8111-111111111111' },
      'journal.correct': { entryId: '11111111-1111-4111-8111-111111111111', entryDate: '2026-01-01', text: 'Rättelse' },
      'journal.deleteDraft': { id: '11111111-1111-4111-8111-111111111111' },
      'journal.search': { query: 'köket' },
      'decisions.list': { caseId: '11111111-1111-4111-8111-111111111111' },
      'decisions.create': { caseId: '11111111-1111-4111-8111-111111111111', personId: '11111111-1111-4111-8111-111111111111', serviceType: 'protected_housing', outcome: 'granted', decisionDate: '2026-01-01', legalGround: '4 kap. 1 § SoL', decidedBy: 'Enhetschef' },
      'services.types': undefined,
      'services.saveType': { code: 'new_type', label: 'Ny insats', active: true },
      'services.list': { caseId: '11111111-1111-4111-8111-111111111111' },
      'services.create': { caseId: '11111111-1111-4111-8111-111111111111', personId: '11111111-1111-4111-8111-111111111111', serviceType: 'support_talks', startDate: '2026-01-01' },
      'services.end': { id: '11111111-1111-4111-8111-111111111111', endDate: '2026-01-01' },
      'templates.list': {},
      'templates.get': { id: 'fristad.sakerhetsplan', version: 1 },
      'templates.import': { fileName: 'mall.json', text: '{}' },
      'riskAssessments.history': { personId: '11111111-1111-4111-8111-111111111111' },
      'riskAssessments.get': { id: '11111111-1111-4111-8111-111111111111' },
      'riskAssessments.score': { template: { id: 'fristad.riskbedomning', version: 1 }, answers: {} },
      'riskAssessments.create': { caseId: '11111111-1111-4111-8111-111111111111', personId: '11111111-1111-4111-8111-111111111111', template: { id: 'fristad.riskbedomning', version: 1 }, assessedOn: '2026-01-01', answers: {}, level: 'low', judgement: 'Bedömning' },
      'checklists.list': { caseId: '11111111-1111-4111-8111-111111111111' },
      'checklists.start': { caseId: '11111111-1111-4111-8111-111111111111', templateId: 'fristad.checklista.aktualisering' },
      'checklists.tick': { checklistId: '11111111-1111-4111-8111-111111111111', itemKey: 'safe_contact' },
      'checklists.untick': { checklistId: '11111111-1111-4111-8111-111111111111', itemKey: 'safe_contact' },
      'safetyPlans.list': { caseId: '11111111-1111-4111-8111-111111111111' },
      'safetyPlans.get': { id: '11111111-1111-4111-8111-111111111111' },
      'safetyPlans.save': { caseId: '11111111-1111-4111-8111-111111111111', personId: '11111111-1111-4111-8111-111111111111', madeOn: '2026-01-01', reviewOn: '2026-02-01', madeWith: 'Fia', sections: {} },
      'safetyPlans.unitNumbers': undefined,
      'safetyPlans.setUnitNumbers': { numbers: [{ label: 'Socialjouren', number: '08-123 45 67' }] },
      'actionPlans.list': { caseId: '11111111-1111-4111-8111-111111111111' },
      'actionPlans.create': { caseId: '11111111-1111-4111-8111-111111111111', personId: '11111111-1111-4111-8111-111111111111', status: 'draft', goals: ['Mål'], actions: [], followUpOn: null, workerSignedOn: null, personSignedOn: null },
      'actionPlans.update': { id: '11111111-1111-4111-8111-111111111111', status: 'draft', goals: ['Mål'], actions: [], followUpOn: null, workerSignedOn: null, personSignedOn: null },
      'print.preview': { document: { kind: 'safety_plan', id: '11111111-1111-4111-8111-111111111111' }, variant: 'client' },
      'print.pdf': { document: { kind: 'safety_plan', id: '11111111-1111-4111-8111-111111111111' }, variant: 'client' },
      'print.paper': { document: { kind: 'safety_plan', id: '11111111-1111-4111-8111-111111111111' }, variant: 'internal' },
      'print.logo': undefined,
      'print.setLogo': { logo: null },
      'statistics.dashboard': { from: '2026-01', to: '2026-03' },
      'statistics.settings': undefined,
      'statistics.updateSettings': { suppressionThreshold: 5 },
      'statistics.exportPreview': { from: '2026-01', to: '2026-03' },
      'statistics.export': { period: { from: '2026-01', to: '2026-03' }, format: 'csv' },
      'statistics.reportPdf': { from: '2026-01', to: '2026-03' },
      'shelters.list': {},
      'shelters.get': { id: '11111111-1111-4111-8111-111111111111' },
      'shelters.revealAddress': { id: '11111111-1111-4111-8111-111111111111' },
      'shelters.create': { name: 'Jouren', operatorType: 'womens_shelter', firstPrice: { validFrom: '2026-01-01', adultOre: 120000, childOre: 60000 } },
      'shelters.update': { id: '11111111-1111-4111-8111-111111111111', name: 'Jouren', operatorType: 'womens_shelter' },
      'shelters.setArchived': { id: '11111111-1111-4111-8111-111111111111', archived: true },
      'shelters.addPricePeriod': { shelterId: '11111111-1111-4111-8111-111111111111', validFrom: '2026-01-01', adultOre: 120000, childOre: 60000 },
      'shelters.occupancy': { shelterId: '11111111-1111-4111-8111-111111111111', from: '2026-01-01', to: '2026-01-31' },
      'placements.create': { caseId: '11111111-1111-4111-8111-111111111111', personId: '11111111-1111-4111-8111-111111111111', shelterId: '11111111-1111-4111-8111-111111111111', decisionDate: '2026-01-01', startDate: '2026-01-01' },
      'placements.get': { id: '11111111-1111-4111-8111-111111111111' },
      'placements.end': { id: '11111111-1111-4111-8111-111111111111', endDate: '2026-01-05', endReason: 'goal_met', destination: 'own_home' },
      'placements.setPlan': { id: '11111111-1111-4111-8111-111111111111', plannedEndDate: '2026-02-01' },
      'placements.listForCase': { caseId: '11111111-1111-4111-8111-111111111111' },
      'placements.listForPerson': { personId: '11111111-1111-4111-8111-111111111111' },
      'placements.current': undefined,
      'placements.reminders': {},
      'placements.monthlyCost': { month: '2026-01' },
      'placements.yearCost': { year: 2026 },
      'imports.preview': { fileName: 'logg.csv', base64: 'YTtiCg==' },
      'imports.dryRun': { fileName: 'logg.csv', base64: 'YTtiCg==', mapping: { personalNumber: 0, shelterName: 1, startDate: 1 }, newCaseSource: 'own_application' },
      'imports.commit': { fileName: 'logg.csv', base64: 'YTtiCg==', mapping: { personalNumber: 0, shelterName: 1, startDate: 1 }, newCaseSource: 'own_application' },
      'imports.template': { format: 'csv' },
      'imports.caseLogDryRun': { fileName: 'logg.csv', base64: 'YTtiCg==', mapping: { personalNumber: 0, intakeDate: 1, violenceTypes: 1 }, defaultSource: 'own_application' },
      'imports.caseLogCommit': { fileName: 'logg.csv', base64: 'YTtiCg==', mapping: { personalNumber: 0, intakeDate: 1, violenceTypes: 1 }, defaultSource: 'own_application' },
      'privacy.settings': undefined,
      'privacy.updateSettings': { manyPersons: { count: 10, minutes: 15 } },
      'privacy.logSearch': {},
      'privacy.logVerify': undefined,
      'privacy.logReviewSave': { periodFrom: '2026-01-01', periodTo: '2026-01-31', comment: 'Inga avvikelser.' },
      'privacy.logReviews': undefined,
      'privacy.logPdf': { from: '2026-11-01', to: '2026-11-30' },
      'privacy.retentionPreview': undefined,
      'privacy.retentionRun': { caseIds: ['11111111-1111-4111-8111-111111111111'] },
      'privacy.retentionRuns': undefined,
      'privacy.retentionHold': { caseId: '11111111-1111-4111-8111-111111111111', reason: 'Överklagande' },
      'privacy.retentionRelease': { caseId: '11111111-1111-4111-8111-111111111111' },
      'privacy.extract': { personId: '11111111-1111-4111-8111-111111111111' },
      'privacy.extractProduced': { personId: '11111111-1111-4111-8111-111111111111' },
      'privacy.extractPdf': { personId: '11111111-1111-4111-8111-111111111111' },
      'outcomes.list': { caseId: '11111111-1111-4111-8111-111111111111' },
      'outcomes.save': { caseId: '11111111-1111-4111-8111-111111111111', personId: '11111111-1111-4111-8111-111111111111', phase: 'intake', followedUpOn: '2026-01-01', safety: 2, wellBeing: null, violenceStopped: 'no' },
      'outcomes.delete': { id: '11111111-1111-4111-8111-111111111111' },
    };
    for (const [name, def] of Object.entries(contract)) {
      if (def.access === 'public') continue;
      expect(name in valid, `test lacks a valid input for ${name}`).toBe(true);
      const r = await router.invoke(name, valid[name]);
      expect(r, name).toMatchObject({ ok: false, error: { code: 'locked' } });
    }
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('refuses a coordinator channel to a handläggare', async () => {
    const app = await unlockedApp();
    await app.core.requireSession().db.updateTable('workers').set({ role: 'handlaggare' }).execute();
    await app.core.lock('user');
    await app.core.unlock(app.workerId, 'korrekt häst batteri häftklammer');
    const r = await app.router.invoke('settings.update', { autoLockMinutes: 3 });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call<{ autoLockMinutes: number }>(app.router, 'settings.get')).autoLockMinutes).toBe(10);
  });

  it('refuses a channel registered twice, at start-up', () => {
    const core = new Core({ vaultDir: tempDir(), kdf: TEST_KDF });
    const c = { 'x.one': channel(z.object({})).returns<null>() } as const;
    const h = { 'x.one': async () => null };
    expect(() => new Router(core, [feature(c, h), feature(c, h)])).toThrow(/twice/);
  });

  it('never leaks an internal error message, and says in Swedish that nothing was saved', async () => {
    const core = new Core({ vaultDir: tempDir(), kdf: TEST_KDF });
    const c = { 'x.boom': channel(z.undefined(), 'public').returns<null>() } as const;
    const router = new Router(core, [feature(c, { 'x.boom': async () => { throw new Error('SELECT secret FROM persons'); } })]);
    const r = await router.invoke('x.boom', undefined);
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    if (!r.ok) {
      expect(r.error.message).not.toContain('secret');
      expect(r.error.message).toContain('Inget har sparats');
    }
  });
});
