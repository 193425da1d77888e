/**
 * The columns of a case log (ärendelogg), apart from the row rules so that
 * the renderer's import wizard can list them without the parsing code.
 */
/** The fields of Fristad a column of a case log can be mapped to, in the template's order. */
export const CASE_LOG_FIELDS = [
  'caseReference',
  'intakeDate',
  'intakeSource',
  'violenceTypes',
  'personalNumber',
  'firstName',
  'lastName',
  'birthYear',
  'gender',
  'perpetrator',
  'relation',
  'childrenInHousehold',
  'firstContactDate',
  'status',
  'closingDate',
  'closingReason',
  'worker',
  'note',
] as const;
export type CaseLogField = (typeof CASE_LOG_FIELDS)[number];
