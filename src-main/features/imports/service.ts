import { withCheckpointAfter } from '../../db/checkpoint.js';
import ExcelJS from 'exceljs';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { localIsoDate } from '../../domain/dates.js';
import { parseChildrenCell, type ImportedChild } from '../../domain/import-children.js';
import { neutraliseCell, parseImportDate, toSwedishCsv } from '../../domain/import-table.js';
import { parsePersonalNumber } from '../../domain/personal-number.js';
import { kronorToOre } from '../../domain/placement-cost.js';
import { findOverlap, placementDateIssues } from '../../domain/placement-rules.js';
import { foldForSearch } from '../../domain/search-text.js';
import { insertMany } from '../../db/bulk-insert.js';
import { NUMBER_MESSAGES } from '../persons/service.js';
import { staysOfPersons } from '../placements/queries.js';
import { placementRow } from '../placements/service.js';
import { CASE_LOG_FIELDS, IMPORT_FIELDS, type ImportKindName, type AcceptedRow, type ImportField, type ImportPreview, type ImportReport, type RefusedRow, type TemplateFile, type importRunSchema } from './contract.js';
import { readTable } from './read-table.js';
import { newImportId, recordImportBatch } from './batch.js';
import { caseNumbers, chunks, insertImportedPersons, orderedIds, pushImportedPerson, readImportRows, type NewPersons } from './bulk.js';
import { keepPlan, planKey, takePlan } from './plan-cache.js';
import { CASE_LOG_TEMPLATE_HEADERS, TEMPLATE_HEADERS, suggestCaseLogMapping, suggestMapping } from './suggest.js';

type Db = Kysely<Database> | Transaction<Database>;
type RunInput = z.output<typeof importRunSchema>;

/** Reads the file and suggests a mapping; nothing is looked up or written. */
export async function previewImport(fileName: string, base64: string): Promise<ImportPreview> {
  const t = await readTable(fileName, base64);
  return {
    kind: t.kind,
    encoding: t.encoding,
    separator: t.separator,
    headers: t.headers,
    sample: t.rows.slice(0, 5),
    rowCount: t.rows.length,
    suggested: suggestMapping(t.headers),
    suggestedCaseLog: suggestCaseLogMapping(t.headers),
  };
}

interface PlannedRow {
  rowNumber: number;
  canonical: string;
  numberKind: 'personnummer' | 'samordningsnummer';
  birthYear: number;
  firstName: string;
  lastName: string;
  shelterId: string;
  shelterName: string;
  decisionDate: string;
  startDate: string;
  plannedEndDate: string | null;
  endDate: string | null;
  priceOre: number | null;
  personId: string | null;
  caseId: string | null;
  children: PlannedChild[];
}

interface PlannedChild extends ImportedChild {
  /** Null: registered by the import. */
  personId: string | null;
  /** Already in the row's case as a child. */
  inCase: boolean;
}

/**
 * Checks every row against the store without writing: the number, the
 * shelter, the dates, twins inside the file and placements already there.
 * Lookups are made in bulk, so ten thousand rows cost a few queries.
 */
