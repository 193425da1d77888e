import type { SessionInfo, VaultStatus } from '../../src-main/features/vault/types';
import type { PersonDetail } from '../../src-main/features/persons/contract';
import type { CaseDetail, CaseListItem } from '../../src-main/features/cases/contract';

/** Made-up people and cases for the renderer tests. */

export const WORKER_ID = '11111111-1111-4111-8111-111111111111';
export const PERSON_ID = '22222222-2222-4222-8222-222222222222';
export const EXISTING_ID = '33333333-3333-4333-8333-333333333333';
export const CASE_ID = '44444444-4444-4444-8444-444444444444';

export const session: SessionInfo = { workerId: WORKER_ID, workerName: 'Karin Lund', role: 'samordnare', mustChangePassphrase: false, unitName: 'Stödenheten' };

export const unlocked: VaultStatus = { state: 'unlocked', session, autoLockMinutes: 10 };

export const locked = (lastLockReason: Extract<VaultStatus, { state: 'locked' }>['lastLockReason'] = 'user'): VaultStatus => ({
  state: 'locked',
  unitName: 'Stödenheten',
  workers: [{ workerId: WORKER_ID, name: 'Karin Lund' }],
  lastLockReason,
});

export function person(over: Partial<PersonDetail> = {}): PersonDetail {
  return {
    id: PERSON_ID,
    firstName: 'Anna',
    lastName: 'Svensson',
    numberKind: 'personnummer',
    personalNumber: '19121212-1212',
    birthYear: 1912,
    protectionLevel: 'none',
    gender: 'kvinna',
    createdAt: '2025-03-01T09:00:00.000Z',
    phone: null,
    email: null,
    language: null,
    interpreterNeeded: false,
    address: { kind: 'none' },
    cases: [],
    ...over,
  };
}

export function caseItem(over: Partial<CaseListItem> = {}): CaseListItem {
  return {
    id: CASE_ID,
    caseNumber: '2025-0001',
    intakeDate: '2025-03-01',
    intakeSource: 'report_police',
    status: 'intake',
    mainPerson: { id: PERSON_ID, firstName: 'Anna', lastName: 'Svensson', protectionLevel: 'skyddad_folkbokforing' },
    assignedWorkerName: 'Karin Lund',
    ...over,
  };
}

export function caseDetail(over: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: CASE_ID,
    caseNumber: '2025-0001',
    intakeDate: '2025-03-01',
    intakeSource: 'report_police',
    status: 'intake',
    assignedWorkerName: 'Karin Lund',
    mainPersonId: PERSON_ID,
    violenceTypes: ['physical'],
    assignedWorkerId: WORKER_ID,
    relation: null,
    firstContactDate: null,
    childrenInHousehold: null,
    closingReason: null,
    persons: [{ personId: PERSON_ID, firstName: 'Anna', lastName: 'Svensson', personalNumber: '19121212-1212', protectionLevel: 'none', role: 'victim', childExposure: null }],
    statusHistory: [{ from: null, to: 'intake', date: '2025-03-01', workerName: 'Karin Lund', at: '2025-03-01T09:00:00.000Z' }],
    assignments: [{ workerName: 'Karin Lund', assignedByName: 'Karin Lund', at: '2025-03-01T09:00:00.000Z' }],
    closedAt: null,
    createdAt: '2025-03-01T09:00:00.000Z',
    ...over,
  };
}
