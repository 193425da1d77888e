import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { call, tempDir, unlockedApp } from '../../support/temp.js';
import { auditEvents, daysAgo, demoteFirstWorker, newCase, refused } from '../../support/casework.js';
import type { SafetyPlan, SafetyPlansOfCase, UnitEmergencyNumbers } from '../../../src-main/features/safety-plans/contract.js';
import type { PrintedDocument } from '../../../src-main/features/print/models.js';
import type { Settings } from '../../../src-main/features/settings/contract.js';

type App = Awaited<ReturnType<typeof unlockedApp>>;

const TEMPLATE_NUMBERS = [
  { label: 'Nödsamtal – polis, ambulans, räddningstjänst', number: '112' },
  { label: 'Polisen, när det inte är akut', number: '114 14' },
  { label: 'Kvinnofridslinjen (dygnet runt, gratis)', number: '020-50 50 50' },
];
const UNIT_NUMBERS = [
  { label: 'Nödsamtal', number: '112' },
  { label: 'Socialjouren Exempelby', number: '08-123 45 67' },
  { label: 'Kvinnojouren Tryggheten', number: '(0771) 22 33 44' },
];

/** A safety plan saved the way a form that starts from nothing would: no numbers section of its own. */
async function planWithoutNumbers(app: App, caseId: string, personId: string): Promise<SafetyPlan> {
  return call<SafetyPlan>(app.router, 'safetyPlans.save', { caseId, personId, madeOn: daysAgo(0), reviewOn: daysAgo(-30), madeWith: 'Fia själv', sections: { warning_signs: { text: 'Han slutar prata.' } } });
}

async function printedText(app: App, id: string): Promise<string> {
  return JSON.stringify(await call<PrintedDocument>(app.router, 'print.preview', { document: { kind: 'safety_plan', id }, variant: 'client' }));
}

