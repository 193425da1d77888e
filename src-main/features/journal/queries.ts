import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { SNIPPET_END, SNIPPET_START } from './fts-query.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The columns of an entry as the journal shows it: its author's and signer's names, the date of the entry it corrects. */
function entrySelect(db: Db) {
  return db
    .selectFrom('journal_entries as j')
    .innerJoin('workers as a', 'a.id', 'j.author_id')
    .leftJoin('workers as s', 's.id', 'j.signed_by')
    .leftJoin('journal_entries as c', 'c.id', 'j.corrects_entry_id')
    .select([
      'j.id',
      'j.case_id',
      'j.entry_date',
      'j.text',
      'j.status',
      'j.author_id',
      'a.name as author_name',
      'j.signed_by',
      's.name as signer_name',
      'j.signed_at',
      'j.corrects_entry_id',
      'c.entry_date as corrects_entry_date',
      'j.created_at',
      'j.updated_at',
    ]);
}

export type EntryRow = NonNullable<Awaited<ReturnType<typeof findEntry>>>;

/** One entry with names, or undefined. */
export function findEntry(db: Db, id: string) {
  return entrySelect(db).where('j.id', '=', id).executeTakeFirst();
}

/** Every entry of a case in journal order: entry date, then when written. */
export function listEntries(db: Db, caseId: string) {
  return entrySelect(db).where('j.case_id', '=', caseId).orderBy('j.entry_date').orderBy('j.created_at').orderBy('j.id').execute();
}

/** Ids of the entries correcting the given one, in journal order. */
export async function correctionIds(db: Db, entryId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('journal_entries')
    .select('id')
    .where('corrects_entry_id', '=', entryId)
    .orderBy('entry_date')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The bare row for a rule check (status, author, case) before a write. */
export function findEntryForWrite(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('journal_entries').select(['id', 'case_id', 'author_id', 'status']).where('id', '=', id).executeTakeFirst();
}

export async function caseExists(db: Db, caseId: string): Promise<boolean> {
  return (await db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst()) !== undefined;
}

export interface SearchRow {
  id: string;
  case_id: string;
  case_number: string;
  entry_date: string;
  status: 'draft' | 'signed';
  marked: string;
}

/** Words of context in a search snippet. */
const SNIPPET_TOKENS = 12;

/**
 * Up to this many matches are ranked by relevance. bm25 reads the whole
 * match list of every term to weigh it, so ranking a word found in most of
 * 500,000 entries costs a tenth of a second; past this many matches the
 * newest entries are shown instead, which costs little at any size.
 */
export const RANK_WINDOW = 1000;

/** How a search's hits are ordered: by bm25 relevance, or (for very many matches) newest written first. */
export type SearchOrder = 'best_match' | 'newest';

/**
 * Full-text search over every journal entry. With fewer than RANK_WINDOW
 * matches the best come first (`ORDER BY rank`, FTS5's bm25, sorted inside
 * FTS5 so snippet() runs only for the hits returned); with more, the newest.
 * `match` must come from ftsMatchExpression; it is bound as a parameter,
 * never spliced into the SQL.
 */
export async function searchEntries(db: Kysely<Database>, match: string, limit: number): Promise<{ rows: SearchRow[]; order: SearchOrder }> {
  const beyond = await sql<{ rowid: number }>`
    SELECT rowid FROM journal_fts WHERE journal_fts MATCH ${match} ORDER BY rowid DESC LIMIT 1 OFFSET ${RANK_WINDOW - 1}`.execute(db);
  const order: SearchOrder = beyond.rows.length > 0 ? 'newest' : 'best_match';
  // Fixed SQL fragments chosen here, never user input.
  const sortKey = order === 'newest' ? sql`-rowid` : sql`rank`;
  const orderBy = order === 'newest' ? sql`rowid DESC` : sql`rank`;
  const r = await sql<SearchRow>`
    SELECT j.id, j.case_id, c.case_number, j.entry_date, j.status, hit.marked
    FROM (
      SELECT rowid AS rid, ${sortKey} AS sort_key, snippet(journal_fts, 0, ${SNIPPET_START}, ${SNIPPET_END}, '…', ${SNIPPET_TOKENS}) AS marked
      FROM journal_fts
      WHERE journal_fts MATCH ${match}
      ORDER BY ${orderBy}
      LIMIT ${limit}
    ) AS hit
    JOIN journal_entries AS j ON j.rowid = hit.rid
    JOIN cases AS c ON c.id = j.case_id
    ORDER BY hit.sort_key`.execute(db);
  return { rows: r.rows, order };
}
