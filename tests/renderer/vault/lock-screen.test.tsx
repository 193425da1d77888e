import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src-renderer/app/App';
import { installFakeBridge, refuse } from '../fake-bridge';
import { WORKER_ID, locked, session, unlocked } from '../fixtures';

describe('lock screen', () => {
  it('shows the server’s message for a wrong passphrase and empties the field', async () => {
    // Given a locked vault
    const bridge = installFakeBridge({
      'vault.status': () => locked(),
      'vault.unlock': () => refuse({ code: 'wrong_passphrase', message: 'Fel lösenord. Försök igen.' }),
    });
    render(<App />);
    const user = userEvent.setup();
    // When a wrong passphrase is tried
    await user.type(await screen.findByLabelText('Lösenord'), 'inte rätt lösenord');
    await user.click(screen.getByRole('button', { name: 'Lås upp' }));
    // Then the message is shown and the passphrase is not left in the field
    expect((await screen.findByRole('alert')).textContent).toBe('Fel lösenord. Försök igen.');
    expect((screen.getByLabelText('Lösenord') as HTMLInputElement).value).toBe('');
    expect(bridge.callsTo('vault.unlock')).toEqual([{ workerId: WORKER_ID, passphrase: 'inte rätt lösenord' }]);
  });

  it('tells the worker how long to wait after too many attempts', async () => {
    // Given a vault that refuses further tries for a while
    installFakeBridge({
      'vault.status': () => locked(),
      'vault.unlock': () => refuse({ code: 'too_many_attempts', message: 'För många felaktiga försök. Vänta 8 sekunder och försök igen.', details: { retryAfterSeconds: 8 } }),
    });
    render(<App />);
    const user = userEvent.setup();
    // When a try is made
    await user.type(await screen.findByLabelText('Lösenord'), 'vad som helst');
    await user.click(screen.getByRole('button', { name: 'Lås upp' }));
    // Then the wait is shown
    expect((await screen.findByRole('alert')).textContent).toContain('Vänta 8 sekunder');
  });

  it('says that Fristad locked itself after inactivity', async () => {
    // Given a vault locked by the idle timer / When the lock screen shows / Then it says why
    installFakeBridge({ 'vault.status': () => locked('idle') });
    render(<App />);
    expect(await screen.findByText('Fristad låstes efter en stunds inaktivitet.')).toBeTruthy();
  });

  it('unlocks and opens the case list', async () => {
    // Given a locked vault and the right passphrase
    const bridge = installFakeBridge({
      'vault.status': () => locked(),
      'vault.unlock': () => session,
      'cases.list': () => ({ items: [], next: null }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Lösenord'), 'blå cykel vid sjön');
    bridge.set({ 'vault.status': () => unlocked });
    // When "Lås upp" is pressed
    await user.click(screen.getByRole('button', { name: 'Lås upp' }));
    // Then the working app opens with the worker in the header
    expect(await screen.findByRole('heading', { name: 'Ärenden' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Lås' })).toBeTruthy();
    expect(screen.getByText('Karin Lund')).toBeTruthy();
  });
});
