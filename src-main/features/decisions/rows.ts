import type { Decision } from './contract.js';
import type { DecisionRow } from './queries.js';

/** The one place a joined decision row becomes a `Decision`. */
export function decisionFromRow(row: DecisionRow): Decision {
  return {
    id: row.id,
    caseId: row.case_id,
    person: { id: row.person_id, firstName: row.first_name, lastName: row.last_name, protectionLevel: row.protection_level },
    serviceType: row.service_type,
    serviceTypeLabel: row.service_type_label,
    outcome: row.outcome,
    decisionDate: row.decision_date,
    legalGround: row.legal_ground,
    decidedBy: row.decided_by,
    createdAt: row.created_at,
  };
}
