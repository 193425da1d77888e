import { randomUUID } from 'node:crypto';
import type { Session } from '../../api/context.js';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { normaliseReserveNumber, parsePersonalNumber, type PersonalNumberError } from '../../domain/personal-number.js';
import { foldForSearch } from '../../domain/search-text.js';
import type { PersonsTable } from '../../db/schema.js';
import type { z } from 'zod';
import type { PersonAddress, PersonDetail, PersonSummary, personCreateSchema, personUpdateSchema } from './contract.js';
import { addressForScreen } from '../../domain/protected-identity.js';
import { isAddressProtected } from '../../domain/vocabulary.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { findByPersonalNumber, searchByNameTokens, searchByNumberPrefix, writeNameKeys } from './queries.js';
import { PERSON_SUMMARY_COLUMNS, personFromRow } from './rows.js';

const NUMBER_MESSAGES: Record<PersonalNumberError, string> = {
  format: 'Skriv numret som ÅÅÅÅMMDD-NNNN (eller ÅÅMMDD-NNNN).',
  checksum: 'Kontrollsiffran stämmer inte. Kontrollera numret.',
  date: 'Datumdelen är inget riktigt datum.',
  future: 'Födelsedatumet ligger i framtiden.',
};

type ParsedCreate = z.output<typeof personCreateSchema>;
type ParsedUpdate = z.output<typeof personUpdateSchema>;

function contactColumns(contact: ParsedCreate['contact']) {
  return {
    street_address: contact?.streetAddress ?? null,
    postal_code: contact?.postalCode ?? null,
    city: contact?.city ?? null,
    phone: contact?.phone ?? null,
    email: contact?.email ?? null,
    language: contact?.language ?? null,
    interpreter_needed: contact?.interpreterNeeded ? 1 : 0,
  };
}

/** Resolves the identity fields into the columns stored, or a field error in Swedish. */
export function resolveIdentity(identity: ParsedCreate['identity'], today: Date, issuePath = ''): Pick<PersonsTable, 'number_kind' | 'personal_number' | 'birth_year'> {
  if (identity.kind === 'personnummer') {
    const parsed = parsePersonalNumber(identity.value, today);
    if (!parsed.ok) {
      throw new ValidationError([{ path: `${issuePath}identity.value`, code: `personal_number_${parsed.error}`, message: NUMBER_MESSAGES[parsed.error] }]);
    }
    return { number_kind: parsed.value.kind, personal_number: parsed.value.canonical, birth_year: parsed.value.birthYear };
  }
  if (identity.kind === 'reservnummer') {
    const value = normaliseReserveNumber(identity.value);
    if (!value) throw new ValidationError([{ path: `${issuePath}identity.value`, code: 'reserve_number', message: 'Ange reservnumret (1–40 tecken).' }]);
    return { number_kind: 'reservnummer', personal_number: `R:${value}`, birth_year: null };
  }
  return { number_kind: 'none', personal_number: null, birth_year: identity.birthYear };
}

/**
 * Registers a person inside the caller's transaction (a case intake adds
 * several people in one). A number already in the register is refused with
 * the existing person's id, so the view can open it instead of a twin.
 */
export async function insertPerson(session: Session, trx: Transaction<Database>, input: ParsedCreate, now: Date, issuePath = ''): Promise<PersonSummary> {
  const identity = resolveIdentity(input.identity, now, issuePath);
  if (identity.personal_number) {
    const existing = await findByPersonalNumber(trx, identity.personal_number);
    if (existing) {
      throw new ConflictError('Det finns redan en person med det numret. Den befintliga personen öppnas i stället.', existing.id, `${issuePath}identity.value`);
    }
  }
  const id = randomUUID();
  const at = now.toISOString();
  const row = {
    id,
    first_name: input.firstName,
    last_name: input.lastName,
    ...identity,
    gender: input.gender,
    protection_level: input.protectionLevel,
    created_at: at,
    created_by: session.worker.id,
    updated_at: at,
    ...contactColumns(input.contact),
  };
  await trx.insertInto('persons').values(row).execute();
  await writeNameKeys(trx, id, input.firstName, input.lastName);
  await session.audit.record(trx, { action: 'persons.create', entityType: 'person', entityId: id });
  return personFromRow(row);
}

/**
 * Only the contact fields the worker sent: a field left out keeps its value
 * (so a form that never showed a protected address cannot erase it), an
 * empty one clears it.
 */
function changedContactColumns(contact: ParsedUpdate['contact']) {
  if (!contact) return {};
  const all = contactColumns(contact);
  const sent: Partial<typeof all> = {};
  if (contact.streetAddress !== undefined) sent.street_address = all.street_address;
  if (contact.postalCode !== undefined) sent.postal_code = all.postal_code;
  if (contact.city !== undefined) sent.city = all.city;
  if (contact.phone !== undefined) sent.phone = all.phone;
  if (contact.email !== undefined) sent.email = all.email;
  if (contact.language !== undefined) sent.language = all.language;
  if (contact.interpreterNeeded !== undefined) sent.interpreter_needed = all.interpreter_needed;
  return sent;
}

/** Registers one person in a transaction of its own. */
export async function createPerson(session: Session, input: ParsedCreate, now: Date = new Date()): Promise<PersonSummary> {
  return session.db.transaction().execute((trx) => insertPerson(session, trx, input, now));
}

