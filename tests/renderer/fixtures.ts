import type { SessionInfo, VaultStatus } from '../../src-main/features/vault/types';
import type { PersonDetail } from '../../src-main/features/persons/contract';
import type { CaseDetail, CaseListItem } from '../../src-main/features/cases/contract';
import type { WorkerSummary } from '../../src-main/features/workers/contract';
import type { JournalEntry, JournalSearchHit } from '../../src-main/features/journal/contract';
import type { Decision } from '../../src-main/features/decisions/contract';
import type { Service, ServiceType } from '../../src-main/features/services/contract';
import type { FakeHandlers } from './fake-bridge';

/** Made-up people and cases for the renderer tests. */

export const WORKER_ID = '11111111-1111-4111-8111-111111111111';
export const PERSON_ID = '22222222-2222-4222-8222-222222222222';
export const EXISTING_ID = '33333333-3333-4333-8333-333333333333';
export const CASE_ID = '44444444-4444-4444-8444-444444444444';
export const OTHER_WORKER_ID = '66666666-6666-4666-8666-666666666666';
export const ENTRY_ID = '77777777-7777-4777-8777-777777777777';
export const CHILD_ID = '88888888-8888-4888-8888-888888888888';

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
    externalRef: null,
    persons: [{ personId: PERSON_ID, firstName: 'Anna', lastName: 'Svensson', personalNumber: '19121212-1212', protectionLevel: 'none', role: 'victim', childExposure: null }],
    statusHistory: [{ from: null, to: 'intake', date: '2025-03-01', workerName: 'Karin Lund', at: '2025-03-01T09:00:00.000Z' }],
    assignments: [{ workerName: 'Karin Lund', assignedByName: 'Karin Lund', at: '2025-03-01T09:00:00.000Z' }],
    closedAt: null,
    createdAt: '2025-03-01T09:00:00.000Z',
    ...over,
  };
}

export const workers: WorkerSummary[] = [
  { id: WORKER_ID, name: 'Karin Lund', role: 'samordnare', active: true },
  { id: OTHER_WORKER_ID, name: 'Omar Said', role: 'handlaggare', active: true },
];

export const serviceTypes: ServiceType[] = [
  { code: 'protected_housing', label: 'Skyddat boende', active: true, sortOrder: 1 },
  { code: 'support_talks', label: 'Stödsamtal', active: true, sortOrder: 2 },
  { code: 'old_group', label: 'Gammal grupp', active: false, sortOrder: 3 },
];

export function journalEntry(over: Partial<JournalEntry> = {}): JournalEntry {
  return {
    id: ENTRY_ID,
    caseId: CASE_ID,
    entryDate: '2025-03-02',
    text: 'Samtal med Anna om läget hemma.',
    status: 'draft',
    author: { id: WORKER_ID, name: 'Karin Lund' },
    signedBy: null,
    signedAt: null,
    corrects: null,
    correctedBy: [],
    editable: true,
    createdAt: '2025-03-02T10:00:00.000Z',
    updatedAt: '2025-03-02T10:00:00.000Z',
    ...over,
  };
}

export function signedEntry(over: Partial<JournalEntry> = {}): JournalEntry {
  return journalEntry({ status: 'signed', signedBy: { id: WORKER_ID, name: 'Karin Lund' }, signedAt: '2025-03-02T11:00:00.000Z', editable: false, ...over });
}

export function decision(over: Partial<Decision> = {}): Decision {
  return {
    id: '99999999-9999-4999-8999-999999999991',
    caseId: CASE_ID,
    person: { id: PERSON_ID, firstName: 'Anna', lastName: 'Svensson', protectionLevel: 'none' },
    serviceType: 'protected_housing',
    serviceTypeLabel: 'Skyddat boende',
    outcome: 'granted',
    decisionDate: '2025-03-03',
    legalGround: '4 kap. 1 § SoL',
    decidedBy: 'Enhetschef',
    createdAt: '2025-03-03T09:00:00.000Z',
    ...over,
  };
}

export function service(over: Partial<Service> = {}): Service {
  return {
    id: '99999999-9999-4999-8999-999999999992',
    caseId: CASE_ID,
    person: { id: PERSON_ID, firstName: 'Anna', lastName: 'Svensson', protectionLevel: 'none' },
    serviceType: 'protected_housing',
    serviceTypeLabel: 'Skyddat boende',
    decision: null,
    startDate: '2025-03-04',
    endDate: null,
    createdAt: '2025-03-04T09:00:00.000Z',
    updatedAt: '2025-03-04T09:00:00.000Z',
    ...over,
  };
}

export function searchHit(over: Partial<JournalSearchHit> = {}): JournalSearchHit {
  return {
    entryId: ENTRY_ID,
    caseId: CASE_ID,
    caseNumber: '2025-0001',
    entryDate: '2025-03-02',
    status: 'signed',
    snippet: [
      { text: '…samtal om ', match: false },
      { text: 'köket', match: true },
      { text: ' och barnen…', match: false },
    ],
    ...over,
  };
}

/** What the case view reads besides the case: an empty journal, no decisions or services, the unit's lists. */
export function caseViewHandlers(over: FakeHandlers = {}): FakeHandlers {
  return {
    'cases.get': () => caseDetail(),
    'journal.list': () => [],
    'decisions.list': () => [],
    'services.list': () => [],
    'services.types': () => serviceTypes,
    'workers.list': () => workers,
    'outcomes.list': () => [],
    ...over,
  };
}
