import type { Session } from '../../api/context.js';
import type { Core } from '../../core.js';
import { localIsoDate } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import type { PrintDelivery, PrintModel } from '../../print/engine.js';
import { pdfLayout } from '../../print/pdf-options.js';
import { NotFoundError } from '../../domain/errors.js';
import { maskOthers } from '../../domain/extract-masking.js';
import { importsOf } from './log-review.js';
import { documentsForExtract, type DocumentsWithheld, type ExtractDocuments } from './extract-documents.js';
import { personForDocument, type Address } from '../../domain/protected-identity.js';
import type { CaseRole, CaseStatus, Gender, PersonNumberKind, ProtectionLevel } from '../../domain/vocabulary.js';

export interface ExtractCase {
  caseNumber: string;
  roles: CaseRole[];
  /** The person is the case's main person: its journal is theirs (others masked). Otherwise the journal is about someone else and left out. */
  isMainPerson: boolean;
  intakeDate: string;
  intakeSource: string;
  status: CaseStatus;
  closedAt: string | null;
  violenceTypes: string[];
  assignedWorkerName: string;
  journal: { entryDate: string; authorName: string; text: string; isCorrection: boolean }[];
  decisions: { decisionDate: string; serviceType: string; serviceLabel: string; outcome: string; legalGround: string; decidedBy: string }[];
  services: { serviceType: string; serviceLabel: string; startDate: string; endDate: string | null }[];
  /** Assessments, plans, checklists and placements that concern the person. */
  documents: ExtractDocuments;
}

export interface RegisterExtract {
  producedAt: string;
  unitName: string;
  producedByName: string;
  person: {
    firstName: string;
    lastName: string;
    numberKind: PersonNumberKind;
    personalNumber: string | null;
    birthYear: number | null;
    gender: Gender;
    protectionLevel: ProtectionLevel;
    address: Address | null;
    addressWithheld: boolean;
    phone: string | null;
    email: string | null;
    language: string | null;
    interpreterNeeded: boolean;
    registeredAt: string;
  };
  cases: ExtractCase[];
  /** Who has opened or changed the person's record, newest first. */
  access: { at: string; workerName: string; action: string }[];
  accessTruncated: boolean;
  /** What was left out or masked, so the coordinator sees it before producing. */
  withheld: { otherPersons: number; maskedMentions: number; casesWithoutJournal: number; decisionsForOthers: number; servicesForOthers: number } & DocumentsWithheld;
}

const ACCESS_LIMIT = 2000;

/**
 * Everything the store holds about one person, leaving out other people:
 * other persons in the same cases are not listed, their decisions and
 * services are left out, and their names and numbers in the journal text of
 * the person's own cases are masked. A case where the person is not the main
 * person (e.g. the person who used violence) is listed with its dates and the
 * person's role, without the journal, which is about someone else.
 * The address goes through `personForDocument`: never shown under protection.
 */
