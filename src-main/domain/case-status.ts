import type { CaseStatus } from './vocabulary.js';

/**
 * The case's path: intake → investigation → ongoing services → closed.
 * Protected housing can start before the investigation is done, so intake
 * may go straight to ongoing; any open case may be closed. A closed case is
 * not reopened: a new contact is a new case (ny aktualisering).
 */
const NEXT: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = Object.freeze({
  intake: ['investigation', 'ongoing', 'closed'],
  investigation: ['ongoing', 'closed'],
  ongoing: ['closed'],
  closed: [],
});

export function canChangeStatus(from: CaseStatus, to: CaseStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: CaseStatus): readonly CaseStatus[] {
  return NEXT[from];
}
