import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../../src-main/core.js';
import { createAppRouter } from '../../../src-main/api/app-router.js';
import type { SqliteHandle } from '../../../src-main/db/connection.js';
import { generateDemoVault, openPlainDemoDb } from '../../../src-main/demo/generate.js';
import { isTestRangeNumber, TEST_SERIAL_MAX, TEST_SERIAL_MIN } from '../../../src-main/demo/identity.js';
import { isDemoSurname } from '../../../src-main/demo/names.js';
import { parsePersonalNumber } from '../../../src-main/domain/personal-number.js';
import { foldForSearch } from '../../../src-main/domain/search-text.js';
import { CASE_STATUSES, INTAKE_SOURCES, PROTECTION_LEVELS, VIOLENCE_TYPES } from '../../../src-main/domain/vocabulary.js';
import { nameTokens } from '../../../src-main/features/persons/queries.js';
import type { PersonSummary } from '../../../src-main/features/persons/contract.js';
import type { CaseDetail, CaseListPage } from '../../../src-main/features/cases/contract.js';
import { DB_FILE } from '../../../src-main/vault/vault.js';
import { call, tempDir, TEST_KDF } from '../../support/temp.js';

const NOW = new Date('2026-06-15T10:00:00Z');
const FIRST_WORKER = { id: '0a0a0a0a-0a0a-4a0a-8a0a-0a0a0a0a0a0a', name: 'Vera Exempeldotter' };

const open: SqliteHandle[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

/** A plain in-memory copy, bigger than 'small' so that the mixes show. */
async function mediumPlain(seed = 7) {
  const { sqlite, fill } = await openPlainDemoDb(':memory:', { size: 'small', profile: { persons: 3000, cases: 1500, extraWorkers: 6 }, seed, now: NOW, firstWorker: FIRST_WORKER });
  open.push(sqlite);
  return { sqlite, fill };
}

describe('demo vault', () => {
  it('unlocks through Core with the passphrase it reports, and the router serves the generated people and cases', async () => {
    const dir = tempDir();
    const demo = await generateDemoVault({ dir, size: 'small', kdf: TEST_KDF });
    expect(demo.rowCounts).toMatchObject({ persons: 60, cases: 25 });
    expect(demo.recoveryKey).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);

    const core = new Core({ vaultDir: dir, kdf: TEST_KDF });
    const router = createAppRouter(core);
    expect(core.status()).toMatchObject({ state: 'locked', workers: [{ workerId: demo.workerId, name: demo.workerName }] });
    await call(router, 'vault.unlock', { workerId: demo.workerId, passphrase: demo.passphrase });

    const page = await call<CaseListPage>(router, 'cases.list', {});
    expect(page.items).toHaveLength(25);
    expect(page.next).toBeNull();
    for (const item of page.items) {
      expect(item.caseNumber).toMatch(/^\d{4}-\d{4}$/);
      expect(item.caseNumber.slice(0, 4)).toBe(item.intakeDate.slice(0, 4));
      expect(isDemoSurname(item.mainPerson.lastName)).toBe(true);
    }
    const detail = await call<CaseDetail>(router, 'cases.get', { id: page.items[0]!.id });
    expect(detail.persons.find((p) => p.role === 'victim')?.personId).toBe(detail.mainPersonId);
    expect(detail.violenceTypes.length).toBeGreaterThan(0);

    // Search finds a generated person by a folded prefix of a name with å, ä or ö in it.
    const victim = page.items.map((i) => i.mainPerson).find((p) => /[åäöÅÄÖ]/.test(p.firstName + p.lastName))!;
    expect(victim).toBeDefined();
    const word = /[åäöÅÄÖ]/.test(victim.lastName) ? victim.lastName : victim.firstName;
    const folded = foldForSearch(word).slice(0, 4);
    const found = await call<PersonSummary[]>(router, 'persons.search', { query: folded, limit: 100 });
    expect(found.map((p) => p.id)).toContain(victim.id);
    expect(found.every((p) => nameTokens(p.firstName, p.lastName).some((t) => t.startsWith(folded)))).toBe(true);
    await core.lock('user');
  });

  it('stores only test-range numbers, each valid and unique, and no readable name in the vault file', async () => {
    const dir = tempDir();
    const demo = await generateDemoVault({ dir, size: 'small', kdf: TEST_KDF, seed: 99 });
    const core = new Core({ vaultDir: dir, kdf: TEST_KDF });
    await core.unlock(demo.workerId, demo.passphrase);
    const s = core.requireSession();
    const persons = await s.db.selectFrom('persons').selectAll().execute();
    expect(persons).toHaveLength(60);
    const numbers = persons.filter((p) => p.personal_number !== null).map((p) => p.personal_number!);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const p of persons) {
      if (p.number_kind === 'personnummer' || p.number_kind === 'samordningsnummer') {
        const parsed = parsePersonalNumber(p.personal_number!, new Date());
        expect(parsed.ok, p.personal_number!).toBe(true);
        if (parsed.ok) {
          expect(parsed.value.canonical).toBe(p.personal_number);
          expect(parsed.value.kind).toBe(p.number_kind);
          expect(p.birth_year).toBe(parsed.value.birthYear);
        }
        const serial = Number(p.personal_number!.slice(9, 12));
        expect(serial).toBeGreaterThanOrEqual(TEST_SERIAL_MIN);
        expect(serial).toBeLessThanOrEqual(TEST_SERIAL_MAX);
      } else if (p.number_kind === 'reservnummer') {
        expect(p.personal_number).toMatch(/^R:\S/);
      } else {
        expect(p.personal_number).toBeNull();
      }
    }
    const names = [...new Set(persons.flatMap((p) => [p.first_name, p.last_name]))];
    await core.lock('user');

    const files = [DB_FILE, `${DB_FILE}-wal`].map((f) => join(dir, f)).filter((f) => existsSync(f));
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(bytes.length).toBeGreaterThan(0);
      for (const name of names) expect(bytes.includes(Buffer.from(name, 'utf8')), `${name} readable in ${file}`).toBe(false);
      expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    }
  });

  it('never writes into a folder that already has a vault', async () => {
    const dir = tempDir();
    await generateDemoVault({ dir, size: 'small', kdf: TEST_KDF });
    await expect(generateDemoVault({ dir, size: 'small', kdf: TEST_KDF })).rejects.toMatchObject({ code: 'vault_exists' });
  });
});

