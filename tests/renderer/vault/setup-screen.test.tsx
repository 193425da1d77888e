import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src-renderer/app/App';
import { installFakeBridge } from '../fake-bridge';
import { descriptionOf } from '../field';
import { session, unlocked } from '../fixtures';

const KEY = 'AB12-CD34-EF56-7890-AB12-CD34-EF56-7890-AB12-CD34-EF56-7890-AB12-CD34-EF56-7890';

async function openSetup() {
  const bridge = installFakeBridge({
    'vault.status': () => ({ state: 'no_vault' }),
    'vault.create': () => ({ recoveryKey: KEY, session }),
  });
  render(<App />);
  await screen.findByRole('button', { name: 'Skapa valv' });
  return bridge;
}

async function fillSetup(passphrase: string, repeat: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Enhetens namn'), 'Stödenheten');
  await user.type(screen.getByLabelText('Ditt namn'), 'Karin Lund');
  await user.type(screen.getByLabelText('Lösenord'), passphrase);
  await user.type(screen.getByLabelText('Upprepa lösenord'), repeat);
  return user;
}

describe('set-up form', () => {
  it('refuses passphrases that differ, next to the repeat field, without creating a vault', async () => {
    // Given the first-run form
    const bridge = await openSetup();
    // When the two passphrases differ and the form is sent
    const user = await fillSetup('blå cykel vid sjön', 'blå cykel vid sjö');
    await user.click(screen.getByRole('button', { name: 'Skapa valv' }));
    // Then the worker is told so at the repeat field, and nothing reached the main process
    expect(descriptionOf('Upprepa lösenord')).toContain('Lösenorden är inte lika.');
    expect(screen.getByLabelText('Upprepa lösenord').getAttribute('aria-invalid')).toBe('true');
    expect(bridge.callsTo('vault.create')).toHaveLength(0);
  });

  it('refuses a passphrase shorter than 10 characters and says so while typing', async () => {
    // Given the first-run form
    const bridge = await openSetup();
    // When a 9-character passphrase is typed
    const user = await fillSetup('kort1234x', 'kort1234x');
    // Then the live hint says it is too short
    expect(descriptionOf('Lösenord')).toContain('För kort – minst 10 tecken (nu 9).');
    // And sending it shows the rule at the field and creates nothing
    await user.click(screen.getByRole('button', { name: 'Skapa valv' }));
    expect(descriptionOf('Lösenord')).toContain('Lösenordet måste ha minst 10 tecken.');
    expect(bridge.callsTo('vault.create')).toHaveLength(0);
  });

  it('creates the vault, shows the recovery key once, and lets the worker on only after confirming it is kept', async () => {
    // Given the first-run form filled in correctly
    const bridge = await openSetup();
    const user = await fillSetup('blå cykel vid sjön i juni', 'blå cykel vid sjön i juni');
    bridge.set({ 'vault.status': () => unlocked, 'cases.list': () => ({ items: [], next: null }) });
    // When it is sent
    await user.click(screen.getByRole('button', { name: 'Skapa valv' }));
    // Then the recovery key is shown as the main process formatted it
    expect((await screen.findByTestId('recovery-key')).textContent).toBe(KEY);
    expect(bridge.callsTo('vault.create')).toEqual([{ unitName: 'Stödenheten', workerName: 'Karin Lund', passphrase: 'blå cykel vid sjön i juni', passphraseRepeat: 'blå cykel vid sjön i juni' }]);
    // And "Fortsätt" waits for the confirmation
    const next = screen.getByRole('button', { name: 'Fortsätt' });
    expect((next as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByLabelText(/^Jag har skrivit ut/));
    expect((next as HTMLButtonElement).disabled).toBe(false);
    await user.click(next);
    // And the key is gone from the screen once the worker moves on
    expect(await screen.findByRole('heading', { name: 'Ärenden' })).toBeTruthy();
    expect(screen.queryByTestId('recovery-key')).toBeNull();
  });
});
