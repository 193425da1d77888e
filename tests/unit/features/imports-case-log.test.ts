import type { JournalSearchResult } from '../../../src-main/features/journal/contract.js';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { call, unlockedApp } from '../../support/temp.js';
import { auditEvents, refused, type App } from '../../support/casework.js';
import { base64, personnummer, windows1252 } from '../../support/import-files.js';
import type { CaseLogReport, ImportPreview, TemplateFile } from '../../../src-main/features/imports/contract.js';
import type { CaseListPage } from '../../../src-main/features/cases/contract.js';
import type { PersonSummary } from '../../../src-main/features/persons/contract.js';
import { verifyChain } from '../../../src-main/features/audit/verify.js';
import { monthCountsFor } from '../../../src-main/features/statistics/month-store.js';
import { liveMonthCounts, type MonthCount } from '../../../src-main/features/statistics/queries.js';

const A = personnummer('19850314', 123);
const B = personnummer('19900101', 456);
const C = personnummer('19770707', 789);
const P = personnummer('19800101', 238);

/** A unit's case log as Swedish Excel saves it: semicolons, Windows-1252, both date forms, good and bad rows. */
const LOG = [
  'Ärendenummer;Aktualiseringsdatum;Källa;Våldsform;Personnummer;Förnamn;Efternamn;Födelseår;Kön;Våldsutövare;Relation;Antal barn;Första kontakt;Status;Avslutsdatum;Avslutsorsak;Handläggare;Anteckning',
  `VINR 23/1;2023-05-04;Polisen;fysiskt, psykiskt;${A};Åsa;Östlund;;K;${P} Kalle Karlsson;f.d. sambo;2;5/5/2023;Avslutad;30/11/2023;Målet uppnått;;Kom via polisen, önskade stödsamtal.`, // row 2: good, closed, note
  `VINR 23/2;5/3/2024;;psyk/ek;${B};Märta;Ekström;;kvinna;;sambo;0;;pågående;;;Olle Kollega;`, // row 3: good, fallback source, assigned to Olle
  `VINR 23/3;2024-01-10;Islandsmodellen;sexuellt;;Nora;Utan Nummer;1979;K;;;;;;;;;`, // row 4: good, no number: name and birth year
  `VINR 23/4;2024-01-10;Polisen;fysiskt;19850314-1234;Fel;Nummer;;;;;;;;;;;`, // row 5: bad check digit
  `VINR 23/5;2024-01-10;Brevduva;fysiskt;${C};Okänd;Källa;;;;;;;;;;;`, // row 6: unknown source word
  `VINR 23/6;2024-05-10;Polisen;fysiskt;${C};Omvänd;Ordning;;;;;;;avslutat;2024-05-01;annat;;`, // row 7: closing before intake
  `VINR 23/1;2024-02-02;Polisen;fysiskt;${C};Samma;Nummer;;;;;;;;;;;`, // row 8: case number twice in the file
  `VINR 23/8;2024-01-10;Polisen;fysiskt;${C};Okänd;Handläggare;;;;;;;;;;Nils Saknas;`, // row 9: unknown worker
  `VINR 23/9;2024-01-10;Polisen;slag;${C};Okänd;Våldsform;;;;;;;;;;;`, // row 10: unknown violence word
].join('\r\n');

const MAPPING = {
  caseReference: 0, intakeDate: 1, intakeSource: 2, violenceTypes: 3, personalNumber: 4, firstName: 5, lastName: 6, birthYear: 7, gender: 8, perpetrator: 9,
  relation: 10, childrenInHousehold: 11, firstContactDate: 12, status: 13, closingDate: 14, closingReason: 15, worker: 16, note: 17,
};
const input = (log = LOG) => ({ fileName: 'ärendelogg.csv', base64: base64(windows1252(log)), mapping: MAPPING, defaultSource: 'own_application' });