/** Changes a person's details. A new number that belongs to someone else is refused; the search tokens follow the name. */
export async function updatePerson(session: Session, input: ParsedUpdate, now: Date = new Date()): Promise<PersonDetail> {
  const identity = resolveIdentity(input.identity, now);
  await session.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('persons').select(['id']).where('id', '=', input.id).executeTakeFirst();
    if (!current) throw new NotFoundError('Personen');
    if (identity.personal_number) {
      const other = await findByPersonalNumber(trx, identity.personal_number);
      if (other && other.id !== input.id) throw new ConflictError('Numret tillhör en annan person i registret.', other.id);
    }
    await trx
      .updateTable('persons')
      .set({
        first_name: input.firstName,
        last_name: input.lastName,
        ...identity,
        gender: input.gender,
        protection_level: input.protectionLevel,
        updated_at: now.toISOString(),
        ...changedContactColumns(input.contact),
      })
      .where('id', '=', input.id)
      .execute();
    await writeNameKeys(trx, input.id, input.firstName, input.lastName);
    await session.audit.record(trx, { action: 'persons.update', entityType: 'person', entityId: input.id });
  });
  return getPerson(session, input.id, { audit: false });
}

/** Shows a protected address on purpose: its own audit event, so the access-log review can see who looked. */
export async function revealAddress(session: Session, id: string): Promise<PersonAddress> {
  return session.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('persons').select(['street_address', 'postal_code', 'city', 'protection_level']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new NotFoundError('Personen');
    await session.audit.record(trx, {
      action: 'persons.reveal_address',
      entityType: 'person',
      entityId: id,
      detail: { protected: isAddressProtected(row.protection_level) },
    });
    return { streetAddress: row.street_address, postalCode: row.postal_code, city: row.city };
  });
}

/**
 * Forms of a partly typed number that canonical numbers (`YYYYMMDD-NNNC`) can
 * start with. Digits that begin with 19 or 20, or have a dash after the eighth
 * digit, may be the long form being typed; up to ten digits may be the short
 * form, in this century or the last. Every reading is searched.
 *
 * @example numberPrefixes('199112', today) // ['199112', '20199112', '19199112']
 */
export function numberPrefixes(query: string, today: Date): string[] {
  const compact = query.replace(/\s+/g, '');
  const digits = compact.replace(/[-+]/g, '');
  if (!/^\d+$/.test(digits)) return [];
  const withDash = (d: string) => (d.length > 8 ? `${d.slice(0, 8)}-${d.slice(8)}` : d);
  const century = Math.floor(today.getUTCFullYear() / 100);
  const out = new Set<string>();
  const dashAfter8 = /^\d{8}[-+]/.test(compact);
  if (digits.length <= 12 && (dashAfter8 || /^(19|20)/.test(digits))) out.add(withDash(digits));
  if (!dashAfter8 && digits.length <= 10) {
    const full = digits.length === 10 ? parsePersonalNumber(compact, today) : null;
    if (full?.ok) out.add(full.value.canonical);
    else {
      out.add(withDash(`${century}${digits}`));
      out.add(withDash(`${century - 1}${digits}`));
    }
  }
  return [...out];
}

/** Search as the worker types: by name (case and diacritics folded) or by number in any common format. */
export async function searchPersons(session: Session, query: string, limit = 25, today: Date = new Date()): Promise<PersonSummary[]> {
  const trimmed = query.trim();
  if (trimmed.length === 0) return [];
  let rows;
  const prefixes = numberPrefixes(trimmed, today);
  if (prefixes.length > 0 && /^[\d\s\-+]+$/.test(trimmed)) {
    if (trimmed.replace(/\D/g, '').length < 4) return [];
    rows = await searchByNumberPrefix(session.db, prefixes, limit);
  } else {
    const words = foldForSearch(trimmed).split(/[\s\-']+/).filter((w) => w.length > 0);
    if (words.length === 0) return [];
    rows = await searchByNameTokens(session.db, words, limit);
    rows.sort((a, b) => a.last_name.localeCompare(b.last_name, 'sv') || a.first_name.localeCompare(b.first_name, 'sv'));
  }
  session.audit.note({ action: 'persons.search', entityType: 'person', detail: { results: rows.length } });
  return rows.map(personFromRow);
}

/** Opens a person: the read is logged in the same transaction. */
export async function getPerson(session: Session, id: string, opts: { audit: boolean } = { audit: true }): Promise<PersonDetail> {
  return session.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('persons')
      .select([...PERSON_SUMMARY_COLUMNS, 'gender', 'created_at', 'street_address', 'postal_code', 'city', 'phone', 'email', 'language', 'interpreter_needed'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('Personen');
    const cases = await trx
      .selectFrom('case_persons')
      .innerJoin('cases', 'cases.id', 'case_persons.case_id')
      .select(['cases.id', 'cases.case_number', 'case_persons.role', 'cases.status', 'cases.intake_date'])
      .where('case_persons.person_id', '=', id)
      .orderBy('cases.intake_date', 'desc')
      .execute();
    if (opts.audit) await session.audit.record(trx, { action: 'persons.read', entityType: 'person', entityId: id });
    return {
      ...personFromRow(row),
      gender: row.gender,
      createdAt: row.created_at,
      phone: row.phone,
      email: row.email,
      language: row.language,
      interpreterNeeded: row.interpreter_needed === 1,
      address: addressForScreen(row.protection_level, { streetAddress: row.street_address, postalCode: row.postal_code, city: row.city }),
      cases: cases.map((c) => ({ caseId: c.id, caseNumber: c.case_number, role: c.role, status: c.status, intakeDate: c.intake_date })),
    };
  });
}
