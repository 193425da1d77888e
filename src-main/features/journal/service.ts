import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { localIsoDate } from '../../domain/dates.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { JournalEntry, JournalSearchResult, journalCorrectSchema, journalCreateSchema, journalUpdateDraftSchema } from './contract.js';
import { searchWords, snippet } from './fts-query.js';
import { foldedWordsOf, forgetUnusedJournalTerms, gatherJournalTerms, journalMatchExpression } from './terms.js';
import { caseExists, correctionIds, findEntry, findEntryForWrite, listEntries, searchEntries } from './queries.js';
import { entryFromRow } from './rows.js';

const SIGNED_IS_FINAL = 'En signerad anteckning kan inte ändras. Skriv en rättelse.';
const DEFAULT_SEARCH_LIMIT = 25;

/** Refuses an entry date after today (the worker's local date). */
function checkEntryDate(entryDate: string, now: Date): void {
  if (entryDate > localIsoDate(now)) {
    throw new ValidationError([{ path: 'entryDate', code: 'future', message: 'Anteckningens datum kan inte ligga i framtiden.' }]);
  }
}

/** The database's own guard (trigger `journal_entries_signed_immutable`) answers as the code's check would. */
function isSignedImmutableError(err: unknown): boolean {
  return err instanceof Error && 'code' in err && String((err as { code: unknown }).code).startsWith('SQLITE_CONSTRAINT') && err.message.includes('signed journal entry is immutable');
}

/** Runs a write, turning the trigger's refusal into the same Swedish conflict the checks give. */
export async function withSignedGuard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isSignedImmutableError(err)) throw new ConflictError(SIGNED_IS_FINAL);
    throw err;
  }
}

async function loadEntry(trx: Transaction<Database>, session: Session, id: string): Promise<JournalEntry> {
  const row = await findEntry(trx, id);
  if (!row) throw new NotFoundError('Anteckningen');
  return entryFromRow(row, await correctionIds(trx, id), session.worker.id);
}

/** A draft the session's worker may still change: it exists, is a draft, and is theirs. */
async function ownDraft(trx: Transaction<Database>, session: Session, id: string, verb: 'ändra' | 'ta bort') {
  const row = await findEntryForWrite(trx, id);
  if (!row) throw new NotFoundError('Anteckningen');
  if (row.status === 'signed') {
    throw new ConflictError(verb === 'ändra' ? SIGNED_IS_FINAL : 'En signerad anteckning kan inte tas bort. Skriv en rättelse.');
  }
  if (row.author_id !== session.worker.id) {
    throw new ForbiddenError(`Bara den som skrev utkastet kan ${verb} det.`);
  }
  return row;
}

/** A case's journal in order, with who wrote and signed each entry; the read is logged in the same transaction. */
export async function listJournal(session: Session, caseId: string): Promise<JournalEntry[]> {
  return session.db.transaction().execute(async (trx) => {
    if (!(await caseExists(trx, caseId))) throw new NotFoundError('Ärendet');
    const rows = await listEntries(trx, caseId);
    const correctedBy = new Map<string, string[]>();
    for (const r of rows) {
      if (r.corrects_entry_id) correctedBy.set(r.corrects_entry_id, [...(correctedBy.get(r.corrects_entry_id) ?? []), r.id]);
    }
    await session.audit.record(trx, { action: 'journal.read', entityType: 'case', entityId: caseId, detail: { entries: rows.length } });
    return rows.map((r) => entryFromRow(r, correctedBy.get(r.id) ?? [], session.worker.id));
  });
}

