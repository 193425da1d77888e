import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import planJson from '../../../resources/templates/safety-plan.json';
import { SafetyPlanPanel } from '../../../src-renderer/features/safety-plans/SafetyPlanPanel';
import type { SafetyPlanTemplate } from '../../../src-main/domain/templates';
import type { SafetyPlan } from '../../../src-main/features/safety-plans/contract';
import { installFakeBridge } from '../fake-bridge';
import { CASE_ID, PERSON_ID, WORKER_ID, caseDetail } from '../fixtures';

const template = planJson as unknown as SafetyPlanTemplate;
const numbersSection = template.sections.find((s) => s.kind === 'numbers');
const TEMPLATE_NUMBERS = numbersSection?.kind === 'numbers' ? numbersSection.defaults : [];
const UNIT_NUMBERS = [
  { label: 'Nödsamtal', number: '112' },
  { label: 'Socialjouren Exempelby', number: '08-123 45 67' },
];

const savedPlan: SafetyPlan = {
  id: '55555555-5555-4555-8555-555555555555',
  version: 1,
  madeOn: '2025-03-01',
  reviewOn: '2025-04-01',
  worker: { id: WORKER_ID, name: 'Karin Lund' },
  caseId: CASE_ID,
  personId: PERSON_ID,
  personName: 'Anna Svensson',
  madeWith: 'Anna själv',
  template,
  sections: { emergency_numbers: { numbers: TEMPLATE_NUMBERS } },
  shelterAddress: null,
  internalNote: null,
  createdAt: '2025-03-01T10:00:00.000Z',
};

/** The values of the plan form's phone-number fields, in order. */
const numberValues = () => within(screen.getByRole('group', { name: 'Viktiga nummer' })).getAllByLabelText('Nummer').map((el) => (el as HTMLInputElement).value);

describe('the emergency numbers of a safety plan', () => {
  it('a first plan starts from the unit’s numbers, and they are what is saved', async () => {
    // Given a case without a plan, and a unit that has set its own numbers
    const bridge = installFakeBridge({ 'safetyPlans.list': () => ({ plans: [], template, unitNumbers: UNIT_NUMBERS }), 'safetyPlans.save': () => savedPlan });
    render(<SafetyPlanPanel detail={caseDetail()} readOnly={false} />);
    const user = userEvent.setup();
    // When a plan is begun
    await user.click(await screen.findByRole('button', { name: 'Skriv säkerhetsplan' }));
    // Then the numbers are the unit's, not the template's, and nothing offers to swap them
    expect(numberValues()).toEqual(['112', '08-123 45 67']);
    expect(screen.queryByRole('button', { name: 'Använd enhetens nummer' })).toBeNull();
    // And saving sends them with the plan
    await user.type(screen.getByLabelText('Gjord tillsammans med'), 'Anna själv');
    await user.click(screen.getByRole('button', { name: 'Spara ny version' }));
    expect(bridge.callsTo('safetyPlans.save')[0]?.sections.emergency_numbers).toEqual({ numbers: UNIT_NUMBERS });
  });

  it('a new version keeps the plan’s own numbers, and offers the unit’s list when it differs', async () => {
    // Given a plan saved with the template's numbers, before the unit set its own
    installFakeBridge({ 'safetyPlans.list': () => ({ plans: [{ personId: PERSON_ID, latest: savedPlan, versions: [savedPlan] }], template, unitNumbers: UNIT_NUMBERS }) });
    render(<SafetyPlanPanel detail={caseDetail()} readOnly={false} />);
    const user = userEvent.setup();
    // When a new version is begun / Then it holds the plan's own numbers
    await user.click(await screen.findByRole('button', { name: 'Ny version av säkerhetsplanen' }));
    expect(numberValues()).toEqual(['112', '114 14', '020-50 50 50']);
    // When the worker chooses the unit's list / Then the plan takes it, and the offer goes
    await user.click(screen.getByRole('button', { name: 'Använd enhetens nummer' }));
    expect(numberValues()).toEqual(['112', '08-123 45 67']);
    expect(screen.queryByRole('button', { name: 'Använd enhetens nummer' })).toBeNull();
  });
});
