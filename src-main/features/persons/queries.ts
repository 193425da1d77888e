import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { PERSON_SUMMARY_COLUMNS } from './rows.js';
import { foldForSearch } from '../../domain/search-text.js';

/** Upper bound for a prefix range on an indexed text column. */
const PREFIX_END = '\u{10FFFF}';

/** Search tokens of a person: each folded name part, for prefix search as the worker types. */
export function nameTokens(firstName: string, lastName: string): string[] {
  // Plain loops: an import registers ten thousand persons at a time.
  const tokens: string[] = [];
  for (const w of foldForSearch(`${firstName} ${lastName}`).split(/[\s\-']+/)) {
    if (w.length > 0 && !tokens.includes(w)) tokens.push(w);
  }
  return tokens;
}

/** Every ordered pair of two different tokens, "first second": the keys of `person_name_pairs`. */
export function namePairs(tokens: readonly string[]): string[] {
  const pairs: string[] = [];
  for (const a of tokens) for (const b of tokens) if (b !== a) pairs.push(`${a} ${b}`);
  return pairs;
}

/** Writes (or rewrites, after a change of name) a person's search keys: their name tokens and the pairs of them. */
export async function writeNameKeys(trx: Transaction<Database>, personId: string, firstName: string, lastName: string): Promise<void> {
  const tokens = nameTokens(firstName, lastName);
  await trx.deleteFrom('person_search').where('person_id', '=', personId).execute();
  await trx.deleteFrom('person_name_pairs').where('person_id', '=', personId).execute();
  if (tokens.length > 0) await trx.insertInto('person_search').values(tokens.map((token) => ({ token, person_id: personId }))).execute();
  const pairs = namePairs(tokens);
  if (pairs.length > 0) await trx.insertInto('person_name_pairs').values(pairs.map((pair) => ({ pair, person_id: personId }))).execute();
}

export function findByPersonalNumber(db: Kysely<Database> | Transaction<Database>, canonical: string) {
  return db.selectFrom('persons').select(PERSON_SUMMARY_COLUMNS).where('personal_number', '=', canonical).executeTakeFirst();
}

/** Persons whose number starts with one of the given canonical prefixes. */
export function searchByNumberPrefix(db: Kysely<Database>, prefixes: string[], limit: number) {
  return db
    .selectFrom('persons')
    .select(PERSON_SUMMARY_COLUMNS)
    .where((eb) => eb.or(prefixes.map((p) => eb.and([eb('personal_number', '>=', p), eb('personal_number', '<', p + PREFIX_END)]))))
    .orderBy('personal_number')
    .limit(limit)
    .execute();
}

/** How far to count a word's matches when choosing which word drives a search. */
const COUNT_CAP = 2000;

/** Number of name tokens starting with `word`, counted up to COUNT_CAP (an index-only scan). */
async function countTokenPrefix(db: Kysely<Database>, word: string): Promise<number> {
  const row = await db
    .selectFrom((eb) =>
      eb.selectFrom('person_search').select('person_id').where('token', '>=', word).where('token', '<', word + PREFIX_END).limit(COUNT_CAP).as('m'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** A word with more different tokens starting with it than this ("a") does not drive a pair search. */
const PAIR_DRIVER_CAP = 64;

/**
 * The different name tokens starting with each of two words, up to
 * PAIR_DRIVER_CAP + 1 each: one statement, each token found by one seek
 * past the previous (a skip scan), however many persons share it.
 */
async function distinctTokens(db: Kysely<Database>, a: string, b: string): Promise<[string[], string[]]> {
  const r = await sql<{ w: number; tok: string }>`
    WITH RECURSIVE
      ta(tok, n) AS (
        SELECT (SELECT token FROM person_search WHERE token >= ${a} AND token < ${a + PREFIX_END} ORDER BY token LIMIT 1), 1
        UNION ALL
        SELECT (SELECT token FROM person_search WHERE token > ta.tok AND token < ${a + PREFIX_END} ORDER BY token LIMIT 1), n + 1 FROM ta WHERE ta.tok IS NOT NULL AND n <= ${PAIR_DRIVER_CAP}),
      tb(tok, n) AS (
        SELECT (SELECT token FROM person_search WHERE token >= ${b} AND token < ${b + PREFIX_END} ORDER BY token LIMIT 1), 1
        UNION ALL
        SELECT (SELECT token FROM person_search WHERE token > tb.tok AND token < ${b + PREFIX_END} ORDER BY token LIMIT 1), n + 1 FROM tb WHERE tb.tok IS NOT NULL AND n <= ${PAIR_DRIVER_CAP})
    SELECT 0 AS w, tok FROM ta WHERE tok IS NOT NULL
    UNION ALL
    SELECT 1 AS w, tok FROM tb WHERE tok IS NOT NULL`.execute(db);
  const out: [string[], string[]] = [[], []];
  for (const row of r.rows) out[row.w === 0 ? 0 : 1].push(row.tok);
  return out;
}

/**
 * Two-word name search through `person_name_pairs`: for each (few) token
 * starting with the more selective word, one index range on the pairs
 * "token other…". Exact when neither word starts with the other — then the
 * two words need two different tokens, which is what a pair is. Undefined
 * when this path does not apply or would not be cheap; the caller then
 * searches token by token.
 */
export async function searchByNamePair(db: Kysely<Database>, words: readonly string[], limit: number) {
  if (words.length !== 2) return undefined;
  const [a, b] = words as [string, string];
  if (a.startsWith(b) || b.startsWith(a)) return undefined;
  const [ta, tb] = await distinctTokens(db, a, b);
  if (ta.length === 0 || tb.length === 0) return [];
  if (ta.length > PAIR_DRIVER_CAP && tb.length > PAIR_DRIVER_CAP) return undefined;
  const [drivers, other] = ta.length <= tb.length ? [ta, b] : [tb, a];
  return db
    .selectFrom('person_name_pairs as p')
    .innerJoin('persons', 'persons.id', 'p.person_id')
    .select(PERSON_SUMMARY_COLUMNS.map((c) => `persons.${c}` as const))
    .distinct()
    .where((eb) => eb.or(drivers.map((t) => eb.and([eb('p.pair', '>=', `${t} ${other}`), eb('p.pair', '<', `${t} ${other}${PREFIX_END}`)]))))
    .limit(limit)
    .execute();
}

/**
 * Persons having, for every query word, a name token that starts with it.
 * Two words go through the name pairs when that is exact and cheap (see
 * searchByNamePair); otherwise, and for one or three and more words:
 * With several words the rarest drives an index range scan on
 * `person_search`; each candidate is then probed for the other words by
 * person id (a covering index), so "anna påh" does not walk every Anna.
 */
export async function searchByNameTokens(db: Kysely<Database>, words: string[], limit: number) {
  const pairHits = await searchByNamePair(db, [...new Set(words)], limit);
  return pairHits ?? searchTokenByToken(db, words, limit);
}

/** The search as it was before the name pairs: the rarest word's token range, the other words probed per person. */
export async function searchTokenByToken(db: Kysely<Database>, words: string[], limit: number) {
  let ordered = [...new Set(words)];
  if (ordered.length > 1) {
    const counts = new Map<string, number>();
    for (const w of ordered) counts.set(w, await countTokenPrefix(db, w));
    ordered = ordered.sort((a, b) => counts.get(a)! - counts.get(b)! || b.length - a.length);
    if (counts.get(ordered[0]!) === 0) return [];
  }
  const [first, ...rest] = ordered;
  let q = db
    .selectFrom('person_search as s0')
    .innerJoin('persons', 'persons.id', 's0.person_id')
    .select(PERSON_SUMMARY_COLUMNS.map((c) => `persons.${c}` as const))
    .distinct()
    .where('s0.token', '>=', first!)
    .where('s0.token', '<', first! + PREFIX_END);
  rest.forEach((w) => {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('person_search as sx')
          .select('sx.person_id')
          .whereRef('sx.person_id', '=', 's0.person_id')
          .where('sx.token', '>=', w)
          .where('sx.token', '<', w + PREFIX_END),
      ),
    );
  });
  return q.limit(limit).execute();
}
