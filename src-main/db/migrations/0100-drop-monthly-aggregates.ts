import { sql, type Kysely } from 'kysely';

/**
 * `monthly_aggregates` (0060) and `statistics_months` (0070) kept the same
 * monthly counts without identities. The dashboard reads the latter, which
 * triggers keep current and retention freezes before it deletes; the former
 * was only ever written, by a full recount inside every retention run. It
 * goes: its counts are derived data, all of them also in `statistics_months`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE monthly_aggregates`.execute(db);
}
