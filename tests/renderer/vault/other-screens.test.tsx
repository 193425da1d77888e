import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src-renderer/app/App';
import { installFakeBridge } from '../fake-bridge';
import { session } from '../fixtures';

describe('vault screens', () => {
  it('forces a first passphrase change before anything else opens', async () => {
    // Given a worker who unlocked with a temporary passphrase
    const bridge = installFakeBridge({
      'vault.status': () => ({ state: 'unlocked', session: { ...session, mustChangePassphrase: true }, autoLockMinutes: 10 }),
      'vault.changePassphrase': () => ({ ...session, mustChangePassphrase: false }),
      'cases.list': () => ({ items: [], next: null }),
    });
    render(<App />);
    const user = userEvent.setup();
    // Then only the change form is shown, no menu
    expect(await screen.findByRole('heading', { name: 'Byt ditt lösenord' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ärenden' })).toBeNull();
    // When a new passphrase is chosen
    await user.type(screen.getByLabelText('Nuvarande lösenord'), 'tillfälligt1');
    await user.type(screen.getByLabelText('Nytt lösenord'), 'mitt eget långa lösenord');
    await user.type(screen.getByLabelText('Bekräfta det nya lösenordet'), 'mitt eget långa lösenord');
    await user.click(screen.getByRole('button', { name: 'Byt lösenord' }));
    // Then it is sent and the working app opens
    expect(bridge.callsTo('vault.changePassphrase')).toEqual([{ current: 'tillfälligt1', passphrase: 'mitt eget långa lösenord', passphraseRepeat: 'mitt eget långa lösenord' }]);
    expect(await screen.findByRole('heading', { name: 'Ärenden' })).toBeTruthy();
  });

  it('explains an unreadable vault and what to do', async () => {
    // Given a vault file that cannot be read / When the app starts / Then the server's reason and the steps are shown
    installFakeBridge({ 'vault.status': () => ({ state: 'unreadable', message: 'Valvfilen är avkortad eller skadad. Återställ den senaste säkerhetskopian.' }) });
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Valvet kan inte öppnas' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Valvfilen är avkortad eller skadad.');
    expect(screen.getByText(/Kontakta enhetens samordnare eller IT-stöd/)).toBeTruthy();
  });

  it('checks the recovery key and the new passphrase before trying the recovery unlock', async () => {
    // Given the lock screen's "Glömt lösenordet?"
    const bridge = installFakeBridge({ 'vault.status': () => ({ state: 'locked', unitName: 'Stödenheten', workers: [{ workerId: session.workerId, name: 'Karin Lund' }], lastLockReason: null }) });
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Glömt lösenordet?' }));
    // When a mistyped key and a short passphrase are sent
    await user.type(screen.getByLabelText('Återställningsnyckel'), 'AB12-CD34');
    await user.type(screen.getByLabelText('Nytt lösenord'), 'kort');
    await user.type(screen.getByLabelText('Bekräfta det nya lösenordet'), 'kort');
    await user.click(screen.getByRole('button', { name: 'Lås upp och byt lösenord' }));
    // Then both are pointed out and nothing is tried
    expect(screen.getByText('Nyckeln ska ha 64 tecken, 0–9 och A–F.')).toBeTruthy();
    expect(screen.getByText('Lösenordet måste ha minst 10 tecken.')).toBeTruthy();
    expect(bridge.callsTo('vault.unlockWithRecovery')).toHaveLength(0);
  });
});
