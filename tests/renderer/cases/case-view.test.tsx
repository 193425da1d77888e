import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Shell } from '../../../src-renderer/app/Shell';
import { navigate } from '../../../src-renderer/app/navigation-store';
import { todayIso } from '../../../src-renderer/app/dates';
import { installFakeBridge, refuse, type FakeHandlers } from '../fake-bridge';
import { descriptionOf } from '../field';
import { CASE_ID, CHILD_ID, OTHER_WORKER_ID, caseDetail, caseViewHandlers, decision, service, session, signedEntry } from '../fixtures';

function openCase(handlers: FakeHandlers = {}) {
  const bridge = installFakeBridge(caseViewHandlers(handlers));
  navigate({ name: 'case', caseId: CASE_ID });
  render(<Shell session={session} />);
  return { bridge, user: userEvent.setup() };
}

describe('case view', () => {
  it('offers only the next steps of the status, each with a date that defaults to today', async () => {
    const { bridge, user } = openCase({ 'cases.setStatus': (input) => caseDetail({ status: input.status, statusHistory: [...caseDetail().statusHistory, { from: 'intake', to: input.status, date: input.date, workerName: 'Karin Lund', at: '2025-03-05T10:00:00.000Z' }] }) });
    await screen.findByRole('heading', { name: 'Ärende 2025-0001' });
    // Given a case in intake: investigation, ongoing services and closing are offered
    expect(screen.getByRole('button', { name: 'Ändra till Utredning' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Ändra till Pågående insatser' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Avsluta ärendet' })).toBeTruthy();
    // When the worker moves it to investigation
    await user.click(screen.getByRole('button', { name: 'Ändra till Utredning' }));
    expect((screen.getByLabelText('Datum för ändringen') as HTMLInputElement).value).toBe(todayIso());
    await user.click(screen.getByRole('button', { name: 'Spara status' }));
    // Then cases.setStatus gets the step and date, without a closing reason, and the history shows it
    expect(bridge.callsTo('cases.setStatus')).toEqual([{ id: CASE_ID, status: 'investigation', date: todayIso() }]);
    expect(await screen.findByText('Status är ändrad till Utredning.')).toBeTruthy();
    expect(screen.getByText('Aktualisering → Utredning')).toBeTruthy();
  });

  it('will not close a case without a closing reason', async () => {
    const { bridge, user } = openCase({ 'services.list': () => [service()], 'cases.setStatus': (input) => caseDetail({ status: 'closed', closedAt: input.date, closingReason: input.closingReason ?? null }) });
    await screen.findByRole('heading', { name: 'Ärende 2025-0001' });
    await screen.findByText('Pågår');
    // When closing is chosen and saved without a reason
    await user.click(screen.getByRole('button', { name: 'Avsluta ärendet' }));
    // (A service still running is pointed out, without stopping the closing)
    expect(screen.getByText(/^1 insats i ärendet pågår fortfarande/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Spara avslut' }));
    // Then the reason is asked for at the group of reasons, and nothing is sent
    const reasons = screen.getByRole('group', { name: 'Avslutsorsak' });
    expect(within(reasons).getByRole('alert').textContent).toBe('Välj varför ärendet avslutas.');
    expect(bridge.callsTo('cases.setStatus')).toHaveLength(0);
    // When a reason is chosen
    await user.click(screen.getByLabelText('Målet uppnått'));
    await user.click(screen.getByRole('button', { name: 'Spara avslut' }));
    // Then the case closes with it, and becomes read-only with a note why
    expect(bridge.callsTo('cases.setStatus')).toEqual([{ id: CASE_ID, status: 'closed', date: todayIso(), closingReason: 'goal_met' }]);
    expect(await screen.findByText(/Ärendet avslutades .* \(Målet uppnått\)\. Ett avslutat ärende kan inte ändras/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ändra uppgifter' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Byt handläggare' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ny anteckning' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lägg till person' })).toBeNull();
  });

  it('shows a closed case read-only, with its signed entries without a correction button', async () => {
    openCase({ 'cases.get': () => caseDetail({ status: 'closed', closedAt: '2025-04-01', closingReason: 'moved_away' }), 'journal.list': () => [signedEntry()] });
    expect(await screen.findByText(/Ärendet avslutades 2025-04-01 \(Flyttat\)/)).toBeTruthy();
    expect(await screen.findByText('Samtal med Anna om läget hemma.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Skriv rättelse' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Avsluta ärendet' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Nytt beslut' })).toBeNull();
  });

  it('shows the unit’s own case number of an imported case', async () => {
    openCase({ 'cases.get': () => caseDetail({ externalRef: 'VINR 23/1' }) });
    await screen.findByRole('heading', { name: 'Ärende 2025-0001' });
    expect(screen.getByText('VINR 23/1')).toBeTruthy();
    expect(screen.getByText('Enhetens tidigare ärendenummer (importerat):')).toBeTruthy();
  });

  it('shows no earlier case number for a case registered in Fristad', async () => {
    openCase();
    await screen.findByRole('heading', { name: 'Ärende 2025-0001' });
    expect(screen.queryByText(/Enhetens tidigare ärendenummer/)).toBeNull();
  });

  it('changes the worker from the unit’s active workers, and shows the assignment history', async () => {
    const { bridge, user } = openCase({
      'cases.reassign': ({ workerId }) =>
        caseDetail({ assignedWorkerId: workerId, assignedWorkerName: 'Omar Said', assignments: [...caseDetail().assignments, { workerName: 'Omar Said', assignedByName: 'Karin Lund', at: '2025-03-06T08:00:00.000Z' }] }),
    });
    await screen.findByRole('heading', { name: 'Ärende 2025-0001' });
    await user.click(screen.getByRole('button', { name: 'Byt handläggare' }));
    const select = await screen.findByLabelText('Ny handläggare');
    // The current worker is not a choice
    expect(within(select).queryByText('Karin Lund')).toBeNull();
    await user.selectOptions(select, OTHER_WORKER_ID);
    await user.click(screen.getByRole('button', { name: 'Spara handläggare' }));
    expect(bridge.callsTo('cases.reassign')).toEqual([{ id: CASE_ID, workerId: OTHER_WORKER_ID }]);
    expect(await screen.findByText('Ärendets handläggare är nu Omar Said.')).toBeTruthy();
    const history = screen.getByRole('heading', { name: 'Handläggare över tid' }).parentElement!;
    expect(within(history).getByText('Omar Said')).toBeTruthy();
  });

  it('edits the intake facts, and keeps what was typed when the server refuses', async () => {
    // Given a server that refuses the number of children once
    let tries = 0;
    const { bridge, user } = openCase({
      'cases.update': (input) => {
        tries += 1;
        if (tries === 1) refuse({ code: 'validation', message: 'Uppgifterna är inte giltiga. Rätta de markerade fälten.', details: { issues: [{ path: 'childrenInHousehold', code: 'too_big', message: 'Högst 30.' }] } });
        return caseDetail({ relation: input.relation ?? null, childrenInHousehold: input.childrenInHousehold ?? null, violenceTypes: input.violenceTypes });
      },
    });
    await screen.findByRole('heading', { name: 'Ärende 2025-0001' });
    await user.click(screen.getByRole('button', { name: 'Ändra uppgifter' }));
    await user.selectOptions(screen.getByLabelText('Relation till våldsutövaren'), 'ex_partner');
    await user.type(screen.getByLabelText('Antal barn i hushållet'), '2');
    await user.click(screen.getByLabelText('Digitalt'));
    // When saved and refused
    await user.click(screen.getByRole('button', { name: 'Spara uppgifter' }));
    // Then the message sits at its field and everything typed is still there
    expect(await screen.findByText('Högst 30.')).toBeTruthy();
    expect(descriptionOf('Antal barn i hushållet')).toContain('Högst 30.');
    expect((screen.getByLabelText('Relation till våldsutövaren') as HTMLSelectElement).value).toBe('ex_partner');
    expect((screen.getByLabelText('Digitalt') as HTMLInputElement).checked).toBe(true);
    // When saved again
    await user.click(screen.getByRole('button', { name: 'Spara uppgifter' }));
    // Then cases.update got every fact (empty ones as null) and the view shows them
    expect(bridge.callsTo('cases.update')[1]).toEqual({ id: CASE_ID, intakeDate: '2025-03-01', intakeSource: 'report_police', violenceTypes: ['physical', 'digital'], relation: 'ex_partner', firstContactDate: null, childrenInHousehold: 2 });
    expect(await screen.findByText('Före detta partner')).toBeTruthy();
  });

  it('adds a child picked from the register, with how the child was exposed', async () => {
    const { bridge, user } = openCase({
      'persons.search': () => [{ id: CHILD_ID, firstName: 'Mio', lastName: 'Svensson', numberKind: 'none', personalNumber: null, birthYear: 2016, protectionLevel: 'none' }],
      'cases.addPerson': ({ entry }) => caseDetail({ persons: [...caseDetail().persons, { personId: CHILD_ID, firstName: 'Mio', lastName: 'Svensson', personalNumber: null, protectionLevel: 'none', role: 'child', childExposure: entry.childExposure ?? null }] }),
    });
    await screen.findByRole('heading', { name: 'Ärende 2025-0001' });
    await user.click(screen.getByRole('button', { name: 'Lägg till person' }));
    await user.selectOptions(screen.getByLabelText('Roll i ärendet'), 'child');
    await user.type(screen.getByLabelText('Sök person'), 'Mio');
    await user.click(await screen.findByRole('button', { name: /Mio Svensson/ }));
    await user.click(screen.getByLabelText('Har själv utsatts'));
    await user.click(screen.getByRole('button', { name: 'Lägg till i ärendet' }));
    expect(bridge.callsTo('cases.addPerson')).toEqual([{ caseId: CASE_ID, entry: { person: { personId: CHILD_ID }, role: 'child', childExposure: 'subjected' } }]);
    expect(await screen.findByText('Mio Svensson är tillagd i ärendet.')).toBeTruthy();
    const people = screen.getByRole('heading', { name: 'Personer i ärendet' }).closest('section')!;
    expect(within(people).getByText('Har själv utsatts')).toBeTruthy();
  });

  it('lists decisions and services with protected persons marked, and ends a service with a date', async () => {
    const protectedRef = { id: CHILD_ID, firstName: 'Mio', lastName: 'Svensson', protectionLevel: 'skyddad_folkbokforing' as const };
    const { bridge, user } = openCase({
      'decisions.list': () => [decision(), decision({ id: 'd2', outcome: 'refused', person: protectedRef })],
      'services.list': () => [service({ person: protectedRef })],
      'services.end': ({ id, endDate }) => service({ id, endDate, person: protectedRef }),
    });
    const decisions = (await screen.findByRole('heading', { name: 'Beslut' })).closest('section')!;
    expect(await within(decisions).findByText('Avslag')).toBeTruthy();
    expect(within(decisions).getByText('Bifall')).toBeTruthy();
    expect(within(decisions).getByText('Skyddad identitet')).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Avsluta insats: Skyddat boende för Mio Svensson' }));
    await user.click(screen.getByRole('button', { name: 'Avsluta insatsen' }));
    expect(bridge.callsTo('services.end')).toEqual([{ id: service().id, endDate: todayIso() }]);
  });
});