describe("the unit's emergency numbers", () => {
  it('are the template’s numbers until the samordnare sets the unit’s own', async () => {
    // Given a new vault
    const app = await unlockedApp();
    // When the numbers are read / Then they are the shipped template's, marked as such
    expect(await call<UnitEmergencyNumbers>(app.router, 'safetyPlans.unitNumbers')).toEqual({ numbers: TEMPLATE_NUMBERS, fromTemplate: true });
    const { caseDetail } = await newCase(app);
    expect((await call<SafetyPlansOfCase>(app.router, 'safetyPlans.list', { caseId: caseDetail.id })).unitNumbers).toEqual(TEMPLATE_NUMBERS);
  });

  it('refuses a bad list with a Swedish message at the very field, and keeps the list as it was', async () => {
    const app = await unlockedApp();
    await call(app.router, 'safetyPlans.setUnitNumbers', { numbers: UNIT_NUMBERS });
    const cases: [unknown, string, RegExp][] = [
      [[{ label: 'Socialjouren', number: '' }], 'numbers.0.number', /^Skriv numret\.$/],
      [[{ label: 'Nödsamtal', number: '112' }, { label: ' ', number: '08-12 34 56' }], 'numbers.1.label', /Skriv vad numret går till/],
      [[{ label: 'Jouren', number: 'ring 112' }], 'numbers.0.number', /2–30 siffror/],
      [[{ label: 'Jouren', number: '1'.repeat(31) }], 'numbers.0.number', /2–30 siffror/],
      [[{ label: 'x'.repeat(101), number: '112' }], 'numbers.0.label', /Högst 100 tecken/],
      [[], 'numbers', /Ange minst ett nummer/],
      [Array.from({ length: 21 }, (_, i) => ({ label: `Nummer ${i}`, number: '112' })), 'numbers', /Högst 20 nummer/],
    ];
    for (const [numbers, path, message] of cases) {
      const err = await refused(app, 'safetyPlans.setUnitNumbers', { numbers });
      expect(err.code, JSON.stringify(numbers)).toBe('validation');
      expect(err.details?.issues).toContainEqual(expect.objectContaining({ path, message: expect.stringMatching(message) }));
    }
    expect(await call<UnitEmergencyNumbers>(app.router, 'safetyPlans.unitNumbers')).toEqual({ numbers: UNIT_NUMBERS, fromTemplate: false });
  });

  it('a new plan starts from the unit’s list; a plan saved before keeps its own numbers, on screen and in print', async () => {
    // Given a plan made while the template's numbers applied
    const app = await unlockedApp();
    const { caseDetail, victim } = await newCase(app);
    const before = await planWithoutNumbers(app, caseDetail.id, victim.id);
    expect(before.sections.emergency_numbers).toEqual({ numbers: TEMPLATE_NUMBERS });
    // When the samordnare sets the unit's list (20 numbers is the most)
    const set = await call<UnitEmergencyNumbers>(app.router, 'safetyPlans.setUnitNumbers', { numbers: UNIT_NUMBERS.map((n) => ({ label: ` ${n.label} `, number: n.number })) });
    expect(set).toEqual({ numbers: UNIT_NUMBERS, fromTemplate: false });
    // Then the case offers the unit's numbers to a new plan, and a plan of another person saved without numbers holds them
    const { caseDetail: other, victim: otherVictim } = await newCase(app, 'Andersdotter');
    expect((await call<SafetyPlansOfCase>(app.router, 'safetyPlans.list', { caseId: other.id })).unitNumbers).toEqual(UNIT_NUMBERS);
    const fresh = await planWithoutNumbers(app, other.id, otherVictim.id);
    expect(fresh.sections.emergency_numbers).toEqual({ numbers: UNIT_NUMBERS });
    expect(await printedText(app, fresh.id)).toContain('08-123 45 67');
    // And the earlier plan is as it was: its stored version and its print hold the template's numbers only
    expect((await call<SafetyPlan>(app.router, 'safetyPlans.get', { id: before.id })).sections.emergency_numbers).toEqual({ numbers: TEMPLATE_NUMBERS });
    const oldPrint = await printedText(app, before.id);
    expect(oldPrint).toContain('020-50 50 50');
    expect(oldPrint).not.toContain('08-123 45 67');
    // And a new version of that plan carries the previous version's numbers, not the unit's list
    const v2 = await planWithoutNumbers(app, caseDetail.id, victim.id);
    expect(v2.version).toBe(2);
    expect(v2.sections.emergency_numbers).toEqual({ numbers: TEMPLATE_NUMBERS });
  });

  it('null goes back to the template’s numbers', async () => {
    const app = await unlockedApp();
    await call(app.router, 'safetyPlans.setUnitNumbers', { numbers: UNIT_NUMBERS });
    expect(await call<UnitEmergencyNumbers>(app.router, 'safetyPlans.setUnitNumbers', { numbers: null })).toEqual({ numbers: TEMPLATE_NUMBERS, fromTemplate: true });
  });

  it('a handläggare reads the list but cannot change it', async () => {
    const app = await unlockedApp();
    await call(app.router, 'safetyPlans.setUnitNumbers', { numbers: UNIT_NUMBERS });
    await demoteFirstWorker(app);
    expect((await call<UnitEmergencyNumbers>(app.router, 'safetyPlans.unitNumbers')).numbers).toEqual(UNIT_NUMBERS);
    expect((await refused(app, 'safetyPlans.setUnitNumbers', { numbers: TEMPLATE_NUMBERS })).code).toBe('forbidden');
    expect((await call<UnitEmergencyNumbers>(app.router, 'safetyPlans.unitNumbers')).numbers).toEqual(UNIT_NUMBERS);
  });
});

