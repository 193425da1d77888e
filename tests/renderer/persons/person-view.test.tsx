import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Shell } from '../../../src-renderer/app/Shell';
import { navigate } from '../../../src-renderer/app/navigation-store';
import { installFakeBridge } from '../fake-bridge';
import { descriptionOf } from '../field';
import { PERSON_ID, person, session } from '../fixtures';

const secret = { streetAddress: 'Hemliga vägen 1', postalCode: '123 45', city: 'Exempelby' };

function openPerson(p = person()) {
  const bridge = installFakeBridge({ 'persons.get': () => p, 'persons.revealAddress': () => secret, 'persons.update': (input) => ({ ...p, firstName: input.firstName }) });
  navigate({ name: 'person', personId: PERSON_ID });
  render(<Shell session={session} />);
  return { bridge, user: userEvent.setup() };
}

describe('person view', () => {
  it('shows contact details, language and interpreter need', async () => {
    openPerson(person({ phone: '070-123 45 67', email: 'anna@example.se', language: 'arabiska', interpreterNeeded: true, address: { kind: 'shown', address: secret } }));
    expect(await screen.findByText('070-123 45 67')).toBeTruthy();
    expect(screen.getByText('arabiska')).toBeTruthy();
    expect(screen.getByText('Behövs')).toBeTruthy();
    expect(screen.getByText('Hemliga vägen 1, 123 45 Exempelby')).toBeTruthy();
  });

  it('hides a protected address until a confirmed, logged look', async () => {
    // Given a person with protected registration
    const { bridge, user } = openPerson(person({ protectionLevel: 'skyddad_folkbokforing', address: { kind: 'withheld' } }));
    expect(await screen.findByText('Adressen är skyddad')).toBeTruthy();
    expect(screen.getAllByText('Skyddad identitet').length).toBeGreaterThan(0);
    expect(screen.queryByText(/Hemliga vägen/)).toBeNull();
    // When "Visa adress" is pressed
    await user.click(screen.getByRole('button', { name: 'Visa adress' }));
    // Then a dialog says the look is logged, and nothing is asked for yet
    const dialog = screen.getByRole('dialog', { name: 'Visa skyddad adress?' });
    expect(within(dialog).getByText(/loggas med ditt namn/)).toBeTruthy();
    expect(bridge.callsTo('persons.revealAddress')).toHaveLength(0);
    // When the worker cancels, nothing is shown or asked
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    expect(bridge.callsTo('persons.revealAddress')).toHaveLength(0);
    // When the worker confirms
    await user.click(screen.getByRole('button', { name: 'Visa adress' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Visa adressen' }));
    // Then the channel is called (and logs) and the address is shown, with a note that the look was logged
    expect(bridge.callsTo('persons.revealAddress')).toEqual([{ id: PERSON_ID }]);
    expect((await screen.findByTestId('revealed-address')).textContent).toBe('Hemliga vägen 1, 123 45 Exempelby');
    expect(screen.getByText('Visningen är loggad.')).toBeTruthy();
    // And "Dölj adress" hides it again
    await user.click(screen.getByRole('button', { name: 'Dölj adress' }));
    expect(screen.queryByText(/Hemliga vägen/)).toBeNull();
  });

  it('edits a protected person without sending contact details it was never shown', async () => {
    const { bridge, user } = openPerson(person({ protectionLevel: 'fingerade', address: { kind: 'withheld' }, phone: '070-1' }));
    await user.click(await screen.findByRole('button', { name: 'Ändra uppgifter' }));
    const first = await screen.findByLabelText('Förnamn');
    await user.clear(first);
    await user.type(first, 'Annika');
    expect(screen.queryByLabelText('Gatuadress')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Spara ändringar' }));
    const [input] = bridge.callsTo('persons.update');
    expect(input).toMatchObject({ id: PERSON_ID, firstName: 'Annika', protectionLevel: 'fingerade' });
    expect(input).not.toHaveProperty('contact');
    expect(await screen.findByText('Uppgifterna är sparade.')).toBeTruthy();
  });

  it('edits contact details once the address is shown, and checks the postal code', async () => {
    const { bridge, user } = openPerson(person({ protectionLevel: 'skyddad_folkbokforing', address: { kind: 'withheld' }, phone: '070-1', interpreterNeeded: true, language: 'somaliska' }));
    await user.click(await screen.findByRole('button', { name: 'Ändra uppgifter' }));
    await user.click(screen.getByRole('button', { name: 'Visa adress för att ändra' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Visa adressen' }));
    const postal = await screen.findByLabelText('Postnummer');
    expect((screen.getByLabelText('Gatuadress') as HTMLInputElement).value).toBe('Hemliga vägen 1');
    await user.clear(postal);
    await user.type(postal, '12');
    await user.click(screen.getByRole('button', { name: 'Spara ändringar' }));
    expect(descriptionOf('Postnummer')).toContain('Postnummer skrivs NNN NN.');
    expect(bridge.callsTo('persons.update')).toHaveLength(0);
    await user.type(postal, '345');
    await user.click(screen.getByRole('button', { name: 'Spara ändringar' }));
    expect(bridge.callsTo('persons.update')[0]?.contact).toEqual({ streetAddress: 'Hemliga vägen 1', postalCode: '12345', city: 'Exempelby', phone: '070-1', email: '', language: 'somaliska', interpreterNeeded: true });
    // And back on the person's page the address is hidden again
    expect(await screen.findByText('Adressen är skyddad')).toBeTruthy();
    expect(screen.queryByText(/Hemliga vägen/)).toBeNull();
  });
});
