import type { Selectable } from 'kysely';
import type { PersonsTable } from '../../db/schema.js';
import type { PersonSummary } from './contract.js';

/** The one place a `persons` row becomes a `PersonSummary`. */
export function personFromRow(row: Pick<Selectable<PersonsTable>, 'id' | 'first_name' | 'last_name' | 'number_kind' | 'personal_number' | 'birth_year' | 'protection_level'>): PersonSummary {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    numberKind: row.number_kind,
    personalNumber: row.personal_number,
    birthYear: row.birth_year,
    protectionLevel: row.protection_level,
  };
}

export const PERSON_SUMMARY_COLUMNS = ['id', 'first_name', 'last_name', 'number_kind', 'personal_number', 'birth_year', 'protection_level'] as const;
