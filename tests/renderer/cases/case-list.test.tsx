import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Shell } from '../../../src-renderer/app/Shell';
import { CASE_ROW_HEIGHT } from '../../../src-renderer/features/cases/CaseListPage';
import type { CaseListItem } from '../../../src-main/features/cases/contract';
import { installFakeBridge } from '../fake-bridge';
import { OTHER_WORKER_ID, caseItem, session, workers } from '../fixtures';

const SECOND_ID = '55555555-5555-4555-8555-555555555555';

/** `n` made-up cases, newest first. */
function manyCases(n: number, from = 0): CaseListItem[] {
  return Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return caseItem({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, caseNumber: `2025-${String(i).padStart(5, '0')}`, mainPerson: { id: SECOND_ID, firstName: 'Bo', lastName: `Berg ${i}`, protectionLevel: 'none' } });
  });
}

/** Scrolls the list's box (jsdom has no layout, so the position is set by hand). */
function scrollListTo(top: number) {
  const box = screen.getByTestId('case-list');
  Object.defineProperty(box, 'scrollTop', { configurable: true, value: top });
  fireEvent.scroll(box);
}

const renderedRows = () => within(screen.getByTestId('case-list')).getAllByRole('button').length;

describe('case list', () => {
  it('fetches the next page with the keyset cursor when the end of the list comes into view, and marks protected persons', async () => {
    // Given a first page of one case that says there is more
    const next = { intakeDate: '2025-03-01', id: caseItem().id };
    const bridge = installFakeBridge({
      'workers.list': () => workers,
      'cases.list': (input) =>
        input.after
          ? { items: [caseItem({ id: SECOND_ID, caseNumber: '2025-0000', mainPerson: { id: SECOND_ID, firstName: 'Bo', lastName: 'Berg', protectionLevel: 'sekretessmarkering' } })], next: null }
          : { items: [caseItem()], next },
    });
    // When the list is shown (its end is in view at once)
    render(<Shell session={session} />);
    const list = await screen.findByTestId('case-list');
    // Then the next page is asked for after the last row and appended, and nothing more is asked for on the last page
    expect(await within(list).findByText('2025-0000')).toBeTruthy();
    expect(bridge.callsTo('cases.list')).toEqual([{ limit: 100 }, { limit: 100, after: next }]);
    expect(within(list).getByText('Skyddad identitet')).toBeTruthy();
    expect(within(list).getByText('Sekretessmarkering')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Visa fler' })).toBeNull();
    // And each case number is a button named by the number
    expect(within(list).getByRole('button', { name: '2025-0001' })).toBeTruthy();
  });

  it('renders only a window of rows for 5,000 cases, moves the window on scrolling, and loads the next page near the end', async () => {
    // Given 5,000 cases in memory and a server that has more
    const first = manyCases(5000);
    const next = { intakeDate: '2025-03-01', id: first.at(-1)!.id };
    const bridge = installFakeBridge({
      'workers.list': () => workers,
      'cases.list': (input) => (input.after ? { items: manyCases(10, 5000), next: null } : { items: first, next }),
    });
    render(<Shell session={session} />);
    const list = await screen.findByTestId('case-list');
    // Then only the rows in view (and a margin) exist in the page
    expect(renderedRows()).toBeLessThan(60);
    expect(within(list).getByRole('button', { name: '2025-00000' })).toBeTruthy();
    expect(within(list).queryByRole('button', { name: '2025-02500' })).toBeNull();
    expect(list.querySelector('table')?.getAttribute('aria-rowcount')).toBe('5001');
    expect(bridge.callsTo('cases.list')).toHaveLength(1);
    // When the worker scrolls to the middle
    scrollListTo(2500 * CASE_ROW_HEIGHT);
    // Then the rows there are rendered instead, still only a window of them
    expect(within(list).getByRole('button', { name: '2025-02500' })).toBeTruthy();
    expect(within(list).queryByRole('button', { name: '2025-00000' })).toBeNull();
    expect(renderedRows()).toBeLessThan(60);
    // When the worker scrolls close to the end
    scrollListTo(4990 * CASE_ROW_HEIGHT);
    // Then the next page is fetched after the last row and appended
    expect(await within(list).findByRole('button', { name: '2025-05009' })).toBeTruthy();
    expect(bridge.callsTo('cases.list')[1]).toEqual({ limit: 100, after: next });
  });

  it('offers "Visa fler" for the keyboard when the end is not in view', async () => {
    // Given a full first page
    const first = manyCases(100);
    const bridge = installFakeBridge({ 'workers.list': () => workers, 'cases.list': (input) => (input.after ? { items: manyCases(5, 100), next: null } : { items: first, next: { intakeDate: '2025-03-01', id: first.at(-1)!.id } }) });
    render(<Shell session={session} />);
    await screen.findByTestId('case-list');
    // When "Visa fler" is pressed
    await userEvent.setup().click(screen.getByRole('button', { name: 'Visa fler' }));
    // Then the next page comes and the button goes on the last page
    expect(bridge.callsTo('cases.list')).toHaveLength(2);
    expect(await screen.findByText('105 ärenden visas')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Visa fler' })).toBeNull();
  });

  it('filters by status, worker, violence type, source and period, and keeps the filters in the navigation store', async () => {
    // Given the list
    const bridge = installFakeBridge({ 'workers.list': () => workers, 'cases.list': () => ({ items: [caseItem()], next: null }) });
    const { unmount } = render(<Shell session={session} />);
    await screen.findByTestId('case-list');
    const user = userEvent.setup();
    // When filters are chosen one by one
    await user.selectOptions(screen.getByLabelText('Status'), 'closed');
    await user.selectOptions(await screen.findByLabelText('Handläggare'), OTHER_WORKER_ID);
    await user.selectOptions(screen.getByLabelText('Våldsform'), 'economic');
    await user.selectOptions(screen.getByLabelText('Källa'), 'report_police');
    // And a period is typed (a half-typed date asks for nothing)
    await user.type(screen.getByLabelText('Aktualiserat från'), '2025-01-0');
    const callsBefore = bridge.callsTo('cases.list').length;
    await user.type(screen.getByLabelText('Aktualiserat från'), '1');
    await user.type(screen.getByLabelText('Aktualiserat till'), '2025-06-30');
    // Then each change reads the list again with every filter so far
    const calls = bridge.callsTo('cases.list');
    expect(callsBefore).toBe(5);
    expect(calls.at(-1)).toEqual({ limit: 100, status: 'closed', workerId: OTHER_WORKER_ID, violenceType: 'economic', intakeSource: 'report_police', from: '2025-01-01', to: '2025-06-30' });
    // And coming back to the list later finds the same filters
    unmount();
    render(<Shell session={session} />);
    await screen.findByTestId('case-list');
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('closed');
    expect(bridge.callsTo('cases.list').at(-1)).toEqual(calls.at(-1));
  });

  it('says so when a period ends before it starts, and does not ask', async () => {
    const bridge = installFakeBridge({ 'workers.list': () => workers, 'cases.list': () => ({ items: [caseItem()], next: null }) });
    render(<Shell session={session} />);
    await screen.findByTestId('case-list');
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Aktualiserat från'), '2025-06-01');
    await user.type(screen.getByLabelText('Aktualiserat till'), '2025-01-01');
    expect(await screen.findByText('Periodens slut ligger före dess början.')).toBeTruthy();
    expect(bridge.callsTo('cases.list').some((c) => c.to === '2025-01-01')).toBe(false);
  });
});
