import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { foldToken, searchWords, tokenWords } from './fts-query.js';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * A search word of at most this many characters stays an FTS5 prefix query:
 * the index keeps ready-made match lists for prefixes of 2, 3 and 4
 * characters (migration 0030), which FTS5 reads as it goes.
 */
const PREFIX_INDEXED_CHARS = 4;
/** A longer word that begins this many journal words or more stays a prefix query too (the expression would grow past what pays). */
export const MAX_EXPANSIONS = 40;

/** The first string after every string that starts with `prefix` (for a range scan): the last code point raised by one. */
function prefixEnd(prefix: string): string {
  const last = prefix.codePointAt(prefix.length - 1)!;
  const lastLength = last > 0xffff ? 2 : 1;
  return prefix.slice(0, prefix.length - lastLength) + String.fromCodePoint(last + 1);
}

function quoted(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * The journal's words that start with `prefix` (folded), from the gathered
 * words and those written since — at most `MAX_EXPANSIONS + 1`, so the caller
 * sees when there are too many.
 */
async function wordsStartingWith(db: Db, prefix: string): Promise<string[]> {
  const end = prefixEnd(prefix);
  const r = await sql<{ term: string }>`
    SELECT term FROM journal_terms WHERE term >= ${prefix} AND term < ${end}
    UNION SELECT term FROM journal_terms_new_vocab WHERE term >= ${prefix} AND term < ${end}
    ORDER BY term LIMIT ${MAX_EXPANSIONS + 1}`.execute(db);
  return r.rows.map((x) => x.term);
}

/**
 * The FTS5 MATCH expression for what a worker typed, with the same hits as
 * ftsMatchExpression (every word a prefix, all words must occur) but cheaper
 * to answer: a word longer than the prefix indexes becomes the journal words
 * that start with it, by name ("kontakt" → ("kontakt" OR "kontakten" OR
 * "kontaktförbud")); a short word, or one that begins very many words, stays
 * a prefix query. Null when nothing is searchable.
 *
 * A word the journal does not know in its folded form — a letter this fold
 * and FTS5's differ on — also stays a prefix query, which FTS5 folds itself,
 * so a difference in folding costs speed, never a hit.
 */
export async function journalMatchExpression(db: Db, query: string): Promise<string | null> {
  const words = searchWords(query);
  if (words.length === 0) return null;
  const parts: string[] = [];
  for (const word of words) {
    const prefixQuery = `${quoted(word)}*`;
    const folded = foldToken(word);
    if ([...folded].length <= PREFIX_INDEXED_CHARS) {
      parts.push(prefixQuery);
      continue;
    }
    const terms = await wordsStartingWith(db, folded);
    if (terms.length === 0 || terms.length > MAX_EXPANSIONS) parts.push(prefixQuery);
    else if (terms.length === 1) parts.push(quoted(terms[0]!));
    else parts.push(`(${terms.map(quoted).join(' OR ')})`);
  }
  return parts.join(' AND ');
}

/**
 * Moves the words of entries written since the last time into
 * `journal_terms`, and empties the waiting table. Cheap when few entries
 * wait; run after every write of a journal text.
 */
export async function gatherJournalTerms(db: Db): Promise<void> {
  await sql`INSERT OR IGNORE INTO journal_terms (term) SELECT term FROM journal_terms_new_vocab`.execute(db);
  await sql`INSERT INTO journal_terms_new (journal_terms_new) VALUES ('delete-all')`.execute(db);
}

/**
 * Forgets words no entry holds any more — after a draft is changed or
 * deleted, or cases are deleted by retention — so a deleted text leaves no
 * word of it (a name, an address) behind in the word list. `candidates`
 * limits the check to those words (folded); without it every word is checked
 * (one index lookup each).
 */
export async function forgetUnusedJournalTerms(db: Db, candidates?: readonly string[]): Promise<void> {
  await gatherJournalTerms(db);
  if (candidates === undefined) {
    await sql`DELETE FROM journal_terms WHERE NOT EXISTS (
      SELECT 1 FROM journal_fts WHERE journal_fts MATCH '"' || replace(journal_terms.term, '"', '""') || '"')`.execute(db);
    return;
  }
  for (const term of new Set(candidates)) {
    const used = await sql<{ one: number }>`SELECT 1 AS one FROM journal_fts WHERE journal_fts MATCH ${quoted(term)} LIMIT 1`.execute(db);
    if (used.rows.length === 0) await db.deleteFrom('journal_terms').where('term', '=', term).execute();
  }
}

/** The folded words of a text, as candidates for forgetUnusedJournalTerms. */
export function foldedWordsOf(text: string): string[] {
  return tokenWords(text).map(foldToken);
}