async function withOlle(app: App, active = 1) {
  await app.core.requireSession().db.insertInto('workers').values({ id: 'olle', name: 'Olle Kollega', role: 'handlaggare', active, created_at: new Date().toISOString() }).execute();
}

describe('import of a case log', () => {
  it('reads a Windows-1252 CSV with semicolons and suggests the case-log mapping from its headers', async () => {
    const app = await unlockedApp();
    const preview = await call<ImportPreview>(app.router, 'imports.preview', { fileName: 'ärendelogg.csv', base64: base64(windows1252(LOG)) });
    expect(preview).toMatchObject({ kind: 'csv', encoding: 'windows-1252', separator: ';', rowCount: 9 });
    expect(preview.suggestedCaseLog).toEqual(MAPPING);
  });

  it('dry-runs with a reason per refused row and writes nothing; the commit makes the cases, persons, drafts and one audit event', async () => {
    const app = await unlockedApp();
    await withOlle(app);
    const db = app.core.requireSession().db;
    const dry = await call<CaseLogReport>(app.router, 'imports.caseLogDryRun', input());
    expect(dry).toMatchObject({ committed: false, rowCount: 9, newCases: 3, newPersons: 4, drafts: 1 });
    expect(dry.accepted.map((a) => [a.rowNumber, a.caseReference, a.intakeDate, a.status, a.workerName, a.newPerson])).toEqual([
      [2, 'VINR 23/1', '2023-05-04', 'closed', 'Sara Handläggare', true],
      [3, 'VINR 23/2', '2024-03-05', 'ongoing', 'Olle Kollega', true],
      [4, 'VINR 23/3', '2024-01-10', 'intake', 'Sara Handläggare', true],
    ]);
    const reasons = Object.fromEntries(dry.refused.map((r) => [r.rowNumber, r.reasons.join(' ')]));
    expect(Object.keys(reasons)).toEqual(['5', '6', '7', '8', '9', '10']);
    expect(reasons[5]).toMatch(/Ogiltigt personnummer ”19850314-1234”: Kontrollsiffran/);
    expect(reasons[6]).toMatch(/Okänd källa ”Brevduva”/);
    expect(reasons[7]).toMatch(/fel ordning: avslutsdatum ligger före aktualiseringsdatum/);
    expect(reasons[8]).toMatch(/Dubblett: ärendenumret ”VINR 23\/1” står redan på rad 2/);
    expect(reasons[9]).toMatch(/Handläggaren ”Nils Saknas” finns inte i Fristad/);
    expect(reasons[10]).toMatch(/Okänd våldsform ”slag”/);
    expect(await db.selectFrom('cases').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('persons').select('id').execute()).toEqual([]);

    const done = await call<CaseLogReport>(app.router, 'imports.caseLogCommit', input());
    expect(done).toMatchObject({ committed: true, newCases: 3, newPersons: 4, drafts: 1 });
    const cases = await db
      .selectFrom('cases as c')
      .innerJoin('persons as p', 'p.id', 'c.main_person_id')
      .select(['c.external_ref', 'c.intake_date', 'c.intake_source', 'c.status', 'c.closed_at', 'c.closing_reason', 'c.relation', 'c.children_in_household', 'c.first_contact_date', 'c.assigned_worker_id', 'p.first_name', 'p.number_kind', 'p.birth_year', 'p.gender'])
      .orderBy('c.external_ref')
      .execute();
    expect(cases).toEqual([
      { external_ref: 'VINR 23/1', intake_date: '2023-05-04', intake_source: 'report_police', status: 'closed', closed_at: '2023-11-30', closing_reason: 'goal_met', relation: 'ex_partner', children_in_household: 2, first_contact_date: '2023-05-05', assigned_worker_id: app.workerId, first_name: 'Åsa', number_kind: 'personnummer', birth_year: 1985, gender: 'kvinna' },
      { external_ref: 'VINR 23/2', intake_date: '2024-03-05', intake_source: 'own_application', status: 'ongoing', closed_at: null, closing_reason: null, relation: 'partner', children_in_household: 0, first_contact_date: null, assigned_worker_id: 'olle', first_name: 'Märta', number_kind: 'personnummer', birth_year: 1990, gender: 'kvinna' },
      { external_ref: 'VINR 23/3', intake_date: '2024-01-10', intake_source: 'islandsmodellen', status: 'intake', closed_at: null, closing_reason: null, relation: null, children_in_household: null, first_contact_date: null, assigned_worker_id: app.workerId, first_name: 'Nora', number_kind: 'none', birth_year: 1979, gender: 'kvinna' },
    ]);
    // each year's case numbers go in order of intake date, not of the file's rows (23/3 came in before 23/2)
    expect(await db.selectFrom('cases').select(['external_ref', 'case_number']).orderBy('case_number').execute()).toEqual([
      { external_ref: 'VINR 23/1', case_number: '2023-0001' },
      { external_ref: 'VINR 23/3', case_number: '2024-0001' },
      { external_ref: 'VINR 23/2', case_number: '2024-0002' },
    ]);
    // violence types, the person who used violence in the case, the status path, and the note kept as a draft
    expect((await db.selectFrom('case_violence_types').select('violence_type').orderBy('violence_type').execute()).map((t) => t.violence_type)).toEqual(['economic', 'physical', 'psychological', 'psychological', 'sexual']);
    const perp = await db.selectFrom('case_persons as cp').innerJoin('persons as p', 'p.id', 'cp.person_id').select(['p.personal_number', 'p.first_name', 'p.gender']).where('cp.role', '=', 'perpetrator').execute();
    expect(perp).toEqual([{ personal_number: P, first_name: 'Kalle', gender: 'okant' }]);
    const closedCase = await db.selectFrom('cases').select('id').where('external_ref', '=', 'VINR 23/1').executeTakeFirstOrThrow();
    expect((await db.selectFrom('case_status_events').select(['from_status', 'to_status', 'event_date']).where('case_id', '=', closedCase.id).orderBy('id').execute())).toEqual([
      { from_status: null, to_status: 'intake', event_date: '2023-05-04' },
      { from_status: 'intake', to_status: 'closed', event_date: '2023-11-30' },
    ]);
    const drafts = await db.selectFrom('journal_entries').select(['case_id', 'status', 'text', 'entry_date', 'author_id']).execute();
    expect(drafts).toEqual([{ case_id: closedCase.id, status: 'draft', text: 'Anteckning från den importerade ärendeloggen:\nKom via polisen, önskade stödsamtal.', entry_date: '2023-05-04', author_id: app.workerId }]);
    // and the case view shows the unit's own case number
    expect((await call<{ externalRef: string | null }>(app.router, 'cases.get', { id: closedCase.id })).externalRef).toBe('VINR 23/1');
    // and the journal search finds the note by a word in it, its words in the search's word list
    expect((await call<JournalSearchResult>(app.router, 'journal.search', { query: 'stödsamtal' })).hits.map((h) => h.caseId)).toEqual([closedCase.id]);
    expect(await db.selectFrom('journal_terms').select('term').where('term', '=', 'stodsamtal').execute()).toEqual([{ term: 'stodsamtal' }]);
    // the imported case is in the case list, the person is found by number and by name
    const list = await call<CaseListPage>(app.router, 'cases.list', {});
    expect(list.items.map((c) => c.mainPerson.lastName).sort()).toEqual(['Ekström', 'Utan Nummer', 'Östlund']);
    expect((await call<PersonSummary[]>(app.router, 'persons.search', { query: A.replace('-', '') })).map((p) => p.lastName)).toEqual(['Östlund']);
    expect(await call<PersonSummary[]>(app.router, 'persons.search', { query: 'nora utan' })).toHaveLength(1);
    // one audit event with counts only, a link of the chain like any other
    const events = await auditEvents(app);
    const commits = events.filter((e) => e.action === 'imports.commit');
    expect(commits.map((e) => JSON.parse(e.detail!))).toEqual([{ kind: 'case_log', rows: 9, accepted: 3, refused: 6, persons: 4, cases: 3, placements: 0, drafts: 1 }]);
    expect(events.filter((e) => e.action === 'cases.create' || e.action === 'persons.create')).toEqual([]);
    expect(JSON.stringify(events)).not.toMatch(/Åsa|Östlund|19850314|VINR|ärendelogg/);
    expect((await verifyChain(db)).firstBroken).toBeNull();
  });

  it('strikes off the kept statistics of exactly the months its cases count in, so the next read counts them, members and violence types included', async () => {
    const app = await unlockedApp();
    await withOlle(app);
    const db = app.core.requireSession().db;
    const period = { from: '2023-01', to: '2024-12' };
    const kept = async () => (await db.selectFrom('statistics_counted').select('month').where('month', '>=', period.from).where('month', '<=', period.to).orderBy('month').execute()).map((r) => r.month);
    // every month of the two years counted and kept before the import
    await db.transaction().execute((trx) => monthCountsFor(trx, period));
    expect(await kept()).toHaveLength(24);

    await call<CaseLogReport>(app.router, 'imports.caseLogCommit', input());

    // the intake months of the three cases (2023-05, 2024-01, 2024-03) and the closing month (2023-11) are struck off, no other
    const after = await kept();
    expect(after).toHaveLength(20);
    expect(['2023-05', '2023-11', '2024-01', '2024-03'].filter((m) => after.includes(m))).toEqual([]);
    expect(await db.selectFrom('statistics_held').selectAll().execute()).toEqual([]);
    // and the next read of the kept counts is a full recount: new cases by source, violence type and gender, closed cases
    const read = await db.transaction().execute((trx) => monthCountsFor(trx, period));
    const inOrder = (rows: MonthCount[]) => [...rows].sort((a, b) => `${a.month}|${a.measure}|${a.dimension}|${a.value}`.localeCompare(`${b.month}|${b.measure}|${b.dimension}|${b.value}`));
    expect(inOrder(read)).toEqual(inOrder(await liveMonthCounts(db, period)));
    expect(read.filter((r) => r.month === '2024-01' && r.count > 0).map((r) => `${r.measure}/${r.dimension}/${r.value}`)).toEqual(expect.arrayContaining([expect.stringMatching(/sexual/)]));
  });

  it('imports the same file twice without twins, and never twins a case or a person already registered by hand', async () => {
    const app = await unlockedApp();
    await withOlle(app);
    const db = app.core.requireSession().db;
    // Märta is already in Fristad with this case, registered by hand: same person, same intake date
    const marta = await call<PersonSummary>(app.router, 'persons.create', { firstName: 'Märta', lastName: 'Ekström', identity: { kind: 'personnummer', value: B }, gender: 'kvinna', protectionLevel: 'skyddad_folkbokforing' });
    await call(app.router, 'cases.create', { mainPersonId: marta.id, intakeDate: '2024-03-05', intakeSource: 'report_police', violenceTypes: ['psychological'] });
    const first = await call<CaseLogReport>(app.router, 'imports.caseLogCommit', input());
    expect(first.accepted.map((a) => a.rowNumber)).toEqual([2, 4]);
    expect(first.refused.find((r) => r.rowNumber === 3)?.reasons[0]).toMatch(/Finns redan: personen har ett ärende aktualiserat 2024-03-05/);

    const again = await call<CaseLogReport>(app.router, 'imports.caseLogCommit', input());
    expect(again.accepted).toEqual([]);
    expect(again.refused.find((r) => r.rowNumber === 2)?.reasons[0]).toMatch(/Redan importerat: ärendenumret ”VINR 23\/1” finns i Fristad/);
    expect(again.refused.find((r) => r.rowNumber === 4)?.reasons[0]).toMatch(/Redan importerat/);
    expect(await db.selectFrom('cases').select('id').execute()).toHaveLength(3);
    expect(await db.selectFrom('persons').select('id').execute()).toHaveLength(4); // Märta, Åsa, Kalle, Nora
    // without case numbers, the same person and intake date finds the case too (also for a person with no number)
    const noRefs = LOG.split('\r\n').map((l, i) => (i === 0 ? l : l.replace(/^VINR 23\/\d+/, ''))).join('\r\n');
    const third = await call<CaseLogReport>(app.router, 'imports.caseLogDryRun', input(noRefs));
    expect(third.accepted.map((a) => a.rowNumber)).toEqual([8]); // only the row that was a twin by its case number before
    for (const n of [2, 3, 4]) expect(third.refused.find((r) => r.rowNumber === n)?.reasons[0], `row ${n}`).toMatch(/Finns redan: personen har ett ärende aktualiserat/);
    // a second case of a known person links to the person, never a twin, and keeps the register's name and protection
    const later = `Personnummer;Förnamn;Efternamn;Aktualiseringsdatum;Våldsform\r\n${B};Marta;Ekstrom;2025-01-02;fysiskt\r\n`;
    const r = await call<CaseLogReport>(app.router, 'imports.caseLogCommit', { fileName: 'ny.csv', base64: base64(later), mapping: { personalNumber: 0, firstName: 1, lastName: 2, intakeDate: 3, violenceTypes: 4 }, defaultSource: 'report_police' });
    expect(r.accepted.map((a) => [a.name, a.newPerson])).toEqual([['Märta Ekström', false]]);
    expect(await db.selectFrom('persons').select(['first_name', 'protection_level']).where('personal_number', '=', B).execute()).toEqual([{ first_name: 'Märta', protection_level: 'skyddad_folkbokforing' }]);
  });

  it('commits the dry run as it was shown, but checks again when anything was written in between', async () => {
    const app = await unlockedApp();
    await withOlle(app);
    const db = app.core.requireSession().db;
    await call<CaseLogReport>(app.router, 'imports.caseLogDryRun', input());
    // between the dry run and the commit, Åsa is registered by hand with a case opened the same day
    const asa = await call<PersonSummary>(app.router, 'persons.create', { firstName: 'Åsa', lastName: 'Östlund', identity: { kind: 'personnummer', value: A }, gender: 'kvinna', protectionLevel: 'none' });
    await call(app.router, 'cases.create', { mainPersonId: asa.id, intakeDate: '2023-05-04', intakeSource: 'report_police', violenceTypes: ['physical'] });
    const done = await call<CaseLogReport>(app.router, 'imports.caseLogCommit', input());
    expect(done.accepted.map((a) => a.rowNumber)).toEqual([3, 4]);
    expect(done.refused.find((r) => r.rowNumber === 2)?.reasons[0]).toMatch(/Finns redan/);
    expect(await db.selectFrom('persons').select('id').where('personal_number', '=', A).execute()).toHaveLength(1);
    // nothing written in between: the commit takes the plan shown, and the result is the same as planning again
    const other = await unlockedApp();
    await withOlle(other);
    const shown = await call<CaseLogReport>(other.router, 'imports.caseLogDryRun', input());
    const committed = await call<CaseLogReport>(other.router, 'imports.caseLogCommit', input());
    expect(committed).toEqual({ ...shown, committed: true });
    expect(await other.core.requireSession().db.selectFrom('cases').select('id').execute()).toHaveLength(3);
  });

  it('refuses an open case for an inactivated worker, but takes a closed one', async () => {
    const app = await unlockedApp();
    await withOlle(app, 0);
    const log = [
      'Personnummer;Förnamn;Efternamn;Aktualiseringsdatum;Våldsform;Status;Avslutsdatum;Avslutsorsak;Handläggare',
      `${A};Åsa;Östlund;2020-01-01;fysiskt;avslutat;2020-06-01;flyttat;olle kollega`,
      `${B};Märta;Ekström;2024-01-01;fysiskt;utredning;;;Olle Kollega`,
    ].join('\r\n');
    const r = await call<CaseLogReport>(app.router, 'imports.caseLogDryRun', { fileName: 'l.csv', base64: base64(log), mapping: { personalNumber: 0, firstName: 1, lastName: 2, intakeDate: 3, violenceTypes: 4, status: 5, closingDate: 6, closingReason: 7, worker: 8 }, defaultSource: 'own_application' });
    expect(r.accepted.map((a) => [a.rowNumber, a.workerName])).toEqual([[2, 'Olle Kollega']]);
    expect(r.refused[0]?.reasons[0]).toMatch(/Handläggaren ”Olle Kollega” är inaktiverad/);
  });

  it('writes nothing at all when the commit fails part-way', async () => {
    const app = await unlockedApp();
    await withOlle(app);
    const db = app.core.requireSession().db;
    // a failure on the journal draft, the last table written, after persons and cases are in
    await sql`CREATE TEMP TRIGGER fail_import BEFORE INSERT ON journal_entries BEGIN SELECT RAISE(ABORT, 'simulerat fel'); END`.execute(db);
    const before = (await auditEvents(app)).length;
    const r = await app.router.invoke('imports.caseLogCommit', input());
    expect(r.ok).toBe(false);
    for (const table of ['persons', 'cases', 'case_persons', 'case_violence_types', 'case_status_events', 'person_search', 'import_batches'] as const) expect(await db.selectFrom(table).selectAll().execute(), table).toEqual([]);
    expect(await auditEvents(app)).toHaveLength(before);
  });

  it('refuses a mapping without the needed columns, in Swedish', async () => {
    const app = await unlockedApp();
    const bad = await refused(app, 'imports.caseLogDryRun', { fileName: 'l.csv', base64: base64('a;b\n1;2\n'), mapping: { firstName: 0 }, defaultSource: 'own_application' });
    expect(bad.details?.issues?.map((i) => [i.path, i.message])).toEqual(
      expect.arrayContaining([
        ['mapping.intakeDate', 'Välj vilken kolumn som innehåller fältet.'],
        ['mapping.personalNumber', 'Välj kolumnen med personnummer, eller kolumnerna för förnamn, efternamn och födelseår.'],
      ]),
    );
  });

  it('offers a case-log template as XLSX and Swedish CSV whose example row imports as it stands', async () => {
    const app = await unlockedApp();
    const csv = await call<TemplateFile>(app.router, 'imports.template', { format: 'csv', kind: 'case_log' });
    expect(csv.fileName).toBe('fristad-arendelogg-mall.csv');
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\ufeffÄrendenummer;Aktualiseringsdatum;Källa;Våldsform;Personnummer;Förnamn;Efternamn;Födelseår;Kön;Våldsutövare;Relation;Antal barn;Första kontakt;Status;Avslutsdatum;Avslutsorsak;Handläggare;Anteckning\r\n')).toBe(true);
    const x = await call<TemplateFile>(app.router, 'imports.template', { format: 'xlsx', kind: 'case_log' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]?.name).toBe('Ärendelogg');
    for (const file of [csv, x]) {
      const preview = await call<ImportPreview>(app.router, 'imports.preview', { fileName: file.fileName, base64: file.base64 });
      const dry = await call<CaseLogReport>(app.router, 'imports.caseLogDryRun', { fileName: file.fileName, base64: file.base64, mapping: preview.suggestedCaseLog, defaultSource: 'own_application' });
      expect(dry.refused).toEqual([]);
      expect(dry.accepted).toHaveLength(1);
    }
  });
});
