import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { PERSON_SUMMARY_COLUMNS } from './rows.js';
import { foldForSearch } from '../../domain/search-text.js';

/** Upper bound for a prefix range on an indexed text column. */
const PREFIX_END = '\u{10FFFF}';

/** Search tokens of a person: each folded name part, for prefix search as the worker types. */
export function nameTokens(firstName: string, lastName: string): string[] {
  const words = foldForSearch(`${firstName} ${lastName}`).split(/[\s\-']+/).filter((w) => w.length > 0);
  return [...new Set(words)];
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

/**
 * Persons having, for every query word, a name token that starts with it.
 * With several words the rarest drives an index range scan on
 * `person_search`; each candidate is then probed for the other words by
 * person id (a covering index), so "anna påh" does not walk every Anna.
 */
export async function searchByNameTokens(db: Kysely<Database>, words: string[], limit: number) {
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
