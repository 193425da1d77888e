import type { Generated } from 'kysely';

/**
 * Row types of the vault's tables, as SQLite stores them (0/1 integers, ISO
 * text dates). Services never see these: each feature's `rows.ts` maps them.
 */

export interface WorkersTable {
  id: string;
  name: string;
  role: 'handlaggare' | 'samordnare';
  active: number;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface PersonsTable {
  id: string;
  first_name: string;
  last_name: string;
  number_kind: 'personnummer' | 'samordningsnummer' | 'reservnummer' | 'none';
  personal_number: string | null;
  birth_year: number | null;
  gender: 'kvinna' | 'man' | 'annat' | 'okant';
  protection_level: 'none' | 'sekretessmarkering' | 'skyddad_folkbokforing' | 'fingerade';
  created_at: string;
  created_by: string;
  updated_at: string;
  /** Secret for protected identities: read only through the address rules in domain/protected-identity.ts. */
  street_address: string | null;
  postal_code: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  language: string | null;
  interpreter_needed: Generated<number>;
  /** The import that registered the person (migration 0130); null when registered by hand. */
  import_id: Generated<string | null>;
}

export interface PersonSearchTable {
  token: string;
  person_id: string;
}

/** Two different name tokens of a person, "first second", in both orders (migration 0030). */
export interface PersonNamePairsTable {
  pair: string;
  person_id: string;
}

/** Every word of the journal as FTS5 folded it (migration 0150; journal/terms.ts). */
export interface JournalTermsTable {
  term: string;
}

export interface CasesTable {
  id: string;
  case_number: string;
  main_person_id: string;
  intake_date: string;
  intake_source: string;
  status: 'intake' | 'investigation' | 'ongoing' | 'closed';
  assigned_worker_id: string;
  closed_at: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  relation: 'partner' | 'ex_partner' | 'parent' | 'child' | 'sibling' | 'other_relative' | 'other_close' | null;
  first_contact_date: string | null;
  children_in_household: number | null;
  closing_reason: 'goal_met' | 'goal_partly_met' | 'goal_not_met' | 'moved_away' | 'declined_help' | 'other' | null;
  /** The import that opened the case (migration 0130); null when opened in Fristad. */
  import_id: Generated<string | null>;
  /** The unit's own case number from an imported case log, unique (migration 0130). */
  external_ref: Generated<string | null>;
}

export interface CaseViolenceTypesTable {
  case_id: string;
  violence_type: string;
  /** The case's intake date (migration 0030), for the case list filtered by violence type. */
  intake_date: string;
}

export interface CasePersonsTable {
  case_id: string;
  person_id: string;
  role: 'victim' | 'perpetrator' | 'child' | 'other';
  child_exposure: 'witnessed' | 'subjected' | 'both' | null;
}

export interface CaseStatusEventsTable {
  id: Generated<number>;
  case_id: string;
  from_status: CasesTable['status'] | null;
  to_status: CasesTable['status'];
  event_date: string;
  worker_id: string;
  at: string;
}

export interface CaseAssignmentsTable {
  id: Generated<number>;
  case_id: string;
  worker_id: string;
  assigned_by: string;
  at: string;
}

export interface JournalEntriesTable {
  /** The rowid the full-text index points at; never shown. */
  seq: Generated<number>;
  id: string;
  case_id: string;
  entry_date: string;
  author_id: string;
  text: string;
  status: 'draft' | 'signed';
  signed_at: string | null;
  signed_by: string | null;
  corrects_entry_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ServiceTypesTable {
  code: string;
  label: string;
  active: number;
  sort_order: number;
}

export interface DecisionsTable {
  id: string;
  case_id: string;
  person_id: string;
  service_type: string;
  outcome: 'granted' | 'partly_granted' | 'refused';
  decision_date: string;
  legal_ground: string;
  decided_by: string;
  created_by: string;
  created_at: string;
}

export interface ServicesTable {
  id: string;
  case_id: string;
  person_id: string;
  service_type: string;
  decision_id: string | null;
  start_date: string;
  end_date: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  worker_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  detail: string | null;
  /** Link in the tamper-evident chain (features/audit/chain.ts); null only for rows not yet chained by 0060. */
  hash: Buffer | null;
  /** Generated: the case an event concerns (the case itself, or `detail.caseId`). Never written. */
  case_ref: Generated<string | null>;
}

export interface LogReviewsTable {
  id: string;
  reviewed_by: string;
  period_from: string;
  period_to: string;
  comment: string;
  flagged_events: number;
  at: string;
}

export interface RetentionHoldsTable {
  case_id: string;
  reason: string;
  placed_by: string;
  at: string;
}

export interface RetentionRunsTable {
  id: string;
  run_at: string;
  run_by: string;
  /** JSON of the retention rule applied. */
  rule: string;
  /** JSON of what was deleted, as counts only. */
  counts: string;
  duration_ms: number;
}

export interface DocumentTemplatesTable {
  id: string;
  version: number;
  kind: 'risk_assessment' | 'checklist' | 'safety_plan';
  title: string;
  /** The template's JSON exactly as validated. */
  body: string;
  source: 'builtin' | 'imported';
  imported_by: string | null;
  created_at: string;
}

export type RiskLevelColumn = 'low' | 'medium' | 'high' | 'acute';

export interface RiskAssessmentsTable {
  id: string;
  case_id: string;
  person_id: string;
  template_id: string;
  template_version: number;
  assessed_on: string;
  worker_id: string;
  /** JSON: question key → { value, comment? }. */
  answers: string;
  score: number;
  max_score: number;
  unanswered: number;
  suggested_level: RiskLevelColumn;
  level: RiskLevelColumn;
  level_reason: string | null;
  judgement: string;
  internal_note: string | null;
  next_assessment_on: string;
  created_at: string;
}

export interface ChecklistsTable {
  id: string;
  case_id: string;
  template_id: string;
  template_version: number;
  created_by: string;
  created_at: string;
}

export interface ChecklistTicksTable {
  checklist_id: string;
  item_key: string;
  ticked_by: string;
  ticked_at: string;
  note: string | null;
}

export interface SafetyPlansTable {
  id: string;
  case_id: string;
  person_id: string;
  version: number;
  template_id: string;
  template_version: number;
  made_on: string;
  review_on: string;
  made_with: string;
  worker_id: string;
  /** JSON: section texts, ticked pack items, emergency numbers. */
  content: string;
  /** Secret: never on a client copy. */
  shelter_address: string | null;
  internal_note: string | null;
  created_at: string;
}

export interface ActionPlansTable {
  id: string;
  case_id: string;
  person_id: string;
  status: 'draft' | 'active' | 'completed' | 'cancelled';
  /** JSON: list of goal texts. */
  goals: string;
  /** JSON: list of { what, who, byDate, followUpOn, outcome }. */
  actions: string;
  follow_up_on: string | null;
  worker_signed_on: string | null;
  person_signed_on: string | null;
  internal_note: string | null;
  worker_id: string;
  created_at: string;
  updated_at: string;
}

/** Monthly counts without identities (statistics); see migration 0070. */
export interface StatisticsMonthsTable {
  month: string;
  measure: string;
  dimension: string;
  value: string;
  count: number;
}

/** A row only inside a bulk write of new cases that holds the statistics' insert triggers (migration 0160, features/statistics/held.ts). */
export interface StatisticsHeldTable {
  held: number;
}

/** Months whose statistics counts are kept; `frozen` ones are never recounted, others hold while `counted_on` does (see migration 0120). */
export interface StatisticsCountedTable {
  month: string;
  frozen: Generated<number>;
  /** The day the month was counted on, `YYYY-MM-DD`; NULL is never written and means "count again". */
  counted_on: string | null;
  /** Random id of this count of the month: the month's rows never change under it (see migration 0120). */
  count_id: string | null;
}

export interface SheltersTable {
  id: string;
  name: string;
  /** The name folded for matching (import, uniqueness). */
  name_key: string;
  operator_type: 'municipal' | 'womens_shelter' | 'girls_shelter' | 'private';
  permit_number: string | null;
  permit_valid_from: string | null;
  permit_valid_to: string | null;
  capacity: number | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  /** Secret: read only through the shelter disclosure rule in domain/shelter-disclosure.ts. */
  street_address: string | null;
  postal_code: string | null;
  city: string | null;
  wheelchair_accessible: number;
  pets_allowed: number;
  boys_max_age: number | null;
  languages: string | null;
  accessibility_notes: string | null;
  archived_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ShelterPricePeriodsTable {
  id: string;
  shelter_id: string;
  valid_from: string;
  adult_ore: number;
  child_ore: number;
  created_by: string;
  created_at: string;
}

export interface PlacementsTable {
  id: string;
  case_id: string;
  person_id: string;
  shelter_id: string;
  decision_date: string;
  decision_ref: string | null;
  start_date: string;
  planned_end_date: string | null;
  end_date: string | null;
  follow_up_date: string | null;
  adult_price_override_ore: number | null;
  child_price_override_ore: number | null;
  price_override_reason: string | null;
  end_reason: 'goal_met' | 'moved_on' | 'left_on_own' | 'asked_to_leave' | 'moved_shelter' | 'other' | null;
  destination: 'own_home' | 'sublet' | 'back_to_perpetrator' | 'other_housing' | 'other_municipality' | 'unknown' | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** The import that registered the placement (migration 0130). */
  import_id: Generated<string | null>;
}

export interface PlacementChildrenTable {
  id: string;
  placement_id: string;
  person_id: string;
  start_date: string;
  end_date: string | null;
  decision_ref: string;
  consent: 'other_custodian_consented' | 'sole_custody' | 'without_consent' | 'unknown';
  consent_ground: string | null;
  schooling: 'own_school' | 'new_school' | 'school_at_shelter' | 'distance' | 'own_preschool' | 'new_preschool' | 'none_arranged' | 'not_school_age' | 'unknown';
  schooling_note: string | null;
}

/** One import of a unit's file (migration 0130): who, when, what kind, the file's hash and the counts; never names. */
export interface ImportBatchesTable {
  id: string;
  kind: 'placement_log' | 'case_log';
  file_sha256: string;
  imported_by: string;
  imported_at: string;
  row_count: number;
  accepted: number;
  refused: number;
  persons_created: number;
  cases_created: number;
  placements_created: number;
  journal_drafts: number;
}

/** One outcome follow-up of a person in a case (migration 0110); a NULL rating means the person declined to answer. */
export interface OutcomeFollowupsTable {
  id: string;
  case_id: string;
  person_id: string;
  phase: 'intake' | 'closing';
  followed_up_on: string;
  safety: number | null;
  well_being: number | null;
  violence_stopped: 'yes' | 'partly' | 'no' | 'unknown';
  help_rating: number | null;
  comment: string | null;
  worker_id: string;
  created_at: string;
  updated_at: string;
}

export interface Database {
  workers: WorkersTable;
  settings: SettingsTable;
  persons: PersonsTable;
  person_search: PersonSearchTable;
  person_name_pairs: PersonNamePairsTable;
  journal_terms: JournalTermsTable;
  cases: CasesTable;
  case_violence_types: CaseViolenceTypesTable;
  case_persons: CasePersonsTable;
  audit_events: AuditEventsTable;
  case_status_events: CaseStatusEventsTable;
  case_assignments: CaseAssignmentsTable;
  journal_entries: JournalEntriesTable;
  service_types: ServiceTypesTable;
  decisions: DecisionsTable;
  services: ServicesTable;
  document_templates: DocumentTemplatesTable;
  risk_assessments: RiskAssessmentsTable;
  checklists: ChecklistsTable;
  checklist_ticks: ChecklistTicksTable;
  safety_plans: SafetyPlansTable;
  action_plans: ActionPlansTable;
  statistics_months: StatisticsMonthsTable;
  statistics_counted: StatisticsCountedTable;
  statistics_held: StatisticsHeldTable;
  shelters: SheltersTable;
  shelter_price_periods: ShelterPricePeriodsTable;
  placements: PlacementsTable;
  placement_children: PlacementChildrenTable;
  log_reviews: LogReviewsTable;
  retention_holds: RetentionHoldsTable;
  retention_runs: RetentionRunsTable;
  import_batches: ImportBatchesTable;
  outcome_followups: OutcomeFollowupsTable;
}
