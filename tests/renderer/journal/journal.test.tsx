import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Shell } from '../../../src-renderer/app/Shell';
import { navigate } from '../../../src-renderer/app/navigation-store';
import { todayIso } from '../../../src-renderer/app/dates';
import { installFakeBridge, refuse, type FakeHandlers } from '../fake-bridge';
import { CASE_ID, ENTRY_ID, OTHER_WORKER_ID, caseViewHandlers, journalEntry, session, signedEntry } from '../fixtures';

const CORRECTION_ID = '77777777-7777-4777-8777-777777777778';

function openCase(handlers: FakeHandlers) {
  const bridge = installFakeBridge(caseViewHandlers(handlers));
  navigate({ name: 'case', caseId: CASE_ID });
  render(<Shell session={session} />);
  return { bridge, user: userEvent.setup() };
}

const entry = (name: RegExp | string) => within(screen.getByRole('article', { name }));

describe('journal', () => {
  it('shows a signed entry with who signed it, without an edit button, but with a correction button', async () => {
    openCase({ 'journal.list': () => [signedEntry()] });
    const article = await screen.findByRole('article', { name: '2025-03-02 – Karin Lund' });
    expect(within(article).getByText(/^Signerad av Karin Lund den 2025-03-02/)).toBeTruthy();
    expect(within(article).queryByRole('button', { name: 'Ändra utkast' })).toBeNull();
    expect(within(article).queryByRole('button', { name: 'Ta bort utkast' })).toBeNull();
    expect(within(article).queryByRole('button', { name: 'Signera' })).toBeNull();
    expect(within(article).getByRole('button', { name: 'Skriv rättelse' })).toBeTruthy();
  });

  it('signs a draft only after a confirmation that says a signed entry cannot be changed', async () => {
    const { bridge, user } = openCase({ 'journal.list': () => [journalEntry()], 'journal.sign': ({ id }) => signedEntry({ id }) });
    await screen.findByRole('article', { name: '2025-03-02 – Karin Lund' });
    expect(entry('2025-03-02 – Karin Lund').getByText('Utkast')).toBeTruthy();
    // When "Signera" is pressed
    await user.click(entry('2025-03-02 – Karin Lund').getByRole('button', { name: 'Signera' }));
    // Then a dialog asks first, and nothing is signed yet
    const dialog = screen.getByRole('dialog', { name: 'Signera anteckningen?' });
    expect(within(dialog).getByText('En signerad anteckning kan inte ändras.')).toBeTruthy();
    expect(bridge.callsTo('journal.sign')).toHaveLength(0);
    // When confirmed
    await user.click(within(dialog).getByRole('button', { name: 'Signera anteckningen' }));
    // Then it is signed and can no longer be edited
    expect(bridge.callsTo('journal.sign')).toEqual([{ id: ENTRY_ID }]);
    expect(await screen.findByText(/^Signerad av Karin Lund/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ändra utkast' })).toBeNull();
  });

  it('writes a new entry as a draft, and keeps the text when the server refuses', async () => {
    let tries = 0;
    const { bridge, user } = openCase({
      'journal.list': () => [],
      'journal.create': (input) => {
        tries += 1;
        if (tries === 1) refuse({ code: 'internal', message: 'Ett oväntat fel inträffade. Inget har sparats.' });
        return journalEntry({ text: input.text, entryDate: input.entryDate });
      },
    });
    await screen.findByText('Inga anteckningar ännu.');
    await user.click(screen.getByRole('button', { name: 'Ny anteckning' }));
    expect((screen.getByLabelText('Datum') as HTMLInputElement).value).toBe(todayIso());
    await user.type(screen.getByLabelText('Anteckning'), 'Hembesök tillsammans med polisen.');
    await user.click(screen.getByRole('button', { name: 'Spara utkast' }));
    expect(await screen.findByText('Ett oväntat fel inträffade. Inget har sparats.')).toBeTruthy();
    expect((screen.getByLabelText('Anteckning') as HTMLTextAreaElement).value).toBe('Hembesök tillsammans med polisen.');
    await user.click(screen.getByRole('button', { name: 'Spara utkast' }));
    expect(bridge.callsTo('journal.create')[1]).toEqual({ caseId: CASE_ID, entryDate: todayIso(), text: 'Hembesök tillsammans med polisen.' });
    expect(await screen.findByText('Hembesök tillsammans med polisen.')).toBeTruthy();
  });

  it('writes a correction of a signed entry and shows it linked to the entry it corrects', async () => {
    const { bridge, user } = openCase({
      'journal.list': () => [signedEntry()],
      'journal.correct': (input) => journalEntry({ id: CORRECTION_ID, entryDate: input.entryDate, text: input.text, corrects: { id: input.entryId, entryDate: '2025-03-02' }, createdAt: '2025-03-05T10:00:00.000Z' }),
    });
    const original = await screen.findByRole('article', { name: '2025-03-02 – Karin Lund' });
    await user.click(within(original).getByRole('button', { name: 'Skriv rättelse' }));
    await user.type(within(original).getByLabelText('Rättelse'), 'Rätt datum för besöket är den 3 mars.');
    await user.click(within(original).getByRole('button', { name: 'Spara rättelse som utkast' }));
    expect(bridge.callsTo('journal.correct')).toEqual([{ entryId: ENTRY_ID, entryDate: todayIso(), text: 'Rätt datum för besöket är den 3 mars.' }]);
    // The correction is a draft of its own, pointing at the original; the original says it has been corrected
    const correction = await screen.findByRole('article', { name: `${todayIso()} – Karin Lund` });
    expect(within(correction).getByRole('button', { name: 'Rättelse av anteckning från 2025-03-02' })).toBeTruthy();
    expect(within(correction).getByText('Utkast')).toBeTruthy();
    expect(within(original).getByText('Rättad')).toBeTruthy();
    expect(within(original).getByRole('button', { name: `Se rättelse från ${todayIso()}` })).toBeTruthy();
    // And the original text is untouched
    expect(within(original).getByText('Samtal med Anna om läget hemma.')).toBeTruthy();
  });

  it('lets the author edit and delete an own draft, but not a colleague’s', async () => {
    const theirs = journalEntry({ id: CORRECTION_ID, author: { id: OTHER_WORKER_ID, name: 'Omar Said' }, editable: false, text: 'Omars utkast.' });
    const { bridge, user } = openCase({ 'journal.list': () => [journalEntry(), theirs], 'journal.deleteDraft': () => null });
    await screen.findByRole('article', { name: '2025-03-02 – Omar Said' });
    expect(entry('2025-03-02 – Omar Said').queryByRole('button', { name: 'Ändra utkast' })).toBeNull();
    expect(entry('2025-03-02 – Omar Said').queryByRole('button', { name: 'Ta bort utkast' })).toBeNull();
    // A samordnare may still sign a colleague's draft
    expect(entry('2025-03-02 – Omar Said').getByRole('button', { name: 'Signera' })).toBeTruthy();
    await user.click(entry('2025-03-02 – Karin Lund').getByRole('button', { name: 'Ta bort utkast' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Ta bort utkastet' }));
    expect(bridge.callsTo('journal.deleteDraft')).toEqual([{ id: ENTRY_ID }]);
    expect(screen.queryByRole('article', { name: '2025-03-02 – Karin Lund' })).toBeNull();
  });
});
