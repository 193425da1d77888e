import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Core } from '../../../src-main/core.js';
import { createAppRouter } from '../../../src-main/api/app-router.js';
import type { SqliteHandle } from '../../../src-main/db/connection.js';
import { createKysely, migrateToLatest, openSqlite } from '../../../src-main/db/connection.js';
import { isoTimestamp } from '../../../src-main/demo/context.js';
import { generateDemoVault, openPlainDemoDb } from '../../../src-main/demo/generate.js';
import { NOTE_MAX, NOTE_MIN } from '../../../src-main/demo/journal-text.js';
import { canChangeStatus } from '../../../src-main/domain/case-status.js';
import { CLOSING_REASONS } from '../../../src-main/domain/vocabulary.js';
import { personContactSchema } from '../../../src-main/features/persons/contract.js';
import { journalTextSchema, type JournalEntry, type JournalSearchHit } from '../../../src-main/features/journal/contract.js';
import { isTestRangeNumber, TEST_SERIAL_MAX, TEST_SERIAL_MIN } from '../../../src-main/demo/identity.js';
import { isDemoSurname } from '../../../src-main/demo/names.js';
import { parsePersonalNumber } from '../../../src-main/domain/personal-number.js';
import { foldForSearch } from '../../../src-main/domain/search-text.js';
import { CASE_STATUSES, INTAKE_SOURCES, PROTECTION_LEVELS, VIOLENCE_TYPES } from '../../../src-main/domain/vocabulary.js';
import { namePairs, nameTokens } from '../../../src-main/features/persons/queries.js';
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
async function mediumPlain(seed = 7, extra: { fts?: 'rebuild' | 'triggers'; cases?: number } = {}) {
  const cases = extra.cases ?? 1500;
  const { sqlite, fill } = await openPlainDemoDb(':memory:', { size: 'small', profile: { persons: cases * 2, cases, extraWorkers: 6 }, seed, now: NOW, firstWorker: FIRST_WORKER, fts: extra.fts });
  open.push(sqlite);
  return { sqlite, fill };
}