async function plan(db: Db, rows: readonly string[][], mapping: RunInput['mapping'], today: string, now: Date) {
  const cell = (r: readonly string[], f: ImportField) => {
    const i = mapping[f];
    return i == null ? '' : (r[i] ?? '').trim();
  };
  const shelters = await db.selectFrom('shelters').select(['id', 'name', 'name_key', 'archived_at']).execute();
  const byName = new Map<string, { id: string; name: string }>();
  for (const s of [...shelters].sort((a, b) => (a.archived_at === null ? 1 : 0) - (b.archived_at === null ? 1 : 0))) byName.set(s.name_key, s);

  const refused: RefusedRow[] = [];
  const planned: PlannedRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const rowNumber = i + 2;
    const reasons: string[] = [];
    const pn = parsePersonalNumber(cell(r, 'personalNumber'), now);
    if (!cell(r, 'personalNumber')) reasons.push('Personnummer saknas.');
    else if (!pn.ok) reasons.push(`Ogiltigt personnummer: ${NUMBER_MESSAGES[pn.error]}`);
    const shelterText = cell(r, 'shelterName');
    const shelter = byName.get(foldForSearch(shelterText));
    if (!shelterText) reasons.push('Boende saknas.');
    else if (!shelter) reasons.push(`Boendet ”${shelterText}” finns inte i registret. Lägg in det först eller rätta namnet.`);
    const date = (f: ImportField, label: string, required: boolean): string | null => {
      const raw = cell(r, f);
      if (!raw) {
        if (required) reasons.push(`${label} saknas.`);
        return null;
      }
      const d = parseImportDate(raw);
      if (!d) reasons.push(`${label} ”${raw}” är inte ett datum (skriv t.ex. 2024-03-05 eller 5/3/2024).`);
      return d;
    };
    const startDate = date('startDate', 'Startdatum', true);
    const decisionDate = date('decisionDate', 'Beslutsdatum', false) ?? startDate;
    const plannedEndDate = date('plannedEndDate', 'Planerat slut', false);
    const endDate = date('endDate', 'Slutdatum', false);
    const priceText = cell(r, 'pricePerDay');
    const priceOre = priceText ? kronorToOre(priceText) : null;
    if (priceText && priceOre === null) reasons.push(`Priset ”${priceText}” är inte ett belopp i kronor.`);
    if (startDate && decisionDate) {
      for (const issue of placementDateIssues({ decisionDate, startDate, plannedEndDate, endDate }, today)) {
        reasons.push(issue.code === 'before_start' && issue.path === 'endDate' ? 'Datumen står i fel ordning: slutdatum ligger före startdatum.' : issue.message);
      }
    }
    const kids = parseChildrenCell(cell(r, 'children'), cell(r, 'childDecisionRefs'), { adult: pn.ok ? pn.value.canonical : null, startDate, now, numberMessages: NUMBER_MESSAGES });
    reasons.push(...kids.reasons);
    if (pn.ok && startDate) {
      const key = `${pn.value.canonical}|${startDate}`;
      const twin = seen.get(key);
      if (twin !== undefined) reasons.push(`Dubblett: samma person och startdatum står redan på rad ${twin}.`);
      else seen.set(key, rowNumber);
    }
    if (reasons.length > 0 || !pn.ok || !shelter || !startDate || !decisionDate) {
      refused.push({ rowNumber, reasons });
      return;
    }
    planned.push({
      rowNumber,
      canonical: pn.value.canonical,
      numberKind: pn.value.kind,
      birthYear: pn.value.birthYear,
      firstName: cell(r, 'firstName'),
      lastName: cell(r, 'lastName'),
      shelterId: shelter.id,
      shelterName: shelter.name,
      decisionDate,
      startDate,
      plannedEndDate,
      endDate,
      priceOre,
      personId: null,
      caseId: null,
      children: kids.children.map((c) => ({ ...c, personId: null, inCase: false })),
    });
  });

  // The persons already registered, their latest case as main person, and their stays.
  const persons = new Map<string, { id: string; first_name: string; last_name: string }>();
  for (const part of chunks([...new Set(planned.flatMap((p) => [p.canonical, ...p.children.map((c) => c.canonical)]))])) {
    for (const p of await db.selectFrom('persons').select(['id', 'personal_number', 'first_name', 'last_name']).where('personal_number', 'in', part).execute()) persons.set(p.personal_number!, p);
  }
  const personIds = [...persons.values()].map((p) => p.id);
  const cases = new Map<string, string>();
  const stays: Awaited<ReturnType<typeof staysOfPersons>> = [];
  for (const part of chunks(personIds)) {
    for (const c of await db.selectFrom('cases').select(['id', 'main_person_id']).where('main_person_id', 'in', part).orderBy('intake_date').orderBy('created_at').execute()) cases.set(c.main_person_id, c.id);
    stays.push(...(await staysOfPersons(db, part)));
  }
  // The roles the children already found have in cases: a child must be in the case as a child.
  const roles = new Map<string, string>();
  const childIds = [...new Set(planned.flatMap((p) => p.children.map((c) => persons.get(c.canonical)?.id).filter((id): id is string => id !== undefined)))];
  for (const part of chunks(childIds)) {
    for (const m of await db.selectFrom('case_persons').select(['case_id', 'person_id', 'role']).where('person_id', 'in', part).execute()) roles.set(`${m.case_id}|${m.person_id}`, m.role);
  }
  const staysBy = new Map<string, { id: string; start: string; end: string | null; shelterId: string; shelterName: string }[]>();
  for (const s of stays) staysBy.set(s.personId, [...(staysBy.get(s.personId) ?? []), s]);

  const accepted: PlannedRow[] = [];
  const fileStays = new Map<string, { id: string; start: string; end: string | null; rowNumber: number }[]>();
  for (const p of planned) {
    const person = persons.get(p.canonical);
    const reasons: string[] = [];
    if (!person && (!p.firstName || !p.lastName)) reasons.push('Personen finns inte i Fristad och raden saknar för- eller efternamn.');
    const existing = person ? staysBy.get(person.id) ?? [] : [];
    const same = existing.find((s) => s.start === p.startDate && s.shelterId === p.shelterId);
    if (same) reasons.push('Dubblett: placeringen finns redan i Fristad (importerad eller registrerad tidigare).');
    else {
      const clash = findOverlap(existing, { start: p.startDate, end: p.endDate });
      if (clash) reasons.push(`Överlappar en placering som redan finns på ${clash.shelterName} från ${clash.start}.`);
    }
    const inFile = findOverlap(fileStays.get(p.canonical) ?? [], { start: p.startDate, end: p.endDate });
    if (inFile) reasons.push(`Överlappar placeringen på rad ${inFile.rowNumber} för samma person.`);
    const caseId = person ? cases.get(person.id) ?? null : null;
    const children: PlannedChild[] = [];
    if (!same) {
      for (const c of p.children) {
        const child = persons.get(c.canonical);
        const label = `Barnet ${c.canonical}`;
        if (!child && (!c.firstName || !c.lastName)) reasons.push(`${label} finns inte i Fristad: skriv för- och efternamn efter numret, t.ex. ${c.canonical} Alva Östlund.`);
        const role = child && caseId ? roles.get(`${caseId}|${child.id}`) : undefined;
        if (role !== undefined && role !== 'child') reasons.push(`${label} finns redan i ärendet men inte som barn.`);
        const clash = child ? findOverlap(staysBy.get(child.id) ?? [], { start: p.startDate, end: p.endDate }) : null;
        if (clash) reasons.push(`${label} är redan placerat på ${clash.shelterName} från ${clash.start}.`);
        const twin = findOverlap(fileStays.get(c.canonical) ?? [], { start: p.startDate, end: p.endDate });
        if (twin) reasons.push(`${label} står redan på rad ${twin.rowNumber} för samma tid.`);
        children.push({ ...c, personId: child?.id ?? null, inCase: role === 'child', firstName: child?.first_name ?? c.firstName, lastName: child?.last_name ?? c.lastName });
      }
    }
    if (reasons.length > 0) {
      refused.push({ rowNumber: p.rowNumber, reasons });
      continue;
    }
    for (const key of [p.canonical, ...children.map((c) => c.canonical)]) {
      fileStays.set(key, [...(fileStays.get(key) ?? []), { id: String(p.rowNumber), start: p.startDate, end: p.endDate, rowNumber: p.rowNumber }]);
    }
    accepted.push({ ...p, children, personId: person?.id ?? null, caseId, firstName: person?.first_name ?? p.firstName, lastName: person?.last_name ?? p.lastName });
  }
  refused.sort((a, b) => a.rowNumber - b.rowNumber);
  return { accepted, refused };
}