async function insertDraft(trx: Transaction<Database>, session: Session, values: { caseId: string; entryDate: string; text: string; correctsEntryId: string | null }, now: Date): Promise<string> {
  const id = randomUUID();
  const at = now.toISOString();
  await trx
    .insertInto('journal_entries')
    .values({
      id,
      case_id: values.caseId,
      entry_date: values.entryDate,
      author_id: session.worker.id,
      text: values.text,
      status: 'draft',
      signed_at: null,
      signed_by: null,
      corrects_entry_id: values.correctsEntryId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await gatherJournalTerms(trx);
  return id;
}

/** Writes a new draft in a case by the session's worker. */
export async function createEntry(session: Session, input: z.output<typeof journalCreateSchema>, now: Date = new Date()): Promise<JournalEntry> {
  checkEntryDate(input.entryDate, now);
  return session.db.transaction().execute(async (trx) => {
    if (!(await caseExists(trx, input.caseId))) throw new NotFoundError('Ärendet');
    const id = await insertDraft(trx, session, { caseId: input.caseId, entryDate: input.entryDate, text: input.text, correctsEntryId: null }, now);
    await session.audit.record(trx, { action: 'journal.create', entityType: 'journal_entry', entityId: id, detail: { caseId: input.caseId } });
    return loadEntry(trx, session, id);
  });
}

/** Changes the date and text of one's own draft. */
export async function updateDraft(session: Session, input: z.output<typeof journalUpdateDraftSchema>, now: Date = new Date()): Promise<JournalEntry> {
  checkEntryDate(input.entryDate, now);
  return withSignedGuard(() =>
    session.db.transaction().execute(async (trx) => {
      const row = await ownDraft(trx, session, input.id, 'ändra');
      await trx
        .updateTable('journal_entries')
        .set({ entry_date: input.entryDate, text: input.text, updated_at: now.toISOString() })
        .where('id', '=', input.id)
        .execute();
      const kept = new Set(foldedWordsOf(input.text));
      await forgetUnusedJournalTerms(trx, foldedWordsOf(row.text).filter((w) => !kept.has(w)));
      await session.audit.record(trx, { action: 'journal.update', entityType: 'journal_entry', entityId: input.id, detail: { caseId: row.case_id } });
      return loadEntry(trx, session, input.id);
    }),
  );
}

/**
 * Signs a draft: from now on it is final. The author signs; a samordnare may
 * sign a colleague's draft (for instance when the author has left the unit).
 */
export async function signEntry(session: Session, id: string, now: Date = new Date()): Promise<JournalEntry> {
  return withSignedGuard(() =>
    session.db.transaction().execute(async (trx) => {
      const row = await findEntryForWrite(trx, id);
      if (!row) throw new NotFoundError('Anteckningen');
      if (row.status === 'signed') throw new ConflictError('Anteckningen är redan signerad.');
      if (row.author_id !== session.worker.id && session.worker.role !== 'samordnare') {
        throw new ForbiddenError('Bara den som skrev utkastet, eller en samordnare, kan signera det.');
      }
      const at = now.toISOString();
      await trx.updateTable('journal_entries').set({ status: 'signed', signed_by: session.worker.id, signed_at: at, updated_at: at }).where('id', '=', id).execute();
      await session.audit.record(trx, { action: 'journal.sign', entityType: 'journal_entry', entityId: id, detail: { caseId: row.case_id } });
      return loadEntry(trx, session, id);
    }),
  );
}

/** Writes a correction: a new draft in the same case that refers to a signed entry. A draft is edited instead. */
export async function correctEntry(session: Session, input: z.output<typeof journalCorrectSchema>, now: Date = new Date()): Promise<JournalEntry> {
  checkEntryDate(input.entryDate, now);
  return session.db.transaction().execute(async (trx) => {
    const target = await findEntryForWrite(trx, input.entryId);
    if (!target) throw new NotFoundError('Anteckningen');
    if (target.status !== 'signed') {
      throw new ConflictError('Ett utkast rättas inte: ändra utkastet i stället.');
    }
    const id = await insertDraft(trx, session, { caseId: target.case_id, entryDate: input.entryDate, text: input.text, correctsEntryId: target.id }, now);
    await session.audit.record(trx, { action: 'journal.correct', entityType: 'journal_entry', entityId: id, detail: { caseId: target.case_id, correctsEntryId: target.id } });
    return loadEntry(trx, session, id);
  });
}

/** Deletes one's own draft. Signed entries are never deleted here. */
export async function deleteDraft(session: Session, id: string): Promise<null> {
  await session.db.transaction().execute(async (trx) => {
    const row = await ownDraft(trx, session, id, 'ta bort');
    await trx.deleteFrom('journal_entries').where('id', '=', id).where('status', '=', 'draft').execute();
    await forgetUnusedJournalTerms(trx, foldedWordsOf(row.text));
    await session.audit.record(trx, { action: 'journal.delete_draft', entityType: 'journal_entry', entityId: id, detail: { caseId: row.case_id } });
  });
  return null;
}

/**
 * Full-text search in every journal entry. Each word typed is searched as a
 * prefix, folded for case and diacritics ("koket" finds "köket"); all words
 * must occur. The search is noted in the log with its result count only.
 * Hits come best match first, or newest first when the words are very common.
 */
export async function searchJournal(session: Session, query: string, limit = DEFAULT_SEARCH_LIMIT): Promise<JournalSearchResult> {
  const match = await journalMatchExpression(session.db, query);
  if (!match) return { hits: [], order: 'best_match' };
  const { rows, order } = await searchEntries(session.db, match, limit);
  const words = searchWords(query);
  session.audit.note({ action: 'journal.search', entityType: 'journal_entry', detail: { results: rows.length } });
  return {
    hits: rows.map((r) => ({
      entryId: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      entryDate: r.entry_date,
      status: r.status,
      snippet: snippet(r.text, words),
    })),
    order,
  };
}