const all = <T>(db: SqliteHandle, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
const one = <T>(db: SqliteHandle, sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;

/** A digest of the whole full-text index: every term, document, column and position, through an fts5vocab table. */
function ftsDigest(db: SqliteHandle): { rows: number; digest: string } {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_instances USING fts5vocab(main, journal_fts, instance)`);
  const h = createHash('sha256');
  let rows = 0;
  for (const r of db.prepare('SELECT term, doc, col, offset FROM temp.fts_instances ORDER BY term, doc, col, offset').iterate() as Iterable<{ term: string; doc: number; col: string; offset: number }>) {
    h.update(`${r.term}\u0000${r.doc}\u0000${r.col}\u0000${r.offset}\n`);
    rows++;
  }
  db.exec('DROP TABLE temp.fts_instances');
  return { rows, digest: h.digest('hex') };
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
    // Names of five bytes or more: a shorter one ("Leo") turns up by chance in megabytes of ciphertext (about one in 16.7 million per offset for three bytes).
    const names = [...new Set(persons.flatMap((p) => [p.first_name, p.last_name]))].filter((n) => Buffer.byteLength(n) >= 5);
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
    const pairs = new Map<string, string[]>();
    for (const r of sqlite.prepare('SELECT pair, person_id FROM person_name_pairs').all() as { pair: string; person_id: string }[]) {
      pairs.set(r.person_id, [...(pairs.get(r.person_id) ?? []), r.pair]);
    }
    for (const p of persons) {
      expect((tokens.get(p.id) ?? []).sort()).toEqual(nameTokens(p.first_name, p.last_name).sort());
      expect((pairs.get(p.id) ?? []).sort()).toEqual(namePairs(nameTokens(p.first_name, p.last_name)).sort());
      expect(isDemoSurname(p.last_name), p.last_name).toBe(true);
    }
    expect(pairs.size).toBeGreaterThan(persons.length * 0.9);
    // and the violence types carry their case's intake date, as the cases service writes them
    expect(one<{ n: number }>(sqlite, 'SELECT count(*) AS n FROM case_violence_types v JOIN cases c ON c.id = v.case_id WHERE v.intake_date <> c.intake_date').n).toBe(0);
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

describe('demo casework', () => {
  it('the small vault has status history, assignments, a searchable journal, decisions and services, all through the router', async () => {
    const dir = tempDir();
    const demo = await generateDemoVault({ dir, size: 'small', kdf: TEST_KDF, now: NOW });
    expect(demo.rowCounts.journal_entries).toBe(25 * 8);
    const core = new Core({ vaultDir: dir, kdf: TEST_KDF });
    const router = createAppRouter(core);
    await call(router, 'vault.unlock', { workerId: demo.workerId, passphrase: demo.passphrase });

    const page = await call<CaseListPage>(router, 'cases.list', {});
    for (const item of page.items) {
      const c = await call<CaseDetail>(router, 'cases.get', { id: item.id });
      // The history starts with the intake at the intake date and ends in the case's status.
      expect(c.statusHistory[0]).toMatchObject({ from: null, to: 'intake', date: c.intakeDate });
      expect(c.statusHistory.at(-1)!.to).toBe(c.status);
      expect(c.assignments.length).toBeGreaterThanOrEqual(1);
      expect(c.assignments.at(-1)!.workerName).toBe(c.assignedWorkerName);
      if (c.status === 'closed') {
        expect(c.closedAt).toBe(c.statusHistory.at(-1)!.date);
        expect(CLOSING_REASONS).toContain(c.closingReason);
      } else expect(c.closingReason).toBeNull();
      const journal = await call<JournalEntry[]>(router, 'journal.list', { caseId: c.id });
      expect(journal.length).toBeGreaterThanOrEqual(1);
      expect(journal[0]!.entryDate).toBe(c.intakeDate);
    }
    const cases = await Promise.all(page.items.map((i) => call<CaseDetail>(router, 'cases.get', { id: i.id })));
    expect(cases.some((c) => c.statusHistory.length > 2)).toBe(true);

    // A word pair from a generated note finds that note through journal.search, with the match marked in the snippet.
    const s = core.requireSession();
    const note = s.vault.sqlite.prepare(`SELECT id, text FROM journal_entries WHERE status = 'signed' ORDER BY seq DESC LIMIT 1`).get() as { id: string; text: string };
    const words = [...new Set(note.text.match(/\p{L}{7,}/gu) ?? [])].slice(0, 2);
    expect(words.length).toBe(2);
    const result = await call<{ hits: JournalSearchHit[] } | JournalSearchHit[]>(router, 'journal.search', { query: words.join(' '), limit: 100 });
    const hits = Array.isArray(result) ? result : result.hits;
    const hit = hits.find((h) => h.entryId === note.id);
    expect(hit).toBeDefined();
    expect(hit!.snippet.some((p) => p.match)).toBe(true);
    // Folded and cut short, as a worker types: still found.
    const folded = foldForSearch(words[0]!).slice(0, 5);
    const prefixHits = await call<{ hits: JournalSearchHit[] } | JournalSearchHit[]>(router, 'journal.search', { query: folded, limit: 100 });
    expect((Array.isArray(prefixHits) ? prefixHits : prefixHits.hits).length).toBeGreaterThan(0);

    const withDecision = s.vault.sqlite.prepare('SELECT case_id FROM decisions LIMIT 1').get() as { case_id: string } | undefined;
    expect(withDecision).toBeDefined();
    const decisions = await call<{ legalGround: string; outcome: string }[]>(router, 'decisions.list', { caseId: withDecision!.case_id });
    expect(decisions.length).toBeGreaterThan(0);
    for (const d of decisions) expect(d.legalGround).toMatch(/(kap\. \d+ § SoL|förvaltningslagen)/);
    const services = await call<unknown[]>(router, 'services.list', { caseId: withDecision!.case_id });
    expect(services.length).toBeGreaterThan(0);
    await core.lock('user');
  });

  it('walks every case along the status path the service allows, dates in order, ending where the case row is', async () => {
    const { sqlite } = await mediumPlain();
    const cases = all<{ id: string; status: string; intake_date: string; closed_at: string | null; closing_reason: string | null; created_at: string; created_by: string; updated_at: string; assigned_worker_id: string }>(
      sqlite,
      'SELECT id, status, intake_date, closed_at, closing_reason, created_at, created_by, updated_at, assigned_worker_id FROM cases',
    );
    const events = new Map<string, { from_status: string | null; to_status: string; event_date: string; worker_id: string; at: string }[]>();
    for (const e of all<{ case_id: string; from_status: string | null; to_status: string; event_date: string; worker_id: string; at: string }>(sqlite, 'SELECT * FROM case_status_events ORDER BY id')) {
      events.set(e.case_id, [...(events.get(e.case_id) ?? []), e]);
    }
    const assignments = new Map<string, { worker_id: string; assigned_by: string; at: string }[]>();
    for (const a of all<{ case_id: string; worker_id: string; assigned_by: string; at: string }>(sqlite, 'SELECT * FROM case_assignments ORDER BY id')) {
      assignments.set(a.case_id, [...(assignments.get(a.case_id) ?? []), a]);
    }
    const today = NOW.toISOString().slice(0, 10);
    const reasons = new Map<string, number>();
    for (const c of cases) {
      const ev = events.get(c.id)!;
      expect(ev[0]).toMatchObject({ from_status: null, to_status: 'intake', event_date: c.intake_date, worker_id: c.created_by, at: c.created_at });
      for (let i = 1; i < ev.length; i++) {
        expect(ev[i]!.from_status).toBe(ev[i - 1]!.to_status);
        expect(canChangeStatus(ev[i - 1]!.to_status as never, ev[i]!.to_status as never)).toBe(true);
        expect(ev[i]!.event_date >= ev[i - 1]!.event_date).toBe(true);
        expect(ev[i]!.at > ev[i - 1]!.at).toBe(true);
        // Recorded on or after the date it is about, never after "now".
        expect(ev[i]!.at.slice(0, 10) >= ev[i]!.event_date).toBe(true);
      }
      const last = ev.at(-1)!;
      expect(last.to_status).toBe(c.status);
      expect(last.event_date <= today && last.at <= NOW.toISOString()).toBe(true);
      if (c.status === 'closed') {
        expect(c.closed_at).toBe(last.event_date);
        expect(c.closing_reason).not.toBeNull();
        reasons.set(c.closing_reason!, (reasons.get(c.closing_reason!) ?? 0) + 1);
      } else expect(c.closing_reason).toBeNull();

      const as = assignments.get(c.id)!;
      expect(as[0]).toMatchObject({ worker_id: c.created_by, assigned_by: c.created_by, at: c.created_at });
      for (let i = 1; i < as.length; i++) {
        expect(as[i]!.worker_id).not.toBe(as[i - 1]!.worker_id);
        expect(as[i]!.at > as[i - 1]!.at).toBe(true);
        // A closed case is never reassigned.
        if (c.status === 'closed') expect(as[i]!.at < last.at).toBe(true);
      }
      expect(as.at(-1)!.worker_id).toBe(c.assigned_worker_id);
      // Each status change was made by whoever had the case then.
      for (const e of ev.slice(1)) expect(e.worker_id).toBe([...as].reverse().find((a) => a.at <= e.at)!.worker_id);
      expect(c.updated_at).toBe([c.created_at, ...ev.map((e) => e.at), ...as.map((a) => a.at)].sort().at(-1));
    }
    // Goal met is the most common closing reason, and every reason occurs.
    expect([...reasons.entries()].sort((a, b) => b[1] - a[1])[0]![0]).toBe('goal_met');
    expect([...reasons.keys()].sort()).toEqual([...CLOSING_REASONS].sort());
    expect(one<{ n: number }>(sqlite, 'SELECT count(*) - (SELECT count(*) FROM cases) AS n FROM case_assignments').n).toBeGreaterThan(50);
  });

  it('fills the intake facts, the children’s exposure and contact details the way the forms would', async () => {
    const { sqlite } = await mediumPlain();
    const today = NOW.toISOString().slice(0, 10);
    const cases = all<{ intake_date: string; first_contact_date: string | null; children_in_household: number | null; relation: string | null; children: number }>(
      sqlite,
      `SELECT intake_date, first_contact_date, children_in_household, relation, (SELECT count(*) FROM case_persons cp WHERE cp.case_id = c.id AND cp.role = 'child') AS children FROM cases c`,
    );
    let withContact = 0;
    for (const c of cases) {
      if (c.first_contact_date) {
        withContact++;
        expect(c.first_contact_date >= c.intake_date && c.first_contact_date <= today).toBe(true);
        expect((Date.parse(c.first_contact_date) - Date.parse(c.intake_date)) / 86_400_000).toBeLessThanOrEqual(14);
      }
      if (c.children > 0 && c.children_in_household !== null) expect(c.children_in_household).toBeGreaterThanOrEqual(c.children);
    }
    expect(withContact / cases.length).toBeGreaterThan(0.75);
    expect(withContact).toBeLessThan(cases.length);
    const relations = Object.fromEntries(all<{ k: string | null; n: number }>(sqlite, 'SELECT relation AS k, count(*) AS n FROM cases GROUP BY 1').map((r) => [String(r.k), r.n]));
    expect(Object.entries(relations).sort((a, b) => b[1] - a[1])[0]![0]).toBe('partner');
    expect(relations.null).toBeGreaterThan(0);
    // Exposure is recorded for children only, and for most of them.
    expect(one<{ n: number }>(sqlite, `SELECT count(*) AS n FROM case_persons WHERE role <> 'child' AND child_exposure IS NOT NULL`).n).toBe(0);
    const exposure = Object.fromEntries(all<{ k: string | null; n: number }>(sqlite, `SELECT child_exposure AS k, count(*) AS n FROM case_persons WHERE role = 'child' GROUP BY 1`).map((r) => [String(r.k), r.n]));
    for (const k of ['witnessed', 'subjected', 'both']) expect(exposure[k]).toBeGreaterThan(0);
    expect(exposure.null ?? 0).toBeLessThan(exposure.witnessed!);

    // Contact details pass the persons form's own validation; every protected address is stored (the app withholds it).
    const persons = all<{ protection_level: string; street_address: string | null; postal_code: string | null; city: string | null; phone: string | null; email: string | null; language: string | null; interpreter_needed: number }>(
      sqlite,
      'SELECT protection_level, street_address, postal_code, city, phone, email, language, interpreter_needed FROM persons',
    );
    for (const p of persons) {
      const contact = { streetAddress: p.street_address, postalCode: p.postal_code, city: p.city, phone: p.phone, email: p.email, language: p.language, interpreterNeeded: p.interpreter_needed === 1 };
      expect(personContactSchema.strict().parse(contact)).toEqual(contact);
      if (p.protection_level === 'skyddad_folkbokforing' || p.protection_level === 'fingerade') expect(p.street_address && p.postal_code && p.city).toBeTruthy();
      if (p.email) expect(p.email).toMatch(/@example\.(com|org|net)$/);
    }
    expect(persons.filter((p) => p.protection_level === 'skyddad_folkbokforing').length).toBeGreaterThan(0);
    expect(persons.filter((p) => p.interpreter_needed === 1).length).toBeGreaterThan(50);
    expect(new Set(persons.map((p) => p.language).filter((l) => l !== null)).size).toBeGreaterThan(8);
  });

  it('writes decisions and services that the services feature would accept', async () => {
    const { sqlite } = await mediumPlain();
    const codes = all<{ code: string }>(sqlite, 'SELECT code FROM service_types').map((r) => r.code);
    const outcomes = Object.fromEntries(all<{ k: string; n: number }>(sqlite, 'SELECT outcome AS k, count(*) AS n FROM decisions GROUP BY 1').map((r) => [r.k, r.n]));
    expect(outcomes.granted).toBeGreaterThan(outcomes.refused! * 4);
    expect(outcomes.partly_granted).toBeGreaterThan(0);
    expect(new Set(all<{ t: string }>(sqlite, 'SELECT DISTINCT service_type AS t FROM services').map((r) => r.t))).toEqual(new Set(codes));
    // The person is in the case; a service resting on a decision matches it and the decision is not a refusal.
    expect(one(sqlite, `SELECT count(*) AS n FROM decisions d WHERE NOT EXISTS (SELECT 1 FROM case_persons cp WHERE cp.case_id = d.case_id AND cp.person_id = d.person_id)`)).toEqual({ n: 0 });
    expect(one(sqlite, `SELECT count(*) AS n FROM services s WHERE NOT EXISTS (SELECT 1 FROM case_persons cp WHERE cp.case_id = s.case_id AND cp.person_id = s.person_id)`)).toEqual({ n: 0 });
    expect(
      one(sqlite, `SELECT count(*) AS n FROM services s JOIN decisions d ON d.id = s.decision_id WHERE d.case_id <> s.case_id OR d.person_id <> s.person_id OR d.service_type <> s.service_type OR d.outcome = 'refused' OR s.start_date < d.decision_date`),
    ).toEqual({ n: 0 });
    // Dates inside the life of the case, and never in the future.
    const today = NOW.toISOString().slice(0, 10);
    expect(one(sqlite, `SELECT count(*) AS n FROM decisions d JOIN cases c ON c.id = d.case_id WHERE d.decision_date < c.intake_date OR d.decision_date > ? OR (c.closed_at IS NOT NULL AND d.decision_date > c.closed_at)`, today)).toEqual({ n: 0 });
    expect(
      one(sqlite, `SELECT count(*) AS n FROM services s JOIN cases c ON c.id = s.case_id WHERE s.start_date < c.intake_date OR s.end_date < s.start_date OR s.end_date > ? OR (c.closed_at IS NOT NULL AND s.end_date > c.closed_at)`, today),
    ).toEqual({ n: 0 });
    const grounds = all<{ g: string }>(sqlite, 'SELECT DISTINCT legal_ground AS g FROM decisions').map((r) => r.g);
    expect(grounds).toContain('4 kap. 1 § SoL');
    expect(one<{ n: number }>(sqlite, 'SELECT count(DISTINCT case_id) AS n FROM decisions').n).toBeGreaterThan(500);
  });

  it('writes a journal as the journal feature does: signed entries with signer and time, recent drafts, corrections of earlier signed entries', async () => {
    const { sqlite } = await mediumPlain();
    const count = (sql: string, ...p: unknown[]) => one<{ n: number }>(sqlite, sql, ...p).n;
    expect(count('SELECT count(*) AS n FROM journal_entries')).toBe(1500 * 8);
    expect(count(`SELECT count(*) AS n FROM journal_entries WHERE (status = 'signed') <> (signed_at IS NOT NULL AND signed_by IS NOT NULL)`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM journal_entries WHERE status = 'signed' AND (signed_at < created_at OR updated_at <> signed_at)`)).toBe(0);
    const drafts = count(`SELECT count(*) AS n FROM journal_entries WHERE status = 'draft'`);
    expect(drafts).toBeGreaterThan(10);
    expect(drafts).toBeLessThan(1500 * 8 * 0.05);
    // A correction refers to an earlier signed entry of the same case, written after that was signed.
    const corrections = count('SELECT count(*) AS n FROM journal_entries WHERE corrects_entry_id IS NOT NULL');
    expect(corrections).toBeGreaterThan(50);
    expect(count(`SELECT count(*) AS n FROM journal_entries j JOIN journal_entries t ON t.id = j.corrects_entry_id WHERE t.case_id <> j.case_id OR t.status <> 'signed' OR j.created_at <= t.signed_at OR j.entry_date < t.entry_date`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM journal_entries WHERE corrects_entry_id IS NOT NULL AND text NOT LIKE 'Rättelse%'`)).toBe(0);
    // Every case has notes; ordinary notes lie inside the life of the case; rows were written in time order.
    expect(count('SELECT count(*) AS n FROM cases c WHERE NOT EXISTS (SELECT 1 FROM journal_entries j WHERE j.case_id = c.id AND j.entry_date = c.intake_date)')).toBe(0);
    const today = NOW.toISOString().slice(0, 10);
    expect(
      count(
        `SELECT count(*) AS n FROM journal_entries j JOIN cases c ON c.id = j.case_id WHERE j.entry_date < c.intake_date OR j.entry_date > ? OR j.created_at < c.created_at OR j.updated_at > ? OR (j.corrects_entry_id IS NULL AND c.closed_at IS NOT NULL AND j.entry_date > c.closed_at)`,
        today,
        NOW.toISOString(),
      ),
    ).toBe(0);
    expect(count('SELECT count(*) AS n FROM journal_entries a JOIN journal_entries b ON b.seq = a.seq + 1 WHERE b.created_at < a.created_at')).toBe(0);
    // The author had the case, or was a colleague; only a samordnare signs someone else's note.
    expect(count(`SELECT count(*) AS n FROM journal_entries j JOIN workers w ON w.id = j.signed_by WHERE j.signed_by <> j.author_id AND w.role <> 'samordnare'`)).toBe(0);

    // The texts: what the journal form accepts, 100–1,500 characters, no template left unfilled, and varied.
    const texts = all<{ text: string }>(sqlite, 'SELECT text FROM journal_entries').map((r) => r.text);
    const words = new Map<string, number>();
    for (const t of texts) {
      expect(journalTextSchema.parse(t)).toBe(t);
      expect(t.length).toBeGreaterThanOrEqual(NOTE_MIN);
      expect(t.length).toBeLessThanOrEqual(NOTE_MAX);
      expect(t).not.toMatch(/[{}[\]]|  |\bundefined\b|\bnull\b/);
      for (const w of t.toLowerCase().match(/\p{L}+/gu) ?? []) words.set(w, (words.get(w) ?? 0) + 1);
    }
    expect(new Set(texts).size).toBeGreaterThan(texts.length * 0.99);
    const mean = texts.reduce((a, t) => a + t.length, 0) / texts.length;
    expect(mean).toBeGreaterThan(250);
    expect(mean).toBeLessThan(700);
    // A realistic spread of words: a few very common ones, a long tail.
    const freq = [...words.values()].sort((a, b) => b - a);
    expect(words.size).toBeGreaterThan(1500);
    expect(freq[0]! / freq[100]!).toBeGreaterThan(10);
    expect(freq.filter((f) => f <= 3).length).toBeGreaterThan(80);
    for (const w of ['telefonsamtal', 'polisen', 'skolan', 'tolk', 'barnen', 'kontaktförbud', 'skyddat', 'hyresvärden', 'säkerhetsplanen']) expect(words.has(w), w).toBe(true);
  });

  it('gives exactly the index the triggers would: bulk rebuild and row-by-row triggers agree, and the schema is as migrated afterwards', async () => {
    const viaRebuild = await mediumPlain(11, { cases: 300, fts: 'rebuild' });
    const viaTriggers = await mediumPlain(11, { cases: 300, fts: 'triggers' });
    for (const { sqlite } of [viaRebuild, viaTriggers]) {
      sqlite.exec(`INSERT INTO journal_fts (journal_fts) VALUES ('integrity-check')`);
      // With rank 1 FTS5 also compares the index with the external content table.
      sqlite.exec(`INSERT INTO journal_fts (journal_fts, rank) VALUES ('integrity-check', 1)`);
    }
    const a = ftsDigest(viaRebuild.sqlite);
    expect(a.rows).toBeGreaterThan(100_000);
    expect(ftsDigest(viaTriggers.sqlite)).toEqual(a);
    expect(all(viaRebuild.sqlite, 'SELECT seq, id, text FROM journal_entries ORDER BY seq')).toEqual(all(viaTriggers.sqlite, 'SELECT seq, id, text FROM journal_entries ORDER BY seq'));

    // Indexes and triggers set aside during the load are back, with the migration's own SQL; foreign keys are on and hold.
    const fresh = openSqlite(':memory:', null, { plaintext: true, create: true });
    open.push(fresh);
    await migrateToLatest(fresh, createKysely(fresh));
    const schema = (db: SqliteHandle) => all<{ type: string; name: string; sql: string | null }>(db, `SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name`);
    expect(schema(viaRebuild.sqlite)).toEqual(schema(fresh));
    expect(viaRebuild.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(viaRebuild.sqlite.pragma('foreign_key_check')).toEqual([]);
    // A new entry after the load goes through the restored trigger into the index.
    const c = one<{ id: string }>(viaRebuild.sqlite, 'SELECT id FROM cases LIMIT 1');
    viaRebuild.sqlite.prepare(`INSERT INTO journal_entries (id, case_id, entry_date, author_id, text, status, created_at, updated_at) VALUES ('x', ?, '2026-06-01', ?, 'Zyxwvutsord i en ny anteckning', 'draft', 'x', 'x')`).run(c.id, FIRST_WORKER.id);
    expect(all(viaRebuild.sqlite, `SELECT rowid FROM journal_fts WHERE journal_fts MATCH 'zyxwvutsord'`)).toHaveLength(1);
  });

  it('logs every write in time order, as the services append their events', async () => {
    const { sqlite } = await mediumPlain();
    const count = (sql: string) => one<{ n: number }>(sqlite, sql).n;
    expect(count('SELECT count(*) AS n FROM audit_events a JOIN audit_events b ON b.id = a.id + 1 WHERE b.at < a.at')).toBe(0);
    const actions = Object.fromEntries(all<{ k: string; n: number }>(sqlite, 'SELECT action AS k, count(*) AS n FROM audit_events GROUP BY 1').map((r) => [r.k, r.n]));
    expect(actions['cases.set_status']).toBe(count('SELECT count(*) AS n FROM case_status_events WHERE from_status IS NOT NULL'));
    expect(actions['cases.reassign']).toBe(count('SELECT count(*) - (SELECT count(*) FROM cases) AS n FROM case_assignments'));
    expect(actions['decisions.create']).toBe(count('SELECT count(*) AS n FROM decisions'));
    expect(actions['services.create']).toBe(count('SELECT count(*) AS n FROM services'));
    expect(count(`SELECT count(*) AS n FROM audit_events WHERE detail LIKE '%Påhitt%' OR detail LIKE '%Exempel%'`)).toBe(0);
  });

  it('is deterministic for the casework too', async () => {
    const rows = (db: SqliteHandle) =>
      [
        'SELECT id, case_id, entry_date, author_id, status, signed_at, corrects_entry_id, created_at, text FROM journal_entries ORDER BY seq',
        'SELECT case_id, from_status, to_status, event_date, worker_id, at FROM case_status_events ORDER BY id',
        'SELECT * FROM decisions ORDER BY id',
        'SELECT * FROM services ORDER BY id',
        'SELECT id, street_address, phone, email, language, interpreter_needed FROM persons ORDER BY id',
      ].map((sql) => createHash('sha256').update(JSON.stringify(db.prepare(sql).all())).digest('hex'));
    const a = await mediumPlain(5, { cases: 400 });
    const b = await mediumPlain(5, { cases: 400 });
    expect(rows(a.sqlite)).toEqual(rows(b.sqlite));
  });

  it('writes large journals’ texts in a worker thread, the same texts as in one thread', () => {
    const script = join(dirname(fileURLToPath(import.meta.url)), 'compose-worker-check.ts');
    const r = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 60_000 });
    const line = r.stdout.split('\n').find((l) => l.startsWith('RESULT '));
    expect(line, r.stderr).toBeDefined();
    expect(JSON.parse(line!.slice(7))).toEqual({ mode: 'worker', same: true, n: 3000 });
  });

  it('formats timestamps as Date#toISOString does', () => {
    for (const ms of [0, 1, 999, 86_399_999, Date.UTC(2024, 1, 29, 23, 59, 59, 7), Date.UTC(2026, 5, 15, 10, 0, 0, 0), 1_780_000_000_123]) {
      expect(isoTimestamp(ms)).toBe(new Date(ms).toISOString());
    }
  });
});
