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
}

export interface PersonSearchTable {
  token: string;
  person_id: string;
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
}

export interface CaseViolenceTypesTable {
  case_id: string;
  violence_type: string;
}

export interface CasePersonsTable {
  case_id: string;
  person_id: string;
  role: 'victim' | 'perpetrator' | 'child' | 'other';
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  worker_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  detail: string | null;
}

export interface Database {
  workers: WorkersTable;
  settings: SettingsTable;
  persons: PersonsTable;
  person_search: PersonSearchTable;
  cases: CasesTable;
  case_violence_types: CaseViolenceTypesTable;
  case_persons: CasePersonsTable;
  audit_events: AuditEventsTable;
}
