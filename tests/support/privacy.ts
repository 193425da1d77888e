import type { CaseDetail } from '../../src-main/features/cases/contract.js';
import type { PersonSummary } from '../../src-main/features/persons/contract.js';
import { luhnCheckDigit } from '../../src-main/domain/personal-number.js';
import { call } from './temp.js';
import type { App } from './casework.js';

/** A fictional personnummer from Skatteverket's test range (serial 980–999) with a valid check digit. */
export function testNumber(yyyymmdd: string, serial = '982'): string {
  return `${yyyymmdd}-${serial}${luhnCheckDigit(yyyymmdd.slice(2) + serial)}`;
}

export async function personWithNumber(app: App, firstName: string, lastName: string, number: string, protectionLevel = 'none'): Promise<PersonSummary> {
  return call<PersonSummary>(app.router, 'persons.create', { firstName, lastName, identity: { kind: 'personnummer', value: number }, gender: 'kvinna', protectionLevel, contact: { streetAddress: 'Hemliga gatan 12', postalCode: '123 45', city: 'Exempelby' } });
}

/**
 * An old case, as it would have been written years ago: intake, a signed
 * journal entry, a decision and a service, closed on `closedOn`.
 */
export async function oldClosedCase(app: App, main: PersonSummary, opts: { intake: string; closedOn: string; note: string; others?: { person: PersonSummary; role: 'perpetrator' | 'child' | 'other' }[] }): Promise<CaseDetail> {
  const c = await call<CaseDetail>(app.router, 'cases.create', { mainPersonId: main.id, intakeDate: opts.intake, intakeSource: 'report_police', violenceTypes: ['physical', 'psychological'] });
  for (const o of opts.others ?? []) {
    await call(app.router, 'cases.addPerson', { caseId: c.id, entry: { person: { personId: o.person.id }, role: o.role, ...(o.role === 'child' ? { childExposure: 'witnessed' } : {}) } });
  }
  const entry = await call<{ id: string }>(app.router, 'journal.create', { caseId: c.id, entryDate: opts.intake, text: opts.note });
  await call(app.router, 'journal.sign', { id: entry.id });
  const decision = await call<{ id: string }>(app.router, 'decisions.create', { caseId: c.id, personId: main.id, serviceType: 'support_talks', outcome: 'granted', decisionDate: opts.intake, legalGround: '4 kap. 1 § SoL', decidedBy: 'Enhetschef' });
  await call(app.router, 'services.create', { caseId: c.id, personId: main.id, serviceType: 'support_talks', decisionId: decision.id, startDate: opts.intake, endDate: opts.closedOn });
  await call(app.router, 'cases.setStatus', { id: c.id, status: 'closed', date: opts.closedOn, closingReason: 'goal_met' });
  return c;
}
