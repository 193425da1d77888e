import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Shell } from '../../../src-renderer/app/Shell';
import { navigate } from '../../../src-renderer/app/navigation-store';
import { installFakeBridge, refuse, type FakeHandlers } from '../fake-bridge';
import { descriptionOf } from '../field';
import { EXISTING_ID, PERSON_ID, person, session } from '../fixtures';

function openForm(handlers: FakeHandlers) {
  const bridge = installFakeBridge(handlers);
  navigate({ name: 'person-new' });
  render(<Shell session={session} />);
  return { bridge, user: userEvent.setup() };
}

async function fillValid(user: ReturnType<typeof userEvent.setup>, number = '19121212-1212') {
  await user.type(screen.getByLabelText('Förnamn'), 'Anna');
  await user.type(screen.getByLabelText('Efternamn'), 'Svensson');
  await user.type(screen.getByLabelText('Personnummer eller samordningsnummer'), number);
  await user.selectOptions(screen.getByLabelText('Kön'), 'kvinna');
}

describe('person form', () => {
  it('refuses a personnummer whose check digit is wrong, in Swedish, next to the number', async () => {
    // Given the form with a number whose last digit is off by one
    const { bridge, user } = openForm({});
    await fillValid(user, '19121212-1213');
    // When it is saved
    await user.click(screen.getByRole('button', { name: 'Spara person' }));
    // Then the checksum message sits at the number field and nothing was sent
    expect(descriptionOf('Personnummer eller samordningsnummer')).toContain('Kontrollsiffran stämmer inte. Kontrollera numret.');
    expect(bridge.callsTo('persons.create')).toHaveLength(0);
  });

  it('asks for gender rather than guessing it from the number', async () => {
    // Given a valid number but no gender chosen
    const { bridge, user } = openForm({});
    await user.type(screen.getByLabelText('Förnamn'), 'Anna');
    await user.type(screen.getByLabelText('Efternamn'), 'Svensson');
    await user.type(screen.getByLabelText('Personnummer eller samordningsnummer'), '19121212-1212');
    // When saved / Then the gender field asks for a choice
    await user.click(screen.getByRole('button', { name: 'Spara person' }));
    expect(descriptionOf('Kön')).toContain('Välj kön.');
    expect(bridge.callsTo('persons.create')).toHaveLength(0);
  });

  it('shows a field error from the server next to that field', async () => {
    // Given a server that refuses the first name
    const { user } = openForm({
      'persons.create': () =>
        refuse({ code: 'validation', message: 'Uppgifterna är inte giltiga. Rätta de markerade fälten.', details: { issues: [{ path: 'firstName', code: 'custom', message: 'Otillåtna tecken.' }] } }),
    });
    await fillValid(user);
    // When the form is saved
    await user.click(screen.getByRole('button', { name: 'Spara person' }));
    // Then the server's message is tied to "Förnamn", not to another field
    expect(await screen.findByText('Otillåtna tecken.')).toBeTruthy();
    expect(descriptionOf('Förnamn')).toContain('Otillåtna tecken.');
    expect(descriptionOf('Efternamn')).not.toContain('Otillåtna tecken.');
    expect(screen.getByLabelText('Förnamn').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Uppgifterna är inte giltiga. Rätta de markerade fälten.')).toBeTruthy();
  });

  it('sends the identity as the contract has it and opens the new person', async () => {
    // Given a valid form with protected registration
    const { bridge, user } = openForm({
      'persons.create': () => person(),
      'persons.get': () => person({ protectionLevel: 'skyddad_folkbokforing' }),
    });
    await fillValid(user, '121212-1212');
    await user.click(screen.getByLabelText('Skyddad folkbokföring'));
    // When saved
    await user.click(screen.getByRole('button', { name: 'Spara person' }));
    // Then the input is what persons.create expects, and the person opens with the red marker
    expect(bridge.callsTo('persons.create')).toEqual([{ firstName: 'Anna', lastName: 'Svensson', identity: { kind: 'personnummer', value: '121212-1212' }, gender: 'kvinna', protectionLevel: 'skyddad_folkbokforing' }]);
    expect(await screen.findByRole('heading', { name: 'Anna Svensson' })).toBeTruthy();
    expect(screen.getAllByText('Skyddad identitet').length).toBeGreaterThan(0);
    expect(bridge.callsTo('persons.get')).toEqual([{ id: PERSON_ID }]);
  });

  it('opens the existing person on a conflict and says why', async () => {
    // Given a number that is already registered
    const { bridge, user } = openForm({
      'persons.create': () => refuse({ code: 'conflict', message: 'Det finns redan en person med det numret. Den befintliga personen öppnas i stället.', details: { existingId: EXISTING_ID } }),
      'persons.get': ({ id }) => person({ id, firstName: 'Anna', lastName: 'Befintlig' }),
    });
    await fillValid(user);
    // When the form is saved
    await user.click(screen.getByRole('button', { name: 'Spara person' }));
    // Then the existing person is read and shown, with the reason
    expect(await screen.findByRole('heading', { name: 'Anna Befintlig' })).toBeTruthy();
    expect(bridge.callsTo('persons.get')).toEqual([{ id: EXISTING_ID }]);
    expect(screen.getByText(/^Personen finns redan/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Öppna ärende' })).toBeTruthy();
  });
});
