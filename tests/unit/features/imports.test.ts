import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { call, unlockedApp } from '../../support/temp.js';
import { auditEvents, refused, type App } from '../../support/casework.js';
import { base64, personnummer, windows1252, xlsx } from '../../support/import-files.js';
import type { ImportPreview, ImportReport, TemplateFile } from '../../../src-main/features/imports/contract.js';
import type { MonthlyCost, Placement } from '../../../src-main/features/placements/contract.js';
import type { ShelterDetail } from '../../../src-main/features/shelters/contract.js';
import type { LogPage } from '../../../src-main/features/privacy/log-review.js';
import type { RegisterExtract } from '../../../src-main/features/privacy/extract.js';
import { verifyChain } from '../../../src-main/features/audit/verify.js';

const A = personnummer('19850314', 123);
const B = personnummer('19900101', 456);
const C = personnummer('19770707', 789);

async function withShelters(app: App) {
  await call<ShelterDetail>(app.router, 'shelters.create', { name: 'Kvinnojouren Linden', operatorType: 'womens_shelter', firstPrice: { validFrom: '2020-01-01', adultOre: 120_000, childOre: 60_000 } });
  await call<ShelterDetail>(app.router, 'shelters.create', { name: 'Skyddade boendet Björk', operatorType: 'private', firstPrice: { validFrom: '2020-01-01', adultOre: 150_000, childOre: 70_000 } });
}

/** A unit's log as Swedish Excel writes it: semicolons, Windows-1252, day-first dates, and some bad rows. */
const LOG = [
  'Personnummer;Förnamn;Efternamn;Boende;Beslutsdatum;Startdatum;Slutdatum;Pris per dygn',
  `${A};Åsa;Östlund;Kvinnojouren Linden;2024-03-04;5/3/2024;2024-04-01;`, // row 2: good
  `${B};Märta;Ekström;skyddade boendet björk;;2024-02-01;;1 400`, // row 3: good, open, agreed price
  `19850314-1234;Fel;Nummer;Kvinnojouren Linden;;2024-01-01;;`, // row 4: bad check digit
  `${C};Okänd;Jour;Jouren Som Inte Finns;;2024-01-01;;`, // row 5: unknown shelter
  `${C};Omvänd;Ordning;Kvinnojouren Linden;;2024-05-10;2024-05-01;`, // row 6: end before start
  `${A};Åsa;Östlund;Kvinnojouren Linden;;2024-03-05;;`, // row 7: twin of row 2
  `${C};Ingen;Datum;Kvinnojouren Linden;;31/2/2024;;`, // row 8: no such date
].join('\r\n');

const MAPPING = { personalNumber: 0, firstName: 1, lastName: 2, shelterName: 3, decisionDate: 4, startDate: 5, endDate: 6, pricePerDay: 7 };

