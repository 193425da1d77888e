import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Shell } from '../../../src-renderer/app/Shell';
import { installFakeBridge } from '../fake-bridge';
import { caseItem, session } from '../fixtures';

const SECOND_ID = '55555555-5555-4555-8555-555555555555';

describe('case list', () => {
  it('pages on with the keyset cursor from the previous answer and marks protected persons', async () => {
    // Given a first page that says there is more
    const next = { intakeDate: '2025-03-01', id: caseItem().id };
    const bridge = installFakeBridge({
      'cases.list': (input) =>
        input.after
          ? { items: [caseItem({ id: SECOND_ID, caseNumber: '2025-0000', mainPerson: { id: SECOND_ID, firstName: 'Bo', lastName: 'Berg', protectionLevel: 'sekretessmarkering' } })], next: null }
          : { items: [caseItem()], next },
    });
    render(<Shell session={session} />);
    const table = await screen.findByTestId('case-list');
    expect(within(table).getByText('Skyddad identitet')).toBeTruthy();
    // When "Visa fler" is pressed
    await userEvent.setup().click(screen.getByRole('button', { name: 'Visa fler' }));
    // Then the next page is asked for after the last row, appended, and the button goes away on the last page
    expect(await within(table).findByText('2025-0000')).toBeTruthy();
    expect(bridge.callsTo('cases.list')).toEqual([{ limit: 50 }, { limit: 50, after: next }]);
    expect(within(table).getByText('Sekretessmarkering')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Visa fler' })).toBeNull();
  });

  it('filters by status', async () => {
    // Given the list / When a status is chosen / Then the list is read again for that status only
    const bridge = installFakeBridge({ 'cases.list': () => ({ items: [caseItem()], next: null }) });
    render(<Shell session={session} />);
    await screen.findByTestId('case-list');
    await userEvent.setup().selectOptions(screen.getByLabelText('Status'), 'closed');
    expect(bridge.callsTo('cases.list')).toEqual([{ limit: 50 }, { limit: 50, status: 'closed' }]);
  });
});