export async function buildExtract(session: Session, personId: string, unitName: string, action: 'privacy.extract_preview' | 'privacy.extract_pdf' = 'privacy.extract_preview'): Promise<RegisterExtract> {
  const db = session.db;
  const p = await db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!p) throw new NotFoundError('Personen');
  const subject = { firstName: p.first_name, lastName: p.last_name, personalNumber: p.personal_number };
  const doc = personForDocument({
    firstName: p.first_name,
    lastName: p.last_name,
    numberKind: p.number_kind,
    personalNumber: p.personal_number,
    birthYear: p.birth_year,
    gender: p.gender,
    protectionLevel: p.protection_level,
    address: { streetAddress: p.street_address, postalCode: p.postal_code, city: p.city },
    phone: p.phone,
    email: p.email,
    language: p.language,
    interpreterNeeded: p.interpreter_needed === 1,
    registeredAt: p.created_at,
  });

  const memberships = await db.selectFrom('case_persons').select(['case_id', 'role']).where('person_id', '=', personId).execute();
  const mainOf = await db.selectFrom('cases').select('id').where('main_person_id', '=', personId).execute();
  const caseIds = [...new Set([...memberships.map((m) => m.case_id), ...mainOf.map((c) => c.id)])];
  const withheld = { otherPersons: 0, maskedMentions: 0, casesWithoutJournal: 0, decisionsForOthers: 0, servicesForOthers: 0, internalNotes: 0, shelterAddresses: 0, documentsForOthers: 0 };
  const others = new Set<string>();
  const cases: ExtractCase[] = [];
  for (const caseId of caseIds) {
    const c = await db.selectFrom('cases as c').innerJoin('workers as w', 'w.id', 'c.assigned_worker_id').selectAll('c').select('w.name as worker_name').where('c.id', '=', caseId).executeTakeFirstOrThrow();
    const people = await db.selectFrom('case_persons as cp').innerJoin('persons as q', 'q.id', 'cp.person_id').select(['q.id', 'q.first_name', 'q.last_name', 'q.personal_number']).where('cp.case_id', '=', caseId).execute();
    const otherPeople = people.filter((q) => q.id !== personId);
    for (const q of otherPeople) others.add(q.id);
    const isMainPerson = c.main_person_id === personId;
    const named = otherPeople.map((q) => ({ firstName: q.first_name, lastName: q.last_name, personalNumber: q.personal_number }));
    let journal: ExtractCase['journal'] = [];
    if (isMainPerson) {
      const entries = await db
        .selectFrom('journal_entries as j')
        .innerJoin('workers as w', 'w.id', 'j.author_id')
        .select(['j.entry_date', 'w.name', 'j.text', 'j.corrects_entry_id'])
        .where('j.case_id', '=', caseId)
        .where('j.status', '=', 'signed')
        .orderBy('j.entry_date')
        .orderBy('j.created_at')
        .execute();
      journal = entries.map((e) => {
        const m = maskOthers(e.text, subject, named);
        withheld.maskedMentions += m.masked;
        return { entryDate: e.entry_date, authorName: e.name, text: m.text, isCorrection: e.corrects_entry_id !== null };
      });
    } else {
      withheld.casesWithoutJournal++;
    }
    const decisions = await db.selectFrom('decisions as d').innerJoin('service_types as t', 't.code', 'd.service_type').select(['d.person_id', 'd.decision_date', 'd.service_type', 't.label', 'd.outcome', 'd.legal_ground', 'd.decided_by']).where('d.case_id', '=', caseId).orderBy('d.decision_date').execute();
    const services = await db.selectFrom('services as s').innerJoin('service_types as t', 't.code', 's.service_type').select(['s.person_id', 's.service_type', 't.label', 's.start_date', 's.end_date']).where('s.case_id', '=', caseId).orderBy('s.start_date').execute();
    withheld.decisionsForOthers += decisions.filter((d) => d.person_id !== personId).length;
    withheld.servicesForOthers += services.filter((s) => s.person_id !== personId).length;
    const types = await db.selectFrom('case_violence_types').select('violence_type').where('case_id', '=', caseId).orderBy('violence_type').execute();
    cases.push({
      caseNumber: c.case_number,
      roles: memberships.filter((m) => m.case_id === caseId).map((m) => m.role),
      isMainPerson,
      intakeDate: c.intake_date,
      intakeSource: c.intake_source,
      status: c.status,
      closedAt: c.closed_at,
      violenceTypes: types.map((t) => t.violence_type),
      assignedWorkerName: c.worker_name,
      journal,
      decisions: decisions.filter((d) => d.person_id === personId).map((d) => ({ decisionDate: d.decision_date, serviceType: d.service_type, serviceLabel: d.label, outcome: d.outcome, legalGround: d.legal_ground, decidedBy: d.decided_by })),
      services: services.filter((s) => s.person_id === personId).map((s) => ({ serviceType: s.service_type, serviceLabel: s.label, startDate: s.start_date, endDate: s.end_date })),
      documents: await documentsForExtract(db, caseId, personId, isMainPerson, { subject, others: named }, withheld),
    });
  }
  withheld.otherPersons = others.size;
  cases.sort((a, b) => b.intakeDate.localeCompare(a.intakeDate));

  // The person's own events, their cases' events, and the one event of each import that registered them or opened one of their cases.
  const entityIds = [personId, ...(await importsOf(db, personId, caseIds))];
  const access = await db
    .selectFrom('audit_events as a')
    .leftJoin('workers as w', 'w.id', 'a.worker_id')
    .select(['a.at', 'w.name', 'a.action'])
    .where((eb) => (caseIds.length ? eb.or([eb('a.entity_id', 'in', entityIds), eb('a.case_ref', 'in', caseIds)]) : eb('a.entity_id', 'in', entityIds)))
    .orderBy('a.at', 'desc')
    .limit(ACCESS_LIMIT + 1)
    .execute();

  await session.audit.append({ action, entityType: 'person', entityId: personId, detail: { cases: cases.length } });
  return {
    producedAt: new Date().toISOString(),
    unitName,
    producedByName: session.worker.name,
    person: { ...doc, address: doc.address, addressWithheld: doc.addressWithheld },
    cases,
    access: access.slice(0, ACCESS_LIMIT).map((a) => ({ at: a.at, workerName: a.name ?? '—', action: a.action })),
    accessTruncated: access.length > ACCESS_LIMIT,
    withheld,
  };
}

/** Producing (printing) the extract is its own logged event, flagged for the review. */
export async function recordExtractProduced(session: Session, personId: string): Promise<{ producedAt: string }> {
  const exists = await session.db.selectFrom('persons').select('id').where('id', '=', personId).executeTakeFirst();
  if (!exists) throw new NotFoundError('Personen');
  await session.audit.append({ action: 'privacy.extract_print', entityType: 'person', entityId: personId });
  return { producedAt: new Date().toISOString() };
}

/** The print route's model of a register extract. */
export interface RegisterExtractPrint {
  kind: 'register_extract';
  extract: RegisterExtract;
}

/** The extract as a PDF through the print engine (Chromium), with the secrecy marking in the page header; producing it is logged. */
export async function extractToPdf(core: Core, session: Session, personId: string): Promise<PrintDelivery> {
  const engine = core.printEngine;
  if (!engine) throw new AppError('conflict', 'Utskrift är inte tillgänglig i den här miljön.');
  const extract = await buildExtract(session, personId, core.settings.unitName, 'privacy.extract_pdf');
  const model: RegisterExtractPrint = { kind: 'register_extract', extract };
  const pdf = await engine.toPdf(model as unknown as PrintModel, pdfLayout({ unitName: extract.unitName, copyLabel: 'Registerutdrag' }));
  // The file name names no one: what it is and the date.
  return engine.deliver(pdf, `registerutdrag-${localIsoDate(new Date())}.pdf`);
}
