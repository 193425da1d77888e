import { sql, type Kysely } from 'kysely';

/**
 * Statistics: a bulk write of new cases may hold the insert triggers and
 * strike its months off once (issue 6).
 *
 * The triggers of 0070 strike a month off `statistics_counted` on every row
 * that counts in it. For an import of ten thousand cases that is some 47,000
 * trigger runs — a case, its members, its violence types — each looking its
 * case up again to strike a month the case's own row has already struck:
 * about a tenth of the import's time.
 *
 * - `statistics_held` has a row only inside the transaction of such a write
 *   (features/statistics/held.ts, which strikes off the months of the new
 *   cases before it deletes the row, so the row never outlives the write).
 * - While it has one, the insert triggers of cases, case members and
 *   violence types do nothing. Their bodies are those of 0070, unchanged.
 *   Updates and deletes strike as before, held or not.
 *
 * No data change.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE statistics_held (held INTEGER PRIMARY KEY CHECK (held = 1)) STRICT`.execute(db);
  const notHeld = 'WHEN NOT EXISTS (SELECT 1 FROM statistics_held)';
  const strike = (months: string) => `DELETE FROM statistics_counted WHERE frozen = 0 AND month IN (${months});`;
  const caseMonth = (ref: string) => `(SELECT substr(intake_date, 1, 7) FROM cases WHERE id = ${ref})`;
  const triggers: [string, string, string][] = [
    ['cases_insert', 'AFTER INSERT ON cases', strike('substr(NEW.intake_date, 1, 7), substr(NEW.closed_at, 1, 7)')],
    ['case_persons_insert', 'AFTER INSERT ON case_persons', strike(caseMonth('NEW.case_id'))],
    ['case_violence_types_insert', 'AFTER INSERT ON case_violence_types', strike(caseMonth('NEW.case_id'))],
  ];
  for (const [name, on, body] of triggers) {
    await sql.raw(`DROP TRIGGER statistics_${name}`).execute(db);
    await sql.raw(`CREATE TRIGGER statistics_${name} ${on} ${notHeld} BEGIN ${body} END`).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Fristad migrations are forward-only.');
}