function report(rows: number, accepted: PlannedRow[], refused: RefusedRow[], committed: boolean): ImportReport {
  const newPersons = new Set(accepted.flatMap((a) => [...(a.personId === null ? [a.canonical] : []), ...a.children.filter((c) => c.personId === null).map((c) => c.canonical)]));
  const newCases = new Set(accepted.filter((a) => a.caseId === null).map((a) => a.personId ?? a.canonical));
  const list: AcceptedRow[] = accepted.map((a) => ({
    rowNumber: a.rowNumber,
    personalNumber: a.canonical,
    name: `${a.firstName} ${a.lastName}`.trim(),
    shelterName: a.shelterName,
    startDate: a.startDate,
    endDate: a.endDate,
    newPerson: a.personId === null,
    newCase: a.caseId === null,
    children: a.children.length,
  }));
  return { committed, rowCount: rows, accepted: list, refused, newPersons: newPersons.size, newCases: newCases.size, children: list.reduce((n, a) => n + a.children, 0) };
}

/** What the import would do, row by row; nothing is written. Noted in the access log as a read. */
export async function dryRunImport(session: Session, input: RunInput, now = new Date()): Promise<ImportReport> {
  const rows = await readImportRows(input);
  const { accepted, refused } = await plan(session.db, rows, input.mapping, localIsoDate(now), now);
  session.audit.note({ action: 'imports.dry_run', entityType: 'import', detail: { kind: 'placement_log', rows: rows.length, accepted: accepted.length, refused: refused.length } });
  await session.audit.flush();
  keepPlan(session, placementLogKey(input, now), { rows: rows.length, accepted, refused } satisfies PlacementLogPlan);
  return report(rows.length, accepted, refused, false);
}

