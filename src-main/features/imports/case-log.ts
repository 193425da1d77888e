import { withCheckpointAfter } from '../../db/checkpoint.js';
import { gatherJournalTerms } from '../journal/terms.js';
import type { Insertable, Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { insertMany } from '../../db/bulk-insert.js';
import { localIsoDate } from '../../domain/dates.js';
import { personKey, readCaseLogRow, type CaseLogField, type CaseLogPerson, type CaseLogRow } from '../../domain/import-case-log.js';
import { foldWord } from '../../domain/import-vocabulary.js';
import { JOURNAL_TEXT_MAX } from '../journal/contract.js';
import { NUMBER_MESSAGES } from '../persons/service.js';
import { newImportId, recordImportBatch } from './batch.js';
import { caseNumbers, chunks, insertImportedPersons, orderedIds, pushImportedPerson, readImportRows, type NewPersons } from './bulk.js';
import { keepPlan, planKey, takePlan } from './plan-cache.js';
import { writeWithStatisticsHeld } from '../statistics/held.js';
import { type CaseLogAcceptedRow, type CaseLogReport, type RefusedRow, type caseLogRunSchema } from './contract.js';

type Db = Kysely<Database> | Transaction<Database>;
type CaseLogInput = z.output<typeof caseLogRunSchema>;

/** The first line of the draft journal entry a row's note becomes, so the reader knows where the text came from. */
export const IMPORTED_NOTE_HEADING = 'Anteckning från den importerade ärendeloggen:';

interface PlannedPerson extends CaseLogPerson {
  /** Found in the register; null: registered by the import. */
  personId: string | null;
}

interface PlannedCase extends CaseLogRow {
  victimPerson: PlannedPerson & { gender: CaseLogRow['victim']['gender'] };
  perpetratorPerson: PlannedPerson | null;
  workerId: string;
  workerName: string;
}

/**
 * Checks every row of a case log against the store without writing: the
 * row rules (domain/import-case-log.ts), then twins — in the file (the same
 * case number, or the same person and intake date, twice) and in Fristad (a
 * case with the unit's case number already imported, or a case of the same
 * person with the same intake date) — and the worker named. Lookups are made
 * in bulk, a few queries for ten thousand rows.
 *
 * Persons are matched by personnummer or samordningsnummer, the register's
 * own duplicate rule. A person with no number is never matched to someone
 * already in the register — two people can share a name and a birth year,
 * and a wrong match would show one person's case in another's record — but
 * rows of the file with the same name and birth year are the same new person.
 */
async function planCaseLog(db: Db, rows: readonly string[][], input: CaseLogInput, importer: { id: string; name: string }, now: Date) {
  const today = localIsoDate(now);
  const refused: RefusedRow[] = [];
  const read: CaseLogRow[] = [];
  const seenRefs = new Map<string, number>();
  const seenCases = new Map<string, number>();
  rows.forEach((r, i) => {
    const rowNumber = i + 2;
    const cell = (f: CaseLogField) => {
      const c = input.mapping[f];
      return c == null ? '' : (r[c] ?? '').trim();
    };
    const { row, reasons } = readCaseLogRow(cell, rowNumber, { today, now, fallbackSource: input.defaultSource, numberMessages: NUMBER_MESSAGES, noteMax: JOURNAL_TEXT_MAX - IMPORTED_NOTE_HEADING.length - 1 });
    const ref = cell('caseReference');
    if (ref) {
      const twin = seenRefs.get(foldWord(ref));
      if (twin !== undefined) reasons.push(`Dubblett: ärendenumret ”${ref}” står redan på rad ${twin}.`);
      else seenRefs.set(foldWord(ref), rowNumber);
    }
    if (row) {
      const key = `${row.victimKey}|${row.intakeDate}`;
      const twin = seenCases.get(key);
      if (twin !== undefined) reasons.push(`Dubblett: samma person och aktualiseringsdatum står redan på rad ${twin}.`);
      else seenCases.set(key, rowNumber);
    }
    if (!row || reasons.length > 0) refused.push({ rowNumber, reasons });
    else read.push(row);
  });

  // Persons by number (victims and persons who used violence), cases already imported by the unit's case number, and the persons' cases by intake date.
  const numbers = [...new Set(read.flatMap((r) => [r.victim.canonical, r.perpetrator?.canonical]).filter((n): n is string => typeof n === 'string'))];
  const persons = new Map<string, { id: string; first_name: string; last_name: string }>();
  for (const part of chunks(numbers)) {
    for (const p of await db.selectFrom('persons').select(['id', 'personal_number', 'first_name', 'last_name']).where('personal_number', 'in', part).execute()) persons.set(p.personal_number!, p);
  }
  const refs = [...new Set(read.map((r) => r.caseReference).filter((x): x is string => x !== null))];
  const importedRefs = new Map<string, string>();
  for (const part of chunks(refs)) {
    for (const c of await db.selectFrom('cases').select(['external_ref', 'case_number']).where('external_ref', 'in', part).execute()) importedRefs.set(c.external_ref!, c.case_number);
  }
  const casesByPersonDate = new Map<string, string>();
  for (const part of chunks([...persons.values()].map((p) => p.id))) {
    for (const c of await db.selectFrom('cases').select(['main_person_id', 'intake_date', 'case_number']).where('main_person_id', 'in', part).execute()) casesByPersonDate.set(`${c.main_person_id}|${c.intake_date}`, c.case_number);
  }
  // Rows without a number: a case already there for someone of the same name and birth year, opened the same day, is this row imported before.
  const noNumber = read.filter((r) => r.victim.canonical === null);
  const namelessKeys = new Map<string, string>();
  for (const part of chunks([...new Set(noNumber.map((r) => r.intakeDate))])) {
    const found = await db
      .selectFrom('cases as c')
      .innerJoin('persons as p', 'p.id', 'c.main_person_id')
      .select(['p.first_name', 'p.last_name', 'p.birth_year', 'c.intake_date', 'c.case_number'])
      .where('p.number_kind', '=', 'none')
      .where('c.intake_date', 'in', part)
      .execute();
    for (const f of found) namelessKeys.set(`${personKey({ canonical: null, numberKind: 'none', birthYear: f.birth_year ?? 0, firstName: f.first_name, lastName: f.last_name })}|${f.intake_date}`, f.case_number);
  }
  const workers = await db.selectFrom('workers').select(['id', 'name', 'active']).execute();
  const workersByName = new Map<string, typeof workers>();
  for (const w of workers) workersByName.set(foldWord(w.name), [...(workersByName.get(foldWord(w.name)) ?? []), w]);

  const accepted: PlannedCase[] = [];
  for (const r of read) {
    const reasons: string[] = [];
    const victim = r.victim.canonical ? persons.get(r.victim.canonical) : undefined;
    if (r.caseReference && importedRefs.has(r.caseReference)) reasons.push(`Redan importerat: ärendenumret ”${r.caseReference}” finns i Fristad (ärende ${importedRefs.get(r.caseReference)}).`);
    const sameDay = victim ? casesByPersonDate.get(`${victim.id}|${r.intakeDate}`) : r.victim.canonical === null ? namelessKeys.get(`${r.victimKey}|${r.intakeDate}`) : undefined;
    if (sameDay && !reasons.length) reasons.push(`Finns redan: personen har ett ärende aktualiserat ${r.intakeDate} i Fristad (ärende ${sameDay}).`);
    if (!victim && (!r.victim.firstName || !r.victim.lastName)) reasons.push('Personen finns inte i Fristad och raden saknar för- eller efternamn.');
    const perpetrator = r.perpetrator?.canonical ? persons.get(r.perpetrator.canonical) : undefined;
    if (r.perpetrator && !perpetrator && (!r.perpetrator.firstName || !r.perpetrator.lastName)) {
      reasons.push(`Våldsutövaren ${r.perpetrator.canonical} finns inte i Fristad: skriv för- och efternamn efter numret, t.ex. ${r.perpetrator.canonical} Kalle Karlsson.`);
    }
    let worker = { id: importer.id, name: importer.name };
    if (r.worker) {
      const named = workersByName.get(foldWord(r.worker)) ?? [];
      if (named.length === 0) reasons.push(`Handläggaren ”${r.worker}” finns inte i Fristad. Lägg upp handläggaren först, rätta namnet, eller lämna cellen tom så blir du handläggare.`);
      else if (named.length > 1) reasons.push(`Det finns flera handläggare som heter ”${r.worker}”. Lämna cellen tom och byt handläggare i ärendet efteråt.`);
      else if (named[0]!.active !== 1 && r.status !== 'closed') reasons.push(`Handläggaren ”${named[0]!.name}” är inaktiverad; ett öppet ärende behöver en aktiv handläggare.`);
      else worker = { id: named[0]!.id, name: named[0]!.name };
    }
    if (reasons.length > 0) {
      refused.push({ rowNumber: r.rowNumber, reasons });
      continue;
    }
    accepted.push({
      ...r,
      victimPerson: { ...r.victim, personId: victim?.id ?? null, firstName: victim?.first_name ?? r.victim.firstName, lastName: victim?.last_name ?? r.victim.lastName },
      perpetratorPerson: r.perpetrator ? { ...r.perpetrator, personId: perpetrator?.id ?? null, firstName: perpetrator?.first_name ?? r.perpetrator.firstName, lastName: perpetrator?.last_name ?? r.perpetrator.lastName } : null,
      workerId: worker.id,
      workerName: worker.name,
    });
  }
  refused.sort((a, b) => a.rowNumber - b.rowNumber);
  return { accepted, refused };
}

/** The months new cases count in: their intake months and closing months. */
function caseMonths(cases: readonly Insertable<Database['cases']>[]): Set<string> {
  const months = new Set<string>();
  for (const c of cases) {
    months.add(c.intake_date.slice(0, 7));
    if (c.closed_at) months.add(c.closed_at.slice(0, 7));
  }
  return months;
}

/** The report of a plan, before it is committed (plain loops: the accepted list of a large log has ten thousand rows). */
function caseLogReport(rows: number, accepted: PlannedCase[], refused: RefusedRow[]): CaseLogReport {
  const newPersons = new Set<string>();
  const list: CaseLogAcceptedRow[] = new Array(accepted.length);
  let drafts = 0;
  for (let i = 0; i < accepted.length; i++) {
    const a = accepted[i]!;
    if (a.victimPerson.personId === null) newPersons.add(personKey(a.victimPerson));
    if (a.perpetratorPerson && a.perpetratorPerson.personId === null) newPersons.add(personKey(a.perpetratorPerson));
    if (a.note !== '') drafts++;
    list[i] = {
      rowNumber: a.rowNumber,
      caseReference: a.caseReference,
      personalNumber: a.victimPerson.canonical,
      name: `${a.victimPerson.firstName} ${a.victimPerson.lastName}`.trim(),
      intakeDate: a.intakeDate,
      status: a.status,
      newPerson: a.victimPerson.personId === null,
      workerName: a.workerName,
      draft: a.note !== '',
    };
  }
  return { committed: false, rowCount: rows, accepted: list, refused, newPersons: newPersons.size, newCases: accepted.length, drafts };
}

/** What the case-log import would do, row by row; nothing is written. Noted in the access log as a read. */
export async function dryRunCaseLog(session: Session, input: CaseLogInput, now = new Date()): Promise<CaseLogReport> {
  const rows = await readImportRows(input);
  const { accepted, refused } = await planCaseLog(session.db, rows, input, session.worker, now);
  session.audit.note({ action: 'imports.dry_run', entityType: 'import', detail: { kind: 'case_log', rows: rows.length, accepted: accepted.length, refused: refused.length } });
  await session.audit.flush();
  const report = caseLogReport(rows.length, accepted, refused);
  keepPlan(session, caseLogKey(input, now), { accepted, report } satisfies CaseLogPlan);
  return report;
}

interface CaseLogPlan {
  accepted: PlannedCase[];
  /** The report of the plan (the refused rows among it), as the dry run showed it: the commit's report is the same with `committed` set. */
  report: CaseLogReport;
}

const caseLogKey = (input: CaseLogInput, now: Date) => planKey('case_log', input, { fileName: input.fileName, mapping: input.mapping, defaultSource: input.defaultSource }, localIsoDate(now));

/**
 * Imports the accepted rows of a case log in one transaction — all or none.
 * The dry run's plan is used when nothing was written since it was made;
 * else the plan is made again inside the transaction. Either way a second
 * import of the same file finds every case already there and writes nothing
 * new. Each row becomes a
 * case with Fristad's own case number (the unit's number kept as its
 * external reference), the victim (found by number or registered, gender
 * from the log), the person who used violence when the log names one, the
 * violence types, the status path to the status in the log, the worker, and
 * the note as a draft journal entry of the importing worker dated the intake
 * date — a draft, so nobody signs a text they did not write; the worker
 * reads and signs or changes it. One audit event covers the import.
 */
export async function commitCaseLog(session: Session, input: CaseLogInput, now = new Date()): Promise<CaseLogReport> {
  const at = now.toISOString();
  const importerId = session.worker.id;
  return withCheckpointAfter(session.vault.sqlite, () =>
    session.db.transaction().execute(async (trx) => {
      // The dry run's plan when nothing was written since (plan-cache.ts); otherwise read and check the file again, inside the transaction.
      const plan =
        takePlan<CaseLogPlan>(session, caseLogKey(input, now)) ??
        (await (async () => {
          const read = await readImportRows(input);
          const { accepted, refused } = await planCaseLog(trx, read, input, session.worker, now);
          return { accepted, report: caseLogReport(read.length, accepted, refused) };
        })());
      const { accepted, report } = plan;
      const importId = newImportId();
      const nextId = orderedIds(now);
      const caseNumber = await caseNumbers(trx, accepted.map((a) => Number(a.intakeDate.slice(0, 4))));
      const made: NewPersons = { persons: [], tokens: [], pairs: [] };
      const cases: Insertable<Database['cases']>[] = [];
      const types: Insertable<Database['case_violence_types']>[] = [];
      const members: Insertable<Database['case_persons']>[] = [];
      const statusEvents: Insertable<Database['case_status_events']>[] = [];
      const assignments: Insertable<Database['case_assignments']>[] = [];
      const journal: Insertable<Database['journal_entries']>[] = [];
      const registered = new Map<string, string>();
      const stamp = { at, by: importerId, importId };
      const personOf = (p: PlannedPerson, gender: Database['persons']['gender']): string => {
        if (p.personId) return p.personId;
        const key = personKey(p);
        let id = registered.get(key);
        if (id) return id;
        id = nextId();
        registered.set(key, id);
        pushImportedPerson(made, id, p, gender, stamp);
        return id;
      };
      // In order of intake date: the ids, case numbers and the intake-date indexes (five on cases) then all
      // grow in one direction, so each index is written in runs of neighbouring pages, not a page per row.
      const inIntakeOrder = [...accepted].sort((x, y) => (x.intakeDate < y.intakeDate ? -1 : x.intakeDate > y.intakeDate ? 1 : x.rowNumber - y.rowNumber));
      for (const a of inIntakeOrder) {
        const caseId = nextId();
        const victimId = personOf(a.victimPerson, a.victimPerson.gender);
        cases.push({
          id: caseId, case_number: caseNumber(Number(a.intakeDate.slice(0, 4))), main_person_id: victimId, intake_date: a.intakeDate, intake_source: a.intakeSource,
          status: a.status, assigned_worker_id: a.workerId, closed_at: a.closingDate, created_at: at, created_by: importerId, updated_at: at,
          relation: a.relation, first_contact_date: a.firstContactDate, children_in_household: a.childrenInHousehold, closing_reason: a.closingReason,
          import_id: importId, external_ref: a.caseReference,
        });
        for (const t of a.violenceTypes) types.push({ case_id: caseId, violence_type: t, intake_date: a.intakeDate });
        members.push({ case_id: caseId, person_id: victimId, role: 'victim', child_exposure: null });
        if (a.perpetratorPerson) members.push({ case_id: caseId, person_id: personOf(a.perpetratorPerson, 'okant'), role: 'perpetrator', child_exposure: null });
        statusEvents.push({ case_id: caseId, from_status: null, to_status: 'intake', event_date: a.intakeDate, worker_id: importerId, at });
        if (a.status !== 'intake') statusEvents.push({ case_id: caseId, from_status: 'intake', to_status: a.status, event_date: a.closingDate ?? a.firstContactDate ?? a.intakeDate, worker_id: importerId, at });
        assignments.push({ case_id: caseId, worker_id: a.workerId, assigned_by: importerId, at });
        if (a.note) {
          journal.push({
            id: nextId(), case_id: caseId, entry_date: a.intakeDate, author_id: importerId, text: `${IMPORTED_NOTE_HEADING}\n${a.note}`, status: 'draft',
            signed_at: null, signed_by: null, corrects_entry_id: null, created_at: at, updated_at: at,
          });
        }
      }
      await recordImportBatch(session, trx, importId, 'case_log', input.base64, { rows: report.rowCount, accepted: accepted.length, refused: report.refused.length, persons: made.persons.length, cases: cases.length, placements: 0, drafts: journal.length }, at);
      const sqlite = session.vault.sqlite;
      insertImportedPersons(trx, sqlite, made);
      // Every case is new: the statistics of their intake and closing months are struck off once, not per row.
      writeWithStatisticsHeld(trx, sqlite, caseMonths(cases), () => {
        insertMany(trx, sqlite, 'cases', cases);
        // The rows as made, in intake order with growing ids: each index keyed by case id grows at its end, and each
        // violence type's stretch of the (type, intake date, case) index grows in one direction (see bulk.ts, orderedIds).
        insertMany(trx, sqlite, 'case_violence_types', types);
        insertMany(trx, sqlite, 'case_persons', members);
      });
      insertMany(trx, sqlite, 'case_status_events', statusEvents);
      insertMany(trx, sqlite, 'case_assignments', assignments);
      insertMany(trx, sqlite, 'journal_entries', journal);
      // The notes' words into the journal search's word list (journal/terms.ts), as a journal write in the app does.
      if (journal.length > 0) await gatherJournalTerms(trx);
      return { ...report, committed: true };
    }),
  );
}
