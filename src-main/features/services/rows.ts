import type { Service, ServiceType } from './contract.js';
import type { ServiceRow } from './queries.js';

/** The one place a `service_types` row becomes a `ServiceType` (0/1 to boolean). */
export function serviceTypeFromRow(row: { code: string; label: string; active: number; sort_order: number }): ServiceType {
  return { code: row.code, label: row.label, active: row.active === 1, sortOrder: row.sort_order };
}

/** The one place a joined `services` row becomes a `Service`. */
export function serviceFromRow(row: ServiceRow): Service {
  return {
    id: row.id,
    caseId: row.case_id,
    person: { id: row.person_id, firstName: row.first_name, lastName: row.last_name, protectionLevel: row.protection_level },
    serviceType: row.service_type,
    serviceTypeLabel: row.service_type_label,
    decision: row.decision_id && row.decision_date && row.decision_outcome ? { id: row.decision_id, decisionDate: row.decision_date, outcome: row.decision_outcome } : null,
    startDate: row.start_date,
    endDate: row.end_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