interface PlacementLogPlan {
  rows: number;
  accepted: PlannedRow[];
  refused: RefusedRow[];
}

const placementLogKey = (input: RunInput, now: Date) => planKey('placement_log', input, { fileName: input.fileName, mapping: input.mapping, newCaseSource: input.newCaseSource }, localIsoDate(now));

/** The intake date of a case a placement row opens: the decision or the start, whichever came first. */
function newCaseIntakeDate(row: { decisionDate: string; startDate: string }): string {
  return row.decisionDate < row.startDate ? row.decisionDate : row.startDate;
}

/**
 * Imports the accepted rows in one transaction: all of them or, on any
 * failure, none. The dry run's plan is used when nothing was written since
 * it was made, else the plan is made again inside the transaction, so rows
 * added since the dry run are not twinned; a second import of the same file
 * finds every row already there and writes nothing. A person not yet in
 * Fristad is registered (gender unknown, no protection recorded: the worker
 * completes it) with a case of their own, in intake status from the
 * decision date. Rows are written in bulk; the access log gets one event
 * for the whole import (`imports.commit`, with counts), and every record made
 * carries the import's id, so the log review still shows who made it.
 */
export async function commitImport(session: Session, input: RunInput, now = new Date()): Promise<ImportReport> {
  const at = now.toISOString();
  const workerId = session.worker.id;
  return withCheckpointAfter(session.vault.sqlite, () =>
    session.db.transaction().execute(async (trx) => {
      // The dry run's plan when nothing was written since (plan-cache.ts); otherwise read and check the file again, inside the transaction.
      const planned =
        takePlan<PlacementLogPlan>(session, placementLogKey(input, now)) ??
        (await (async () => {
          const read = await readImportRows(input);
          return { rows: read.length, ...(await plan(trx, read, input.mapping, localIsoDate(now), now)) };
        })());
      const { accepted, refused } = planned;
      const caseNumber = await caseNumbers(trx, accepted.map((a) => Number(newCaseIntakeDate(a).slice(0, 4))));
      const made: NewPersons = { persons: [], tokens: [], pairs: [] };
      const cases: Insertable<Database['cases']>[] = [];
      const members: Insertable<Database['case_persons']>[] = [];
      const statusEvents: Insertable<Database['case_status_events']>[] = [];
      const assignments: Insertable<Database['case_assignments']>[] = [];
      const placements: Insertable<Database['placements']>[] = [];
      const placementChildren: Insertable<Database['placement_children']>[] = [];
      const inCase = new Set<string>();
      const importId = newImportId();
      const nextId = orderedIds(now);
      const newPersonIds = new Map<string, string>();
      const stamp = { at, by: workerId, importId };
      const newCaseIds = new Map<string, string>();
      /** The person of a number: found by the plan, registered earlier in this import, or registered now. */
      const personOf = (p: { personId: string | null; canonical: string; numberKind: 'personnummer' | 'samordningsnummer'; birthYear: number; firstName: string; lastName: string }): string => {
        let personId = p.personId ?? newPersonIds.get(p.canonical);
        if (personId) return personId;
        personId = nextId();
        newPersonIds.set(p.canonical, personId);
        pushImportedPerson(made, personId, p, 'okant', stamp);
        return personId;
      };
      for (const a of accepted) {
        const personId = personOf(a);
        let caseId = a.caseId ?? newCaseIds.get(personId);
        if (!caseId) {
          caseId = nextId();
          newCaseIds.set(personId, caseId);
          const intakeDate = newCaseIntakeDate(a);
          cases.push({
            id: caseId, case_number: caseNumber(Number(intakeDate.slice(0, 4))), main_person_id: personId, intake_date: intakeDate, intake_source: input.newCaseSource,
            status: 'intake', assigned_worker_id: workerId, closed_at: null, created_at: at, created_by: workerId, updated_at: at,
            relation: null, first_contact_date: null, children_in_household: null, closing_reason: null, import_id: importId, external_ref: null,
          });
          members.push({ case_id: caseId, person_id: personId, role: 'victim', child_exposure: null });
          statusEvents.push({ case_id: caseId, from_status: null, to_status: 'intake', event_date: intakeDate, worker_id: workerId, at });
          assignments.push({ case_id: caseId, worker_id: workerId, assigned_by: workerId, at });
        }
        const id = nextId();
        for (const c of a.children) {
          const childId = personOf(c);
          const key = `${caseId}|${childId}`;
          if (!c.inCase && !inCase.has(key)) {
            members.push({ case_id: caseId, person_id: childId, role: 'child', child_exposure: null });
          }
          inCase.add(key);
          placementChildren.push({
            id: nextId(), placement_id: id, person_id: childId, start_date: a.startDate, end_date: null, decision_ref: c.decisionRef,
            consent: 'unknown', consent_ground: null, schooling: 'unknown', schooling_note: null,
          });
        }
        placements.push({
          ...placementRow(
            id,
            {
              caseId, personId, shelterId: a.shelterId, decisionDate: a.decisionDate, decisionRef: null, startDate: a.startDate, plannedEndDate: a.plannedEndDate, followUpDate: null,
              adultPriceOverrideOre: a.priceOre, childPriceOverrideOre: null, priceOverrideReason: a.priceOre === null ? null : 'Pris enligt importerad fil', children: [],
            },
            workerId,
            at,
            a.endDate,
          ),
          import_id: importId,
        });
      }
      await recordImportBatch(session, trx, importId, 'placement_log', input.base64, { rows: planned.rows, accepted: accepted.length, refused: refused.length, persons: made.persons.length, cases: cases.length, placements: placements.length, drafts: 0 }, at);
      const sqlite = session.vault.sqlite;
      insertImportedPersons(trx, sqlite, made);
      insertMany(trx, sqlite, 'cases', cases);
      insertMany(trx, sqlite, 'case_persons', members);
      insertMany(trx, sqlite, 'case_status_events', statusEvents);
      insertMany(trx, sqlite, 'case_assignments', assignments);
      insertMany(trx, sqlite, 'placements', placements);
      insertMany(trx, sqlite, 'placement_children', placementChildren);
      return report(planned.rows, accepted, refused, true);
    }),
  );
}

