import { sql, type Kysely } from 'kysely';

/**
 * Statistics, second part (issue 8): placements, risk assessments and safety
 * plans now count in the kept monthly counts, so a change to them strikes off
 * the months they count in (see 0070). No table changes; no data is touched.
 *
 * - A placement counts in every month from its start to its end (days and
 *   cost per month; open placements through the end of time).
 * - An accompanying child counts in its placement's months.
 * - A price period changes the cost of every month from its first day on.
 * - A risk assessment counts in its own month and in its case's intake month
 *   (days to the first assessment); a safety plan in its case's intake month.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const strikeSpan = (from: string, to: string) => `DELETE FROM statistics_counted WHERE frozen = 0 AND month >= substr(${from}, 1, 7) AND month <= coalesce(substr(${to}, 1, 7), '9999-12');`;
  const strike = (months: string) => `DELETE FROM statistics_counted WHERE frozen = 0 AND month IN (${months});`;
  const caseMonth = (ref: string) => `(SELECT substr(intake_date, 1, 7) FROM cases WHERE id = ${ref})`;
  const parentSpan = (ref: string) =>
    `DELETE FROM statistics_counted WHERE frozen = 0 AND EXISTS (SELECT 1 FROM placements p WHERE p.id = ${ref} AND month >= substr(p.start_date, 1, 7) AND month <= coalesce(substr(p.end_date, 1, 7), '9999-12'));`;
  const triggers: [string, string, string][] = [
    ['placements_insert', 'AFTER INSERT ON placements', strikeSpan('NEW.start_date', 'NEW.end_date')],
    ['placements_update', 'AFTER UPDATE ON placements', `${strikeSpan('OLD.start_date', 'OLD.end_date')} ${strikeSpan('NEW.start_date', 'NEW.end_date')}`],
    ['placements_delete', 'AFTER DELETE ON placements', strikeSpan('OLD.start_date', 'OLD.end_date')],
    ['placement_children_insert', 'AFTER INSERT ON placement_children', parentSpan('NEW.placement_id')],
    ['placement_children_update', 'AFTER UPDATE ON placement_children', `${parentSpan('OLD.placement_id')} ${parentSpan('NEW.placement_id')}`],
    ['placement_children_delete', 'AFTER DELETE ON placement_children', parentSpan('OLD.placement_id')],
    ['shelter_price_periods_insert', 'AFTER INSERT ON shelter_price_periods', strikeSpan('NEW.valid_from', 'NULL')],
    ['shelter_price_periods_update', 'AFTER UPDATE ON shelter_price_periods', `${strikeSpan('OLD.valid_from', 'NULL')} ${strikeSpan('NEW.valid_from', 'NULL')}`],
    ['shelter_price_periods_delete', 'AFTER DELETE ON shelter_price_periods', strikeSpan('OLD.valid_from', 'NULL')],
    ['risk_assessments_insert', 'AFTER INSERT ON risk_assessments', strike(`substr(NEW.assessed_on, 1, 7), ${caseMonth('NEW.case_id')}`)],
    ['risk_assessments_update', 'AFTER UPDATE ON risk_assessments', strike(`substr(OLD.assessed_on, 1, 7), substr(NEW.assessed_on, 1, 7), ${caseMonth('OLD.case_id')}, ${caseMonth('NEW.case_id')}`)],
    ['risk_assessments_delete', 'AFTER DELETE ON risk_assessments', strike(`substr(OLD.assessed_on, 1, 7), ${caseMonth('OLD.case_id')}`)],
    ['safety_plans_insert', 'AFTER INSERT ON safety_plans', strike(caseMonth('NEW.case_id'))],
    ['safety_plans_update', 'AFTER UPDATE ON safety_plans', strike(`${caseMonth('OLD.case_id')}, ${caseMonth('NEW.case_id')}`)],
    ['safety_plans_delete', 'AFTER DELETE ON safety_plans', strike(caseMonth('OLD.case_id'))],
  ];
  for (const [name, when, body] of triggers) {
    await sql.raw(`CREATE TRIGGER statistics_${name} ${when} BEGIN ${body} END`).execute(db);
  }
  // Every month counted before this version lacks the new measures: count them again on the next read (frozen months keep what they had).
  await sql`DELETE FROM statistics_counted WHERE frozen = 0`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Fristad migrations are forward-only.');
}