describe('import of a placement log', () => {
  it('reads a Windows-1252 CSV with semicolons and suggests the mapping from its headers', async () => {
    const app = await unlockedApp();
    const preview = await call<ImportPreview>(app.router, 'imports.preview', { fileName: 'logg.csv', base64: base64(windows1252(LOG)) });
    expect(preview).toMatchObject({ kind: 'csv', encoding: 'windows-1252', separator: ';', rowCount: 7 });
    expect(preview.headers[1]).toBe('Förnamn');
    expect(preview.sample[0]?.[1]).toBe('Åsa');
    expect(preview.suggested).toEqual(MAPPING);
  });

  it('dry-runs with a reason for each refused row and writes nothing; the commit writes the accepted rows once, never twins', async () => {
    const app = await unlockedApp();
    await withShelters(app);
    const input = { fileName: 'logg.csv', base64: base64(windows1252(LOG)), mapping: MAPPING, newCaseSource: 'womens_shelter' };
    const dry = await call<ImportReport>(app.router, 'imports.dryRun', input);
    expect(dry).toMatchObject({ committed: false, rowCount: 7, newPersons: 2, newCases: 2 });
    expect(dry.accepted.map((r) => [r.rowNumber, r.startDate, r.endDate, r.shelterName])).toEqual([
      [2, '2024-03-05', '2024-04-01', 'Kvinnojouren Linden'],
      [3, '2024-02-01', null, 'Skyddade boendet Björk'],
    ]);
    const reasons = Object.fromEntries(dry.refused.map((r) => [r.rowNumber, r.reasons.join(' ')]));
    expect(Object.keys(reasons)).toEqual(['4', '5', '6', '7', '8']);
    expect(reasons[4]).toMatch(/Ogiltigt personnummer: Kontrollsiffran/);
    expect(reasons[5]).toMatch(/Boendet ”Jouren Som Inte Finns” finns inte i registret/);
    expect(reasons[6]).toMatch(/fel ordning/);
    expect(reasons[7]).toMatch(/Dubblett: .* rad 2/);
    expect(reasons[8]).toMatch(/”31\/2\/2024” är inte ett datum/);
    const db = app.core.requireSession().db;
    expect(await db.selectFrom('placements').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('persons').select('id').execute()).toEqual([]);

    const done = await call<ImportReport>(app.router, 'imports.commit', input);
    expect(done).toMatchObject({ committed: true, newPersons: 2 });
    const placements = await db.selectFrom('placements as p').innerJoin('persons as x', 'x.id', 'p.person_id').select(['x.first_name', 'x.personal_number', 'p.start_date', 'p.end_date', 'p.adult_price_override_ore']).orderBy('p.start_date').execute();
    expect(placements).toEqual([
      { first_name: 'Märta', personal_number: B, start_date: '2024-02-01', end_date: null, adult_price_override_ore: 140_000 },
      { first_name: 'Åsa', personal_number: A, start_date: '2024-03-05', end_date: '2024-04-01', adult_price_override_ore: null },
    ]);
    expect((await db.selectFrom('cases').select('intake_source').execute()).map((c) => c.intake_source)).toEqual(['womens_shelter', 'womens_shelter']);
    // one audit event for the whole import, with counts only; every record made points at its batch
    const events = await auditEvents(app);
    const commits = events.filter((e) => e.action === 'imports.commit');
    expect(commits).toHaveLength(1);
    expect(JSON.parse(commits[0]!.detail!)).toEqual({ kind: 'placement_log', rows: 7, accepted: 2, refused: 5, persons: 2, cases: 2, placements: 2, drafts: 0 });
    expect(events.filter((e) => ['persons.create', 'cases.create', 'placements.import'].includes(e.action))).toEqual([]);
    const batchId = commits[0]!.entity_id!;
    for (const table of ['persons', 'cases', 'placements'] as const) expect((await db.selectFrom(table).select('import_id').execute()).map((r) => r.import_id), table).toEqual([batchId, batchId]);
    expect(await db.selectFrom('import_batches').select(['kind', 'row_count', 'persons_created', 'placements_created']).execute()).toEqual([{ kind: 'placement_log', row_count: 7, persons_created: 2, placements_created: 2 }]);
    expect(JSON.stringify(events)).not.toMatch(/Åsa|Östlund|Märta|19850314|logg\.csv/);
    // the bulk-written events are links of the tamper-evident chain like any other
    expect((await verifyChain(db)).firstBroken).toBeNull();
    // the imported persons are found by name search like any other
    expect(await call<{ id: string }[]>(app.router, 'persons.search', { query: 'ostlund' })).toHaveLength(1);
    expect(await call<{ id: string }[]>(app.router, 'persons.search', { query: 'asa ostlund' })).toHaveLength(1);
    expect(await call<{ id: string }[]>(app.router, 'persons.search', { query: 'ostlund asa' })).toHaveLength(1);

    const again = await call<ImportReport>(app.router, 'imports.commit', input);
    expect(again.accepted).toEqual([]);
    expect(again.refused.find((r) => r.rowNumber === 2)?.reasons[0]).toMatch(/placeringen finns redan/);
    expect(await db.selectFrom('placements').select('id').execute()).toHaveLength(2);
    expect(await db.selectFrom('persons').select('id').execute()).toHaveLength(2);
  });

  it('lets the log review and the register extract tell that an import registered the person and opened the case', async () => {
    const app = await unlockedApp();
    await withShelters(app);
    await call(app.router, 'imports.commit', { fileName: 'logg.csv', base64: base64(windows1252(LOG)), mapping: MAPPING, newCaseSource: 'womens_shelter' });
    const db = app.core.requireSession().db;
    const person = await db.selectFrom('persons').select(['id', 'import_id']).where('personal_number', '=', A).executeTakeFirstOrThrow();
    const theCase = await db.selectFrom('cases').select('id').where('main_person_id', '=', person.id).executeTakeFirstOrThrow();
    await app.core.requireSession().audit.flush();
    const byPerson = await call<LogPage>(app.router, 'privacy.logSearch', { personId: person.id });
    expect(byPerson.rows.map((r) => [r.action, r.entityId])).toContainEqual(['imports.commit', person.import_id]);
    const byCase = await call<LogPage>(app.router, 'privacy.logSearch', { caseId: theCase.id });
    expect(byCase.rows.map((r) => r.action)).toContain('imports.commit');
    const extract = await call<RegisterExtract>(app.router, 'privacy.extract', { personId: person.id });
    expect(extract.access.map((a) => a.action)).toContain('imports.commit');
  });

  it('reads an XLSX log with real Excel dates and text dates, and refuses a file that is not one', async () => {
    const app = await unlockedApp();
    await withShelters(app);
    const file = await xlsx([
      ['Personnummer', 'Förnamn', 'Efternamn', 'Boende', 'Startdatum', 'Slutdatum'],
      [A, 'Åsa', 'Östlund', 'Kvinnojouren Linden', new Date(Date.UTC(2024, 1, 28)), '2024-03-01'],
      [B, 'Märta', 'Ekström', 'Kvinnojouren Linden', '05.03.2024', null],
    ]);
    const preview = await call<ImportPreview>(app.router, 'imports.preview', { fileName: 'Logg.XLSX', base64: file });
    expect(preview).toMatchObject({ kind: 'xlsx', rowCount: 2, suggested: { personalNumber: 0, shelterName: 3, startDate: 4, endDate: 5 } });
    const r = await call<ImportReport>(app.router, 'imports.commit', { fileName: 'Logg.XLSX', base64: file, mapping: preview.suggested, newCaseSource: 'own_application' });
    expect(r.accepted.map((a) => [a.startDate, a.endDate])).toEqual([['2024-02-28', '2024-03-01'], ['2024-03-05', null]]);
    const bad = await refused(app, 'imports.preview', { fileName: 'logg.xlsx', base64: base64('Personnummer;Boende\n') });
    expect(bad).toMatchObject({ code: 'validation', message: expect.stringContaining('inte en Excel-fil') });
    const missing = await refused(app, 'imports.dryRun', { fileName: 'logg.csv', base64: base64('a;b\n1;2\n'), mapping: { personalNumber: 0 }, newCaseSource: 'own_application' });
    expect(missing.details?.issues?.map((i) => i.path)).toEqual(expect.arrayContaining(['mapping.shelterName', 'mapping.startDate']));
  });

  it('refuses a row that overlaps a placement already in Fristad', async () => {
    const app = await unlockedApp();
    await withShelters(app);
    const first = `Personnummer;Förnamn;Efternamn;Boende;Startdatum\r\n${A};Åsa;Östlund;Kvinnojouren Linden;2024-03-05\r\n`;
    await call(app.router, 'imports.commit', { fileName: 'a.csv', base64: base64(first), mapping: { personalNumber: 0, firstName: 1, lastName: 2, shelterName: 3, startDate: 4 }, newCaseSource: 'own_application' });
    const second = `Personnummer;Boende;Startdatum\r\n${A};Skyddade boendet Björk;2024-04-01\r\n`;
    const r = await call<ImportReport>(app.router, 'imports.dryRun', { fileName: 'b.csv', base64: base64(second), mapping: { personalNumber: 0, shelterName: 1, startDate: 2 }, newCaseSource: 'own_application' });
    expect(r.refused[0]?.reasons[0]).toMatch(/Överlappar en placering som redan finns på Kvinnojouren Linden/);
  });

  it('writes nothing at all when the commit fails part-way', async () => {
    const app = await unlockedApp();
    await withShelters(app);
    const db = app.core.requireSession().db;
    // a failure on the second placement written, after persons and cases are in
    await sql`CREATE TEMP TRIGGER fail_import BEFORE INSERT ON placements WHEN NEW.start_date = '2024-02-01' BEGIN SELECT RAISE(ABORT, 'simulerat fel'); END`.execute(db);
    const before = (await auditEvents(app)).length;
    const r = await app.router.invoke('imports.commit', { fileName: 'logg.csv', base64: base64(windows1252(LOG)), mapping: MAPPING, newCaseSource: 'womens_shelter' });
    expect(r.ok).toBe(false);
    for (const table of ['persons', 'cases', 'case_persons', 'placements', 'person_search'] as const) expect(await db.selectFrom(table).selectAll().execute(), table).toEqual([]);
    expect(await auditEvents(app)).toHaveLength(before);
  });

  it('offers a template with the expected columns, as XLSX and as Swedish CSV', async () => {
    const app = await unlockedApp();
    const csv = await call<TemplateFile>(app.router, 'imports.template', { format: 'csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.startsWith('\ufeffPersonnummer;Förnamn;Efternamn;Boende;Beslutsdatum;Startdatum;Planerat slut;Slutdatum;Pris per dygn;Medföljande barn;Barnens beslut\r\n')).toBe(true);
    expect(text).toContain(';20150304-1236 Alva Exempelsson, 20180101-2384 Otto Exempelsson;IFO 2024-101, IFO 2024-102\r\n');
    const x = await call<TemplateFile>(app.router, 'imports.template', { format: 'xlsx' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).getCell(1).value).toBe('Personnummer');
    // the template's own headers are recognised when the filled-in template comes back
    const preview = await call<ImportPreview>(app.router, 'imports.preview', { fileName: x.fileName, base64: x.base64 });
    expect(preview.suggested).toMatchObject({ personalNumber: 0, shelterName: 3, startDate: 5, plannedEndDate: 6, endDate: 7, pricePerDay: 8, children: 9, childDecisionRefs: 10 });
  });

  it('places the accompanying children of a row: each linked to the case as a child with its own decision; a bad child refuses the row', async () => {
    const app = await unlockedApp();
    await withShelters(app);
    const db = app.core.requireSession().db;
    const kid1 = personnummer('20150304', 123);
    const kid2 = personnummer('20180101', 238);
    const kid3 = personnummer('20200202', 345);
    const log = [
      'Personnummer;Förnamn;Efternamn;Boende;Startdatum;Slutdatum;Medföljande barn;Barnens beslut',
      `${A};Åsa;Östlund;Kvinnojouren Linden;2024-03-05;2024-04-01;"${kid1} Alva Östlund, ${kid2} Otto Östlund";IFO 2024-101, IFO 2024-102`, // row 2: two children, two decisions
      `${B};Märta;Ekström;Kvinnojouren Linden;2024-02-01;;${kid3} Ida Ekström;`, // row 3: one child, no decision in the log
      `${C};Fel;Barn;Kvinnojouren Linden;2024-01-01;;20150304-1234 Fel Barnsson;`, // row 4: bad check digit
      `${personnummer('19700101', 111)};Vuxen;Barn;Kvinnojouren Linden;2024-01-01;;${personnummer('19990101', 222)} Stor Son;`, // row 5: 18 or older
      `${personnummer('19700202', 333)};Namn;Saknas;Kvinnojouren Linden;2024-01-01;;${personnummer('20190101', 444)};`, // row 6: unknown child without a name
      `${personnummer('19700303', 555)};Fel;Antal;Kvinnojouren Linden;2024-01-01;;${personnummer('20190202', 666)} Ett Barn;B-1, B-2`, // row 7: two decisions, one child
      `${personnummer('19700404', 777)};Dubbel;Plats;Kvinnojouren Linden;2024-03-20;;${kid1} Alva Östlund;`, // row 8: kid1 is already at Linden then (row 2)
    ].join('\r\n');
    const mapping = { personalNumber: 0, firstName: 1, lastName: 2, shelterName: 3, startDate: 4, endDate: 5, children: 6, childDecisionRefs: 7 };
    const input = { fileName: 'logg.csv', base64: base64(log), mapping, newCaseSource: 'womens_shelter' };
    const dry = await call<ImportReport>(app.router, 'imports.dryRun', input);
    expect(dry.accepted.map((a) => [a.rowNumber, a.children])).toEqual([[2, 2], [3, 1]]);
    expect(dry).toMatchObject({ children: 3, newPersons: 5, newCases: 2 });
    const reasons = Object.fromEntries(dry.refused.map((r) => [r.rowNumber, r.reasons.join(' ')]));
    expect(reasons[4]).toMatch(/Barnet ”20150304-1234 Fel Barnsson”: ogiltigt personnummer: Kontrollsiffran/);
    expect(reasons[5]).toMatch(/18 år eller äldre/);
    expect(reasons[6]).toMatch(/finns inte i Fristad: skriv för- och efternamn/);
    expect(reasons[7]).toMatch(/Antalet barnbeslut \(2\) stämmer inte med antalet medföljande barn \(1\)/);
    expect(reasons[8]).toMatch(new RegExp(`Barnet ${kid1} står redan på rad 2`));
    expect(await db.selectFrom('placement_children').selectAll().execute()).toEqual([]);

    const done = await call<ImportReport>(app.router, 'imports.commit', input);
    expect(done.accepted).toHaveLength(2);
    const children = await db
      .selectFrom('placement_children as pc')
      .innerJoin('placements as pl', 'pl.id', 'pc.placement_id')
      .innerJoin('persons as p', 'p.id', 'pc.person_id')
      .innerJoin('case_persons as cp', (j) => j.onRef('cp.case_id', '=', 'pl.case_id').onRef('cp.person_id', '=', 'pc.person_id'))
      .select(['p.personal_number', 'p.first_name', 'pc.decision_ref', 'pc.consent', 'pc.schooling', 'pc.start_date', 'cp.role'])
      .orderBy('p.personal_number')
      .execute();
    expect(children).toEqual([
      { personal_number: kid1, first_name: 'Alva', decision_ref: 'IFO 2024-101', consent: 'unknown', schooling: 'unknown', start_date: '2024-03-05', role: 'child' },
      { personal_number: kid2, first_name: 'Otto', decision_ref: 'IFO 2024-102', consent: 'unknown', schooling: 'unknown', start_date: '2024-03-05', role: 'child' },
      { personal_number: kid3, first_name: 'Ida', decision_ref: '', consent: 'unknown', schooling: 'unknown', start_date: '2024-02-01', role: 'child' },
    ]);
    // the placement shows its children, and their billed days count in the cost
    const aCase = await db.selectFrom('cases').innerJoin('persons', 'persons.id', 'cases.main_person_id').select('cases.id').where('persons.personal_number', '=', A).executeTakeFirstOrThrow();
    const [placed] = await call<Placement[]>(app.router, 'placements.listForCase', { caseId: aCase.id });
    expect(placed!.children.map((c) => [`${c.person.firstName} ${c.person.lastName}`, c.decisionRef, c.consent])).toEqual([['Alva Östlund', 'IFO 2024-101', 'unknown'], ['Otto Östlund', 'IFO 2024-102', 'unknown']]);
    expect(placed!.cost.childDays).toBe(2 * 27);
    const march = await call<MonthlyCost>(app.router, 'placements.monthlyCost', { month: '2024-03' });
    expect(march.total.childDays).toBe(2 * 27 + 31);
    // importing again: nothing new, no second child row, no second membership
    const again = await call<ImportReport>(app.router, 'imports.commit', input);
    expect(again.accepted).toEqual([]);
    expect(await db.selectFrom('placement_children').selectAll().execute()).toHaveLength(3);
    expect(await db.selectFrom('case_persons').select('person_id').where('role', '=', 'child').execute()).toHaveLength(3);
    expect((await auditEvents(app)).filter((e) => e.action === 'imports.commit').map((e) => JSON.parse(e.detail!).placements)).toEqual([2, 0]);
  });
});