describe('demo data', () => {
  it('has realistic mixes: number kinds, protection levels, statuses, sources, violence types and roles', async () => {
    const { sqlite } = await mediumPlain();
    const count = (sql: string) => Object.fromEntries((sqlite.prepare(sql).all() as { k: string; n: number }[]).map((r) => [r.k, r.n]));
    expect((sqlite.prepare('SELECT count(*) AS n FROM persons').get() as { n: number }).n).toBe(3000);
    expect((sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n).toBe(1500);

    const kinds = count('SELECT number_kind AS k, count(*) AS n FROM persons GROUP BY 1');
    expect(kinds.personnummer).toBeGreaterThan(2400);
    for (const k of ['samordningsnummer', 'reservnummer', 'none']) expect(kinds[k]).toBeGreaterThan(20);

    const protection = count('SELECT protection_level AS k, count(*) AS n FROM persons GROUP BY 1');
    expect(protection.none).toBeGreaterThan(2700);
    for (const level of PROTECTION_LEVELS) expect(protection[level], level).toBeGreaterThan(0);

    expect(Object.keys(count('SELECT status AS k, count(*) AS n FROM cases GROUP BY 1')).sort()).toEqual([...CASE_STATUSES].sort());
    expect(Object.keys(count('SELECT intake_source AS k, count(*) AS n FROM cases GROUP BY 1')).sort()).toEqual([...INTAKE_SOURCES].sort());
    expect(Object.keys(count('SELECT violence_type AS k, count(*) AS n FROM case_violence_types GROUP BY 1')).sort()).toEqual([...VIOLENCE_TYPES].sort());
    expect(Object.keys(count('SELECT role AS k, count(*) AS n FROM case_persons GROUP BY 1')).sort()).toEqual(['child', 'other', 'perpetrator', 'victim']);

    // Every case has its main person as victim and at least one violence type.
    expect(sqlite.prepare(`SELECT count(*) AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_persons cp WHERE cp.case_id = c.id AND cp.person_id = c.main_person_id AND cp.role = 'victim')`).get()).toEqual({ n: 0 });
    expect(sqlite.prepare(`SELECT count(*) AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM case_violence_types t WHERE t.case_id = c.id)`).get()).toEqual({ n: 0 });
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('numbers cases per intake year, spreads intake over the past years, and closes only what came in', async () => {
    const { sqlite } = await mediumPlain();
    const cases = sqlite.prepare('SELECT case_number, intake_date, status, closed_at, created_at, updated_at FROM cases ORDER BY intake_date, case_number').all() as {
      case_number: string;
      intake_date: string;
      status: string;
      closed_at: string | null;
      created_at: string;
      updated_at: string;
    }[];
    const today = NOW.toISOString().slice(0, 10);
    const perYear = new Map<string, number[]>();
    for (const c of cases) {
      expect(c.case_number.slice(0, 4)).toBe(c.intake_date.slice(0, 4));
      expect(c.intake_date <= today).toBe(true);
      expect(c.created_at.slice(0, 10) >= c.intake_date).toBe(true);
      expect(c.created_at <= NOW.toISOString()).toBe(true);
      expect(c.updated_at >= c.created_at && c.updated_at <= NOW.toISOString()).toBe(true);
      if (c.status === 'closed') {
        expect(c.closed_at! >= c.intake_date && c.closed_at! <= today).toBe(true);
      } else expect(c.closed_at).toBeNull();
      const year = c.case_number.slice(0, 4);
      perYear.set(year, [...(perYear.get(year) ?? []), Number(c.case_number.slice(5))]);
    }
    // Numbers run 1, 2, 3 … within each year, in intake order.
    for (const nums of perYear.values()) expect(nums).toEqual(nums.map((_, i) => i + 1));
    expect(perYear.size).toBeGreaterThanOrEqual(5);
    expect(cases[0]!.intake_date < `${NOW.getUTCFullYear() - 4}-12-31`).toBe(true);
  });

  it('writes the same search tokens the persons service writes, and only fictional surnames', async () => {
    const { sqlite } = await mediumPlain();
    const persons = sqlite.prepare('SELECT id, first_name, last_name FROM persons').all() as { id: string; first_name: string; last_name: string }[];
    const tokens = new Map<string, string[]>();
    for (const r of sqlite.prepare('SELECT token, person_id FROM person_search').all() as { token: string; person_id: string }[]) {
      tokens.set(r.person_id, [...(tokens.get(r.person_id) ?? []), r.token]);
    }
    for (const p of persons) {
      expect((tokens.get(p.id) ?? []).sort()).toEqual(nameTokens(p.first_name, p.last_name).sort());
      expect(isDemoSurname(p.last_name), p.last_name).toBe(true);
    }
    expect(persons.some((p) => /[åäö]/i.test(p.first_name))).toBe(true);
    expect(persons.some((p) => /[åäö]/i.test(p.last_name))).toBe(true);
    const numbers = (sqlite.prepare('SELECT personal_number AS n FROM persons WHERE number_kind IN (?, ?)').all('personnummer', 'samordningsnummer') as { n: string }[]).map((r) => r.n);
    expect(numbers.every(isTestRangeNumber)).toBe(true);
    expect(numbers.some((n) => Number(n.slice(6, 8)) > 60)).toBe(true);
  });

  it('is deterministic: the same seed and date give the same rows, another seed other rows', async () => {
    const rows = (db: SqliteHandle) => db.prepare('SELECT id, first_name, last_name, personal_number, protection_level FROM persons ORDER BY id').all();
    const cases = (db: SqliteHandle) => db.prepare('SELECT id, case_number, main_person_id, intake_date, status FROM cases ORDER BY id').all();
    const a = await mediumPlain(5);
    const b = await mediumPlain(5);
    const c = await mediumPlain(6);
    expect(rows(a.sqlite)).toEqual(rows(b.sqlite));
    expect(cases(a.sqlite)).toEqual(cases(b.sqlite));
    expect(rows(c.sqlite)).not.toEqual(rows(a.sqlite));
  });
});