/** A fictional example row of each template: the number is the Tax Agency's test number 19121212-1212. */
const TEMPLATES: Record<ImportKindName, { name: string; sheet: string; headers: string[]; example: string[] }> = {
  placement_log: {
    name: 'fristad-placeringar-mall',
    sheet: 'Placeringar',
    headers: IMPORT_FIELDS.map((f) => TEMPLATE_HEADERS[f]),
    example: ['19121212-1212', 'Exempel', 'Exempelsson', 'Namnet som i boenderegistret', '2024-03-04', '2024-03-05', '2024-06-05', '', '1 250', '20150304-1236 Alva Exempelsson, 20180101-2384 Otto Exempelsson', 'IFO 2024-101, IFO 2024-102'],
  },
  case_log: {
    name: 'fristad-arendelogg-mall',
    sheet: 'Ärendelogg',
    headers: CASE_LOG_FIELDS.map((f) => CASE_LOG_TEMPLATE_HEADERS[f]),
    example: ['VINR 2023/17', '2023-05-04', 'Anmälan från polis', 'fysiskt, psykiskt', '19121212-1212', 'Exempel', 'Exempelsson', '', 'Kvinna', '19800101-2387 Kalle Exempelsson', 'Före detta partner', '2', '2023-05-05', 'Avslutat', '2023-11-30', 'Målet uppnått', '', 'Kom via Islandsmodellen, önskade stödsamtal.'],
  },
};

/** The template: the expected columns and one fictional example row, as XLSX or as Swedish Excel's CSV — of a placement log or of a case log. */
export async function importTemplate(format: 'xlsx' | 'csv', kind: ImportKindName = 'placement_log'): Promise<TemplateFile> {
  const { name, sheet, headers, example } = TEMPLATES[kind];
  if (format === 'csv') {
    return { fileName: `${name}.csv`, mimeType: 'text/csv;charset=utf-8', base64: Buffer.from(toSwedishCsv([headers, example]), 'utf8').toString('base64') };
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(headers.map(neutraliseCell));
  ws.addRow(example.map(neutraliseCell));
  ws.getRow(1).font = { bold: true };
  ws.columns.forEach((c) => (c.width = 22));
  const buf = await wb.xlsx.writeBuffer();
  return { fileName: `${name}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: Buffer.from(buf as ArrayBuffer).toString('base64') };
}
