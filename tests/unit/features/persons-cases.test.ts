import { describe, expect, it } from 'vitest';
import { call, unlockedApp } from '../../support/temp.js';
import { luhnCheckDigit } from '../../../src-main/domain/personal-number.js';
import type { PersonDetail, PersonSummary } from '../../../src-main/features/persons/contract.js';
import type { CaseDetail, CaseListPage } from '../../../src-main/features/cases/contract.js';

function testNumber(yymmdd: string, serial: string) {
  return `19${yymmdd}-${serial}${luhnCheckDigit(yymmdd + serial)}`;
}

const person = (firstName: string, lastName: string, identity: unknown, protectionLevel = 'none') => ({
  firstName,
  lastName,
  identity,
  gender: 'kvinna',
  protectionLevel,
});

async function auditActions(app: Awaited<ReturnType<typeof unlockedApp>>) {
  const s = app.core.requireSession();
  await s.audit.flush();
  return (await s.db.selectFrom('audit_events').select(['action', 'entity_id']).orderBy('id').execute()).map((r) => r.action);
}

describe('persons', () => {
  it('registers a person with a personnummer typed in any common form, stored canonically', async () => {
    const app = await unlockedApp();
    const p = await call<PersonSummary>(app.router, 'persons.create', person('Åsa', 'Östlund', { kind: 'personnummer', value: `850101980${luhnCheckDigit('850101980')}` }));
    expect(p.personalNumber).toBe(testNumber('850101', '980'));
    expect(p.numberKind).toBe('personnummer');
  });

  it('refuses a bad check digit with a Swedish message on the number field, and writes nothing', async () => {
    const app = await unlockedApp();
    const before = await auditActions(app);
    const r = await app.router.invoke('persons.create', person('Anna', 'Fel', { kind: 'personnummer', value: `19850101-980${(luhnCheckDigit('850101980') + 1) % 10}` }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('validation');
      expect(r.error.details?.issues?.[0]).toMatchObject({ path: 'identity.value', code: 'personal_number_checksum' });
      expect(r.error.details?.issues?.[0]?.message).toMatch(/Kontrollsiffran/);
    }
    expect(await auditActions(app)).toEqual(before);
  });

  it('opens the existing person instead of creating a twin', async () => {
    const app = await unlockedApp();
    const n = testNumber('900315', '981');
    const first = await call<PersonSummary>(app.router, 'persons.create', person('Maja', 'Påhittsson', { kind: 'personnummer', value: n }));
    const r = await app.router.invoke('persons.create', person('Maja', 'Annan', { kind: 'personnummer', value: n.replace(/^19/, '').replace('-', '') }));
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', details: { existingId: first.id } } });
    expect(await call<PersonSummary[]>(app.router, 'persons.search', { query: 'maja' })).toHaveLength(1);
  });

  it('finds people as you type, case- and diacritics-folded, and by number in any format', async () => {
    const app = await unlockedApp();
    const n = testNumber('770707', '982');
    await call(app.router, 'persons.create', person('Åsa', 'Östlund', { kind: 'personnummer', value: n }));
    await call(app.router, 'persons.create', person('Erik', 'Östergren', { kind: 'none', birthYear: 1960 }));
    await call(app.router, 'persons.create', person('Lisa', 'Berg', { kind: 'reservnummer', value: 'RES-42' }));
    const names = async (q: string) => (await call<PersonSummary[]>(app.router, 'persons.search', { query: q })).map((p) => p.lastName);
    expect(await names('ostlund')).toEqual(['Östlund']);
    expect(await names('OST')).toEqual(['Östergren', 'Östlund']);
    expect(await names('asa ost')).toEqual(['Östlund']);
    expect(await names('östlund åsa')).toEqual(['Östlund']);
    expect(await names('nobody')).toEqual([]);
    expect(await names(n)).toEqual(['Östlund']);
    expect(await names(n.slice(2))).toEqual(['Östlund']);
    expect(await names(n.replace('-', ''))).toEqual(['Östlund']);
    expect(await names('770707')).toEqual(['Östlund']);
    expect(await names('')).toEqual([]);
  });

  it('logs opening a person in the same transaction, and searches soon after', async () => {
    const app = await unlockedApp();
    const p = await call<PersonSummary>(app.router, 'persons.create', person('Sara', 'Skyddad', { kind: 'none', birthYear: 1990 }, 'skyddad_folkbokforing'));
    const detail = await call<PersonDetail>(app.router, 'persons.get', { id: p.id });
    expect(detail.protectionLevel).toBe('skyddad_folkbokforing');
    await call(app.router, 'persons.search', { query: 'sara' });
    const actions = await auditActions(app);
    expect(actions).toEqual(expect.arrayContaining(['persons.create', 'persons.read', 'persons.search']));
  });

  it('answers not_found for a person that does not exist', async () => {
    const app = await unlockedApp();
    expect(await app.router.invoke('persons.get', { id: '22222222-2222-4222-8222-222222222222' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('cases', () => {
  it('opens a case for a person, numbered per year, with violence types and the victim role', async () => {
    const app = await unlockedApp();
    const p = await call<PersonSummary>(app.router, 'persons.create', person('Fia', 'Exempelberg', { kind: 'none', birthYear: 1980 }));
    const c1 = await call<CaseDetail>(app.router, 'cases.create', { mainPersonId: p.id, intakeDate: '2026-03-01', intakeSource: 'islandsmodellen', violenceTypes: ['physical', 'psychological', 'physical'] });
    const c2 = await call<CaseDetail>(app.router, 'cases.create', { mainPersonId: p.id, intakeDate: '2026-04-01', intakeSource: 'own_application', violenceTypes: ['economic'] });
    expect(c1.caseNumber).toBe('2026-0001');
    expect(c2.caseNumber).toBe('2026-0002');
    expect(c1.violenceTypes.sort()).toEqual(['physical', 'psychological']);
    expect(c1.persons).toEqual([expect.objectContaining({ personId: p.id, role: 'victim' })]);
    expect(c1.status).toBe('intake');
    expect(c1.assignedWorkerName).toBe('Sara Handläggare');
    const detail = await call<PersonDetail>(app.router, 'persons.get', { id: p.id });
    expect(detail.cases.map((c) => c.caseNumber)).toEqual(['2026-0002', '2026-0001']);
  });

  it('refuses an intake date in the future, a date not in the calendar, and no violence type', async () => {
    const app = await unlockedApp();
    const p = await call<PersonSummary>(app.router, 'persons.create', person('Fia', 'Exempelberg', { kind: 'none', birthYear: 1980 }));
    const base = { mainPersonId: p.id, intakeSource: 'report_police', violenceTypes: ['physical'] };
    expect(await app.router.invoke('cases.create', { ...base, intakeDate: '2999-01-01' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await app.router.invoke('cases.create', { ...base, intakeDate: '2026-02-30' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await app.router.invoke('cases.create', { ...base, intakeDate: '2026-02-03', violenceTypes: [] })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await app.router.invoke('cases.create', { ...base, intakeDate: '2026-02-03', mainPersonId: '22222222-2222-4222-8222-222222222222' })).toMatchObject({ ok: false, error: { code: 'validation', details: { issues: [{ path: 'mainPersonId' }] } } });
    expect((await call<CaseListPage>(app.router, 'cases.list', {})).items).toHaveLength(0);
  });

  it('lists cases newest first in keyset pages that neither skip nor repeat', async () => {
    const app = await unlockedApp();
    const p = await call<PersonSummary>(app.router, 'persons.create', person('Fia', 'Exempelberg', { kind: 'none', birthYear: 1980 }));
    for (let i = 0; i < 23; i++) {
      const day = String((i % 5) + 1).padStart(2, '0');
      await call(app.router, 'cases.create', { mainPersonId: p.id, intakeDate: `2025-0${(i % 9) + 1}-${day}`, intakeSource: 'report_police', violenceTypes: ['physical'] });
    }
    const seen: string[] = [];
    let after: CaseListPage['next'] = null;
    let pages = 0;
    do {
      const page: CaseListPage = await call<CaseListPage>(app.router, 'cases.list', after ? { limit: 5, after } : { limit: 5 });
      seen.push(...page.items.map((c) => c.id));
      const dates = page.items.map((c) => c.intakeDate);
      expect([...dates].sort().reverse()).toEqual(dates);
      after = page.next;
      pages++;
    } while (after);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(23);
    const closed = await call<CaseListPage>(app.router, 'cases.list', { status: 'closed' });
    expect(closed.items).toHaveLength(0);
  });
});

describe('what reaches the disk', () => {
  it('no name or number of a registered person appears in the vault file, its WAL or its key slots', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const app = await unlockedApp();
    const n = `19790909-983${luhnCheckDigit('790909983')}`;
    await call(app.router, 'persons.create', person('Hemlighild', 'Gömdasson', { kind: 'personnummer', value: n }, 'skyddad_folkbokforing'));
    // While unlocked the change may still sit in the WAL: check every file in the folder.
    const files = readdirSync(app.dir).filter((f) => !f.startsWith('backups'));
    expect(files).toEqual(expect.arrayContaining(['fristad.db', 'keyslots.json']));
    for (const f of files) {
      const bytes = readFileSync(join(app.dir, f));
      for (const secret of ['Hemlighild', 'Gömdasson', 'gomdasson', n, n.replace('-', '')]) {
        expect(bytes.includes(Buffer.from(secret)), `${secret} in ${f}`).toBe(false);
      }
    }
    await app.core.lock('user');
    const bytes = readFileSync(join(app.dir, 'fristad.db'));
    expect(bytes.includes(Buffer.from('Gömdasson'))).toBe(false);
  });
});

describe('number search while typing', () => {
  it('finds the person at every step of typing the long form, and the short form', async () => {
    const app = await unlockedApp();
    const serial = '991';
    const full = `19911219-${serial}${luhnCheckDigit('911219' + serial)}`;
    await call(app.router, 'persons.create', person('Tove', 'Testdotter', { kind: 'personnummer', value: full }));
    for (let i = 4; i <= full.length; i++) {
      const typed = full.slice(0, i);
      if (typed.endsWith('-')) continue;
      const hits = await call<PersonSummary[]>(app.router, 'persons.search', { query: typed });
      expect(hits.map((h) => h.lastName), `typed ${typed}`).toEqual(['Testdotter']);
    }
    const short = full.slice(2);
    for (let i = 6; i <= short.length; i++) {
      const typed = short.slice(0, i);
      if (typed.endsWith('-')) continue;
      const hits = await call<PersonSummary[]>(app.router, 'persons.search', { query: typed });
      expect(hits.map((h) => h.lastName), `typed ${typed}`).toEqual(['Testdotter']);
    }
  });
});

describe('case numbers', () => {
  it('keep counting past 9999 in a year', async () => {
    const app = await unlockedApp();
    const p = await call<PersonSummary>(app.router, 'persons.create', person('Fia', 'Exempelberg', { kind: 'none', birthYear: 1980 }));
    const db = app.core.requireSession().db;
    const c = await call<CaseDetail>(app.router, 'cases.create', { mainPersonId: p.id, intakeDate: '2025-01-01', intakeSource: 'report_police', violenceTypes: ['physical'] });
    await db.updateTable('cases').set({ case_number: '2025-9999' }).where('id', '=', c.id).execute();
    const next = await call<CaseDetail>(app.router, 'cases.create', { mainPersonId: p.id, intakeDate: '2025-01-02', intakeSource: 'report_police', violenceTypes: ['physical'] });
    expect(next.caseNumber).toBe('2025-10000');
    const after = await call<CaseDetail>(app.router, 'cases.create', { mainPersonId: p.id, intakeDate: '2025-01-03', intakeSource: 'report_police', violenceTypes: ['physical'] });
    expect(after.caseNumber).toBe('2025-10001');
  });
});

describe('contact details and protected addresses', () => {
  const contact = { streetAddress: 'Gömdagatan 7', postalCode: '12345', city: 'Hemligby', phone: '070-123 45 67', email: 'a@exempel.se', language: 'arabiska', interpreterNeeded: true };

  it('keeps contact details and language, and shows an ordinary address', async () => {
    const app = await unlockedApp();
    const p = await call<PersonSummary>(app.router, 'persons.create', { ...person('Lina', 'Öppen', { kind: 'none', birthYear: 1990 }), contact });
    const d = await call<PersonDetail>(app.router, 'persons.get', { id: p.id });
    expect(d).toMatchObject({ phone: '070-123 45 67', language: 'arabiska', interpreterNeeded: true });
    expect(d.address).toEqual({ kind: 'shown', address: { streetAddress: 'Gömdagatan 7', postalCode: '123 45', city: 'Hemligby' } });
  });

  it('withholds a protected address until it is deliberately shown, and logs that look', async () => {
    const app = await unlockedApp();
    const p = await call<PersonSummary>(app.router, 'persons.create', { ...person('Sara', 'Skyddad', { kind: 'none', birthYear: 1990 }, 'skyddad_folkbokforing'), contact });
    const d = await call<PersonDetail>(app.router, 'persons.get', { id: p.id });
    expect(d.address).toEqual({ kind: 'withheld' });
    expect(JSON.stringify(d)).not.toContain('Gömdagatan');
    expect(await auditActions(app)).not.toContain('persons.reveal_address');
    const shown = await call<{ streetAddress: string }>(app.router, 'persons.revealAddress', { id: p.id });
    expect(shown.streetAddress).toBe('Gömdagatan 7');
    expect(await auditActions(app)).toContain('persons.reveal_address');
  });

  it('refuses a malformed postcode or e-mail in Swedish', async () => {
    const app = await unlockedApp();
    const r = await app.router.invoke('persons.create', { ...person('X', 'Y', { kind: 'none', birthYear: 1990 }), contact: { postalCode: '1234', email: 'inte-en-adress' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.details?.issues?.map((i) => i.path).sort()).toEqual(['contact.email', 'contact.postalCode']);
  });

  it('updates a person, follows the new name in search, and refuses a number that belongs to someone else', async () => {
    const app = await unlockedApp();
    const a = await call<PersonSummary>(app.router, 'persons.create', person('Ada', 'Först', { kind: 'personnummer', value: testNumber('700101', '984') }));
    await call<PersonSummary>(app.router, 'persons.create', person('Bea', 'Annan', { kind: 'personnummer', value: testNumber('700102', '985') }));
    const updated = await call<PersonDetail>(app.router, 'persons.update', { id: a.id, ...person('Ada', 'Bytt', { kind: 'personnummer', value: testNumber('700101', '984') }) });
    expect(updated.lastName).toBe('Bytt');
    expect((await call<PersonSummary[]>(app.router, 'persons.search', { query: 'bytt' })).map((p) => p.id)).toEqual([a.id]);
    expect(await call<PersonSummary[]>(app.router, 'persons.search', { query: 'först' })).toEqual([]);
    const r = await app.router.invoke('persons.update', { id: a.id, ...person('Ada', 'Bytt', { kind: 'personnummer', value: testNumber('700102', '985') }) });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('updating contact details', () => {
  it('keeps an address the form never sent, and clears one sent empty', async () => {
    const app = await unlockedApp();
    const p = await call<PersonSummary>(app.router, 'persons.create', { ...person('Sara', 'Skyddad', { kind: 'none', birthYear: 1990 }, 'skyddad_folkbokforing'), contact: { streetAddress: 'Gömdagatan 7', city: 'Hemligby', phone: '070-1' } });
    await call(app.router, 'persons.update', { id: p.id, ...person('Sara', 'Skyddad', { kind: 'none', birthYear: 1990 }, 'skyddad_folkbokforing'), contact: { phone: '070-2' } });
    expect(await call(app.router, 'persons.revealAddress', { id: p.id })).toMatchObject({ streetAddress: 'Gömdagatan 7', city: 'Hemligby' });
    expect((await call<PersonDetail>(app.router, 'persons.get', { id: p.id })).phone).toBe('070-2');
    await call(app.router, 'persons.update', { id: p.id, ...person('Sara', 'Skyddad', { kind: 'none', birthYear: 1990 }, 'skyddad_folkbokforing'), contact: { streetAddress: '' } });
    expect(await call(app.router, 'persons.revealAddress', { id: p.id })).toMatchObject({ streetAddress: null, city: 'Hemligby' });
  });
});
