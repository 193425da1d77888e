import type { Kysely } from 'kysely';
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

export function findByPersonalNumber(db: Kysely<Database>, canonical: string) {
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

/**
 * Persons having, for every query word, a name token that starts with it.
 * The first word drives an index range scan on `person_search`.
 */
export function searchByNameTokens(db: Kysely<Database>, words: string[], limit: number) {
  const [first, ...rest] = words;
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
          .whereRef('sx.person_id', '=', 'persons.id')
          .where('sx.token', '>=', w)
          .where('sx.token', '<', w + PREFIX_END),
      ),
    );
  });
  return q.limit(limit).execute();
}
