import { sql, type Kysely } from 'kysely';

/**
 * Statistics (issue 8): monthly counts with no identities (month, measure,
 * dimension, value, count — the shape of the privacy feature's monthly
 * aggregates), kept so a dashboard reads a few hundred rows instead of
 * counting every case. `statistics_counted` lists the months whose counts are
 * current; triggers strike a month off whenever a row that counts in it
 * changes, and the next read counts that month again. A `frozen` month is
 * never struck off nor recounted: retention freezes the months of the cases it
 * deletes, so last year's figures survive the deletion.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE statistics_months (
    month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    measure TEXT NOT NULL,
    dimension TEXT NOT NULL,
    value TEXT NOT NULL,
    count INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (month, measure, dimension, value)
  ) STRICT, WITHOUT ROWID`.execute(db);
  await sql`CREATE TABLE statistics_counted (
    month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    frozen INTEGER NOT NULL DEFAULT 0 CHECK (frozen IN (0, 1))
  ) STRICT, WITHOUT ROWID`.execute(db);

  const strike = (months: string) => `DELETE FROM statistics_counted WHERE frozen = 0 AND month IN (${months});`;
  const caseMonth = (ref: string) => `(SELECT substr(intake_date, 1, 7) FROM cases WHERE id = ${ref})`;
  const triggers: [string, string, string][] = [
    ['cases_insert', 'AFTER INSERT ON cases', strike('substr(NEW.intake_date, 1, 7), substr(NEW.closed_at, 1, 7)')],
    ['cases_update', 'AFTER UPDATE ON cases', strike('substr(OLD.intake_date, 1, 7), substr(OLD.closed_at, 1, 7), substr(NEW.intake_date, 1, 7), substr(NEW.closed_at, 1, 7)')],
    ['cases_delete', 'AFTER DELETE ON cases', strike('substr(OLD.intake_date, 1, 7), substr(OLD.closed_at, 1, 7)')],
    ['services_insert', 'AFTER INSERT ON services', strike(`substr(NEW.start_date, 1, 7), ${caseMonth('NEW.case_id')}`)],
    ['services_update', 'AFTER UPDATE ON services', strike(`substr(OLD.start_date, 1, 7), substr(NEW.start_date, 1, 7), ${caseMonth('OLD.case_id')}, ${caseMonth('NEW.case_id')}`)],
    ['services_delete', 'AFTER DELETE ON services', strike(`substr(OLD.start_date, 1, 7), ${caseMonth('OLD.case_id')}`)],
    ['decisions_insert', 'AFTER INSERT ON decisions', strike(`substr(NEW.decision_date, 1, 7), ${caseMonth('NEW.case_id')}`)],
    ['decisions_update', 'AFTER UPDATE ON decisions', strike(`substr(OLD.decision_date, 1, 7), substr(NEW.decision_date, 1, 7), ${caseMonth('OLD.case_id')}, ${caseMonth('NEW.case_id')}`)],
    ['decisions_delete', 'AFTER DELETE ON decisions', strike(`substr(OLD.decision_date, 1, 7), ${caseMonth('OLD.case_id')}`)],
    ['case_persons_insert', 'AFTER INSERT ON case_persons', strike(caseMonth('NEW.case_id'))],
    ['case_persons_update', 'AFTER UPDATE ON case_persons', strike(`${caseMonth('OLD.case_id')}, ${caseMonth('NEW.case_id')}`)],
    ['case_persons_delete', 'AFTER DELETE ON case_persons', strike(caseMonth('OLD.case_id'))],
    ['case_violence_types_insert', 'AFTER INSERT ON case_violence_types', strike(caseMonth('NEW.case_id'))],
    ['case_violence_types_delete', 'AFTER DELETE ON case_violence_types', strike(caseMonth('OLD.case_id'))],
    ['persons_update', 'AFTER UPDATE OF gender, birth_year ON persons', strike(`SELECT substr(intake_date, 1, 7) FROM cases WHERE main_person_id = NEW.id`)],
  ];
  for (const [name, when, body] of triggers) {
    await sql.raw(`CREATE TRIGGER statistics_${name} ${when} BEGIN ${body} END`).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Fristad migrations are forward-only.');
}
