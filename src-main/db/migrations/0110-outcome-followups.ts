import { sql, type Kysely } from 'kysely';

/**
 * Outcome follow-up (utfallsuppföljning, issue 8): the short template a worker
 * fills with a person at intake and at closing — their own rating of safety
 * and of well-being (1–5), whether the violence has stopped, and at closing
 * their view of the help (1–5) — so the dashboard can show the change at
 * group level, by service.
 *
 * - One row per person, case and phase (`UNIQUE`): at most one intake and one
 *   closing follow-up of a person in a case.
 * - A rating the person did not want to give is stored as NULL. The form
 *   never leaves a rating out by accident: the worker must pick 1–5 or
 *   "vill inte svara", so NULL always means declined.
 * - The view of the help belongs to the closing follow-up only (CHECK).
 * - `comment` is internal free text: it never enters statistics or exports.
 * - The rows go with their case or person (ON DELETE CASCADE), so retention
 *   deletes them with the case.
 *
 * Statistics count a pair (intake + closing of one person in a closed case)
 * in the month the case was closed, by each service given in the case: so a
 * change to a follow-up, to the case (0070) or to a service of a closed case
 * strikes off that closing month. Months counted before this version lack the
 * new measures and are counted again on the next read (frozen months keep
 * what they had).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE outcome_followups (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    person_id TEXT NOT NULL REFERENCES persons(id) ON DELETE CASCADE,
    phase TEXT NOT NULL CHECK (phase IN ('intake', 'closing')),
    followed_up_on TEXT NOT NULL CHECK (followed_up_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    safety INTEGER CHECK (safety BETWEEN 1 AND 5),
    well_being INTEGER CHECK (well_being BETWEEN 1 AND 5),
    violence_stopped TEXT NOT NULL CHECK (violence_stopped IN ('yes', 'partly', 'no', 'unknown')),
    help_rating INTEGER CHECK (help_rating BETWEEN 1 AND 5),
    comment TEXT,
    worker_id TEXT NOT NULL REFERENCES workers(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (case_id, person_id, phase),
    CHECK (phase = 'closing' OR help_rating IS NULL)
  ) STRICT`.execute(db);
  await sql`CREATE INDEX outcome_followups_person ON outcome_followups(person_id)`.execute(db);

  const closingMonth = (ref: string) => `(SELECT substr(closed_at, 1, 7) FROM cases WHERE id = ${ref})`;
  const strike = (months: string) => `DELETE FROM statistics_counted WHERE frozen = 0 AND month IN (${months});`;
  const triggers: [string, string, string][] = [
    ['outcome_followups_insert', 'AFTER INSERT ON outcome_followups', strike(closingMonth('NEW.case_id'))],
    ['outcome_followups_update', 'AFTER UPDATE ON outcome_followups', strike(`${closingMonth('OLD.case_id')}, ${closingMonth('NEW.case_id')}`)],
    ['outcome_followups_delete', 'AFTER DELETE ON outcome_followups', strike(closingMonth('OLD.case_id'))],
    // A service counts an outcome pair in its case's closing month (0070 strikes only its own and the intake month).
    ['outcome_services_insert', 'AFTER INSERT ON services', strike(closingMonth('NEW.case_id'))],
    ['outcome_services_update', 'AFTER UPDATE ON services', strike(`${closingMonth('OLD.case_id')}, ${closingMonth('NEW.case_id')}`)],
    ['outcome_services_delete', 'AFTER DELETE ON services', strike(closingMonth('OLD.case_id'))],
  ];
  for (const [name, when, body] of triggers) {
    await sql.raw(`CREATE TRIGGER statistics_${name} ${when} BEGIN ${body} END`).execute(db);
  }
  await sql`DELETE FROM statistics_counted WHERE frozen = 0`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Fristad migrations are forward-only.');
}
