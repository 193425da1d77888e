import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

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

/** The bare row for a rule check (status, author, case) before a write, and its text (whose words a change may leave unused). */
export function findEntryForWrite(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('journal_entries').select(['id', 'case_id', 'author_id', 'status', 'text']).where('id', '=', id).executeTakeFirst();
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
  text: string;
}

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
 * Full-text search over every journal entry: the entries of one page of
 * hits, with their texts (the caller builds the snippets from them, so FTS5
 * never reads a text again). One pass over the match lists, newest first,
 * stops at RANK_WINDOW matches: if it got that far the page is its first
 * rows (order 'newest'); otherwise the few matches are ranked by FTS5's
 * bm25 (`ORDER BY rank`, order 'best_match'). `match` must come from
 * ftsMatchExpression; it is bound as a parameter, never spliced into the SQL.
 */
export async function searchEntries(db: Kysely<Database>, match: string, limit: number): Promise<{ rows: SearchRow[]; order: SearchOrder }> {
  // The newest matches up to RANK_WINDOW, read once; only their count and the first page leave SQLite.
  const newest = await sql<{ rowid: number; n: number }>`
    WITH m AS MATERIALIZED (SELECT rowid FROM journal_fts WHERE journal_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${RANK_WINDOW})
    SELECT rowid, (SELECT count(*) FROM m) AS n FROM m ORDER BY rowid DESC LIMIT ${limit}`.execute(db);
  const matches = newest.rows[0]?.n ?? 0;
  const order: SearchOrder = matches >= RANK_WINDOW ? 'newest' : 'best_match';
  let page = newest.rows.map((r) => r.rowid);
  if (order === 'best_match' && matches > 1) {
    const ranked = await sql<{ rowid: number }>`
      SELECT rowid FROM journal_fts WHERE journal_fts MATCH ${match} ORDER BY rank LIMIT ${limit}`.execute(db);
    page = ranked.rows.map((r) => r.rowid);
  }
  if (page.length === 0) return { rows: [], order };
  const found = await db
    .selectFrom('journal_entries as j')
    .innerJoin('cases as c', 'c.id', 'j.case_id')
    .select(['j.seq', 'j.id', 'j.case_id', 'c.case_number', 'j.entry_date', 'j.status', 'j.text'])
    .where('j.seq', 'in', page)
    .execute();
  const bySeq = new Map(found.map((r) => [r.seq, r]));
  const rows: SearchRow[] = [];
  for (const seq of page) {
    const r = bySeq.get(seq);
    if (r) rows.push({ id: r.id, case_id: r.case_id, case_number: r.case_number, entry_date: r.entry_date, status: r.status, text: r.text });
  }
  return { rows, order };
}
