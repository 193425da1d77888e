import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OutcomesPanel } from '../../../src-renderer/features/outcomes/OutcomesPanel';
import type { OutcomeFollowup } from '../../../src-main/features/outcomes/contract';
import { installFakeBridge, refuse } from '../fake-bridge';
import { CASE_ID, PERSON_ID, WORKER_ID, caseDetail } from '../fixtures';

function followup(over: Partial<OutcomeFollowup> = {}): OutcomeFollowup {
  return { id: '99999999-9999-4999-8999-999999999999', caseId: CASE_ID, personId: PERSON_ID, phase: 'intake', followedUpOn: '2025-03-02', safety: 2, wellBeing: null, violenceStopped: 'no', helpRating: null, comment: null, worker: { id: WORKER_ID, name: 'Karin Lund' }, createdAt: '2025-03-02T10:00:00Z', updatedAt: '2025-03-02T10:00:00Z', ...over };
}

describe('the outcome follow-up panel', () => {
  it('asks for an answer to every question next to it, sends nothing until then, and sends a declined rating as null', async () => {
    const bridge = installFakeBridge({ 'outcomes.list': () => [], 'outcomes.save': (input) => [followup({ safety: input.safety, wellBeing: input.wellBeing, violenceStopped: input.violenceStopped, followedUpOn: input.followedUpOn })] });
    render(<OutcomesPanel detail={caseDetail()} />);
    const user = userEvent.setup();
    const intake = await screen.findByTestId('outcome-intake');
    await user.click(within(intake).getByRole('button', { name: /Fyll i/ }));
    // the date field has the focus: the form is keyboard-first
    expect(document.activeElement).toBe(screen.getByLabelText('Datum för uppföljningen'));
    await user.clear(screen.getByLabelText('Datum för uppföljningen'));
    await user.type(screen.getByLabelText('Datum för uppföljningen'), '2025-03-02');
    await user.click(screen.getByRole('button', { name: 'Spara uppföljning' }));
    // then each unanswered question says so at its place, and focus goes to the first
    const safety = screen.getByRole('group', { name: 'Hur trygg känner du dig just nu?' });
    expect(within(safety).getByText('Välj 1–5 eller ”Vill inte svara”.')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Har våldet upphört?' })).getByText('Välj ett svar.')).toBeTruthy();
    expect(document.activeElement).toBe(within(safety).getByLabelText('1'));
    expect(bridge.callsTo('outcomes.save')).toEqual([]);
    // when every question is answered (well-being declined)
    await user.click(within(safety).getByLabelText('2'));
    await user.click(within(screen.getByRole('group', { name: 'Hur mår du just nu?' })).getByLabelText('Vill inte svara'));
    await user.click(within(screen.getByRole('group', { name: 'Har våldet upphört?' })).getByLabelText('Nej'));
    await user.click(screen.getByRole('button', { name: 'Spara uppföljning' }));
    // then it is sent, declined as null, and shown
    expect(bridge.callsTo('outcomes.save')).toEqual([{ caseId: CASE_ID, personId: PERSON_ID, phase: 'intake', followedUpOn: '2025-03-02', safety: 2, wellBeing: null, violenceStopped: 'no', comment: null }]);
    expect(await screen.findByText('Uppföljningen är sparad.')).toBeTruthy();
    expect(within(screen.getByTestId('outcome-intake')).getByText('2 av 5')).toBeTruthy();
    expect(within(screen.getByTestId('outcome-intake')).getByText('Vill inte svara')).toBeTruthy();
  });

  it('keeps everything typed when the save is refused, with the Swedish reason next to the date', async () => {
    installFakeBridge({
      'outcomes.list': () => [followup()],
      'outcomes.save': () => refuse({ code: 'validation', message: 'Uppgifterna är inte giltiga.', details: { issues: [{ path: 'followedUpOn', code: 'closing_before_intake', message: 'Uppföljningen vid avslut kan inte ligga före den vid aktualisering (2025-03-02).' }] } }),
    });
    render(<OutcomesPanel detail={caseDetail({ status: 'closed', closedAt: '2025-09-01', closingReason: 'goal_met' })} />);
    const user = userEvent.setup();
    const closing = await screen.findByTestId('outcome-closing');
    await user.click(within(closing).getByRole('button', { name: /Fyll i/ }));
    const date = screen.getByLabelText('Datum för uppföljningen');
    await user.clear(date);
    await user.type(date, '2025-03-01');
    for (const [group, answer] of [['Hur trygg känner du dig just nu?', '4'], ['Hur mår du just nu?', '3'], ['Har våldet upphört?', 'Ja'], ['Hur ser du på hjälpen du har fått?', '5']] as const) {
      await user.click(within(screen.getByRole('group', { name: group })).getByLabelText(answer));
    }
    await user.type(screen.getByLabelText('Intern kommentar (valfri)'), 'Flyttar till syster');
    await user.click(screen.getByRole('button', { name: 'Spara uppföljning' }));
    expect(await screen.findByText('Uppföljningen vid avslut kan inte ligga före den vid aktualisering (2025-03-02).')).toBeTruthy();
    expect((screen.getByLabelText('Datum för uppföljningen') as HTMLInputElement).value).toBe('2025-03-01');
    expect((screen.getByLabelText('Intern kommentar (valfri)') as HTMLTextAreaElement).value).toBe('Flyttar till syster');
    expect((within(screen.getByRole('group', { name: 'Hur ser du på hjälpen du har fått?' })).getByLabelText('5') as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(screen.getByLabelText('Datum för uppföljningen'));
  });

  it('reminds gently when the case is closed without a closing follow-up, and not once it is there', async () => {
    const bridge = installFakeBridge({ 'outcomes.list': () => [followup()] });
    const { unmount } = render(<OutcomesPanel detail={caseDetail({ status: 'closed', closedAt: '2025-09-01', closingReason: 'goal_met' })} />);
    expect(await screen.findByText(/Ärendet är avslutat men uppföljningen vid avslut är inte gjord/)).toBeTruthy();
    unmount();
    bridge.set({ 'outcomes.list': () => [followup(), followup({ id: '98989898-9898-4898-8898-989898989898', phase: 'closing', followedUpOn: '2025-09-01', helpRating: 4 })] });
    render(<OutcomesPanel detail={caseDetail({ id: '12121212-1212-4212-8212-121212121212', status: 'closed', closedAt: '2025-09-01', closingReason: 'goal_met' })} />);
    expect(await screen.findByText('4 av 5')).toBeTruthy();
    expect(screen.queryByText(/uppföljningen vid avslut är inte gjord/)).toBeNull();
  });
});
