import { randomBytes } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ValidationError } from '../../domain/errors.js';
import { insertMany } from '../../db/bulk-insert.js';
import type { SqliteHandle } from '../../db/connection.js';
import { MAX_IMPORT_ROWS } from './contract.js';
import { readTable } from './read-table.js';
import { nextCaseNumber } from '../cases/queries.js';
import { namePairs, nameTokens } from '../persons/queries.js';

/** A list in parts small enough for one `IN (…)` lookup each. */
export function chunks<T>(list: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Case numbers for new cases, per intake year: each year's highest is read
 * once, up front, then counted on — so the import's loop over ten thousand
 * rows never waits for the database.
 */
export async function caseNumbers(trx: Transaction<Database>, years: Iterable<number>): Promise<(year: number) => string> {
  const next = new Map<number, number>();
  for (const year of new Set(years)) next.set(year, Number((await nextCaseNumber(trx, year)).slice(5)));
  return (year: number): string => {
    const n = next.get(year);
    if (n === undefined) throw new Error(`case numbers: the year ${year} was not read first`);
    next.set(year, n + 1);
    return `${year}-${String(n).padStart(4, '0')}`;
  };
}

/** The search keys of a person registered by an import: name tokens and their pairs, as `writeNameKeys` writes them one by one. */
export function pushNameKeys(personId: string, firstName: string, lastName: string, tokens: Insertable<Database['person_search']>[], pairs: Insertable<Database['person_name_pairs']>[]): void {
  const own = nameTokens(firstName, lastName);
  for (const token of own) tokens.push({ token, person_id: personId });
  for (const pair of namePairs(own)) pairs.push({ pair, person_id: personId });
}

/** The data rows of the file, refused when there are too many or when the mapping names a column the file lacks. */
export async function readImportRows(input: { fileName: string; base64: string; mapping: Partial<Record<string, number | null>> }): Promise<string[][]> {
  const t = await readTable(input.fileName, input.base64);
  if (t.rows.length > MAX_IMPORT_ROWS) throw new ValidationError([{ path: 'base64', code: 'too_many_rows', message: `Filen har ${t.rows.length} rader. Högst ${MAX_IMPORT_ROWS} rader kan importeras åt gången.` }]);
  const width = Math.max(t.headers.length, 1);
  for (const [f, i] of Object.entries(input.mapping)) {
    if (i != null && i >= width) throw new ValidationError([{ path: `mapping.${f}`, code: 'no_column', message: 'Filen har ingen sådan kolumn.' }]);
  }
  return t.rows;
}

export interface NewPersons {
  persons: Insertable<Database['persons']>[];
  tokens: Insertable<Database['person_search']>[];
  pairs: Insertable<Database['person_name_pairs']>[];
}

/**
 * Adds a person registered by an import (no contact details, no protection
 * recorded: the worker completes them) and their search keys to the rows to write.
 */
export function pushImportedPerson(
  into: NewPersons,
  id: string,
  p: { firstName: string; lastName: string; numberKind: Database['persons']['number_kind']; canonical: string | null; birthYear: number },
  gender: Database['persons']['gender'],
  made: { at: string; by: string; importId: string },
): void {
  into.persons.push({
    id, first_name: p.firstName, last_name: p.lastName, number_kind: p.numberKind, personal_number: p.canonical, birth_year: p.birthYear,
    gender, protection_level: 'none', created_at: made.at, created_by: made.by, updated_at: made.at,
    street_address: null, postal_code: null, city: null, phone: null, email: null, language: null, import_id: made.importId,
  });
  pushNameKeys(id, p.firstName, p.lastName, into.tokens, into.pairs);
}

/**
 * Writes the persons an import registers, with their search keys. Their ids
 * grow (orderedIds), so each index keyed by id is written at its end. Their
 * numbers are spread over the whole number index, so the persons go in the
 * order of their number and that index is walked once. The name keys go as
 * made: a new person's keys land at the end of each name word's stretch, and
 * sorting ten thousand of them by word saved nothing (measured).
 */
export function insertImportedPersons(trx: Transaction<Database>, sqlite: SqliteHandle, made: NewPersons): void {
  insertMany(trx, sqlite, 'persons', byKey(made.persons, (p) => p.personal_number ?? ''));
  insertMany(trx, sqlite, 'person_search', made.tokens);
  insertMany(trx, sqlite, 'person_name_pairs', made.pairs);
}

/**
 * Ids for the records of one import that sort in the order they are made:
 * UUID version 7 — the time in milliseconds, then a random part fixed for
 * the import and a counter. Ten thousand new ids then fall in one narrow
 * stretch of every index keyed by id, so the commit dirties (and encrypts
 * and writes) a few hundred pages there instead of one page per row spread
 * over the whole index, as random ids would in a store of 100,000 persons.
 * Unique like random ids: the random part has 40 bits, the counter 32.
 *
 * @example const next = orderedIds(new Date()); next() < next() // true
 */
export function orderedIds(now: Date): () => string {
  const time = Math.max(0, Math.floor(now.getTime())).toString(16).padStart(12, '0').slice(-12);
  const random = randomBytes(5).toString('hex');
  // Everything but the counter is fixed for the import: one prefix, made once.
  const prefix = `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(0, 3)}-8${random.slice(3, 6)}-${random.slice(6)}`;
  let counter = 0;
  return () => prefix + (counter++).toString(16).padStart(8, '0');
}

/**
 * Rows in the order of their key, so a bulk insert walks each index once
 * instead of jumping about it. Rows with the same key keep the order given.
 */
export function byKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  // Each key made once, not once per comparison; the order sorted as row numbers (no wrapper objects).
  const keys = rows.map(key);
  const order = new Array<number>(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : a - b));
  const out = new Array<T>(rows.length);
  for (let i = 0; i < out.length; i++) out[i] = rows[order[i]!]!;
  return out;
}