/** Every change the settings screen can make, with a valid input and the setting it touches. */
const CHANGES: { channel: string; input: unknown; action: string; keys: string }[] = [
  { channel: 'settings.update', input: { unitName: 'Stödenheten Exempelby' }, action: 'settings.update', keys: 'unitName' },
  { channel: 'settings.update', input: { autoLockMinutes: 5 }, action: 'settings.update', keys: 'autoLockMinutes' },
  { channel: 'settings.update', input: { backupGenerations: 4 }, action: 'settings.update', keys: 'backupGenerations' },
  { channel: 'print.setLogo', input: { logo: 'data:image/png;base64,iVBORw0KGgo=' }, action: 'settings.update', keys: 'print.logo' },
  { channel: 'privacy.updateSettings', input: { retention: { yearsAfterLastEntry: 7, keepEverything: false, birthdayException: true } }, action: 'settings.update', keys: 'privacy.retention' },
  { channel: 'privacy.updateSettings', input: { officeHours: { start: '08:00', end: '16:30', weekdaysOnly: true } }, action: 'settings.update', keys: 'privacy.officeHours' },
  { channel: 'statistics.updateSettings', input: { suppressionThreshold: 10 }, action: 'statistics.settings', keys: 'suppressionThreshold' },
  { channel: 'safetyPlans.setUnitNumbers', input: { numbers: UNIT_NUMBERS }, action: 'safety_plans.set_numbers', keys: 'safetyPlans.emergencyNumbers' },
];

describe('the settings screen’s changes', () => {
  it('each change is one audit event that names the setting', async () => {
    const app = await unlockedApp();
    for (const c of CHANGES) {
      const before = (await auditEvents(app)).length;
      await call(app.router, c.channel, c.input);
      const events = await auditEvents(app);
      expect(events.length - before, c.channel).toBe(1);
      const last = events.at(-1)!;
      expect(last.action, c.channel).toBe(c.action);
      expect(JSON.parse(last.detail ?? '{}').keys, c.channel).toBe(c.keys);
      expect(last.worker_id).toBe(app.workerId);
    }
  });

  it('each is refused to a handläggare, with nothing changed and nothing logged as a change', async () => {
    const app = await unlockedApp();
    await demoteFirstWorker(app);
    const before = await call<Settings>(app.router, 'settings.get');
    for (const c of CHANGES) expect((await refused(app, c.channel, c.input)).code, c.channel).toBe('forbidden');
    expect(await call<Settings>(app.router, 'settings.get')).toEqual(before);
    const actions = (await auditEvents(app)).map((e) => e.action);
    for (const a of ['settings.update', 'statistics.settings', 'safety_plans.set_numbers']) expect(actions).not.toContain(a);
  });
});

describe('the backup folder', () => {
  it('must be a full path Fristad can write to; a refused folder leaves the setting as it was', async () => {
    const app = await unlockedApp();
    // A relative path, and a "folder" under a file, are refused with the reason at the field
    const relative = await refused(app, 'settings.update', { backupFolder: 'kopior' });
    expect(relative.details?.issues).toEqual([expect.objectContaining({ path: 'backupFolder', message: expect.stringMatching(/^Ange hela sökvägen/) })]);
    const file = join(tempDir(), 'en-fil.txt');
    writeFileSync(file, 'x');
    const underFile = await refused(app, 'settings.update', { backupFolder: join(file, 'kopior'), backupGenerations: 3 });
    expect(underFile.details?.issues).toEqual([expect.objectContaining({ path: 'backupFolder', message: expect.stringMatching(/Det går inte att spara i mappen/) })]);
    expect(await call<Settings>(app.router, 'settings.get')).toMatchObject({ backupFolder: null, backupGenerations: 10 });
    // A new folder on a writable disk is made, and "Ta säkerhetskopia nu" writes there
    const folder = join(tempDir(), 'nätverk', 'fristad');
    expect((await call<Settings>(app.router, 'settings.update', { backupFolder: folder })).backupFolder).toBe(folder);
    const made = await call<{ path: string }>(app.router, 'backups.create');
    expect(made.path.startsWith(folder)).toBe(true);
    expect(existsSync(made.path)).toBe(true);
  });
});
