import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src-renderer/app/App';
import { Shell } from '../../../src-renderer/app/Shell';
import { navigate } from '../../../src-renderer/app/navigation-store';
import { i18n } from '../../../src-renderer/i18n';
import { installFakeBridge, refuse } from '../fake-bridge';
import { locked, session, unlocked } from '../fixtures';

const settings = { unitName: 'Stödenheten', autoLockMinutes: 10, backupFolder: null, backupGenerations: 10 };
const backup = { name: 'fristad-backup-20250301-120000-000', path: '/data/fristad-backup-20250301-120000-000', createdAt: '2025-03-01T11:00:00.000Z', sizeBytes: 120_000 };

describe('settings', () => {
  afterEach(async () => {
    await i18n.changeLanguage('sv');
  });

  it('shows the server’s refusal when a handläggare tries to save', async () => {
    // Given a worker who is not samordnare
    installFakeBridge({
      'settings.get': () => settings,
      'backups.list': () => [backup],
      'settings.update': () => refuse({ code: 'forbidden', message: 'Den här funktionen är bara för samordnare.' }),
    });
    navigate({ name: 'settings' });
    render(<Shell session={{ ...session, role: 'handlaggare' }} />);
    const user = userEvent.setup();
    // When they change the auto-lock and save
    const minutes = await screen.findByLabelText('Lås automatiskt efter (minuter)');
    await user.clear(minutes);
    await user.type(minutes, '15');
    await user.click(screen.getByRole('button', { name: 'Spara inställningar' }));
    // Then the refusal is shown, and no restore button is offered to them
    expect(await screen.findByText('Den här funktionen är bara för samordnare.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Återställ/ })).toBeNull();
  });

  it('refuses an auto-lock outside 1–120 minutes before sending', async () => {
    // Given a samordnare / When 0 minutes is saved / Then the range is explained and nothing is sent
    const bridge = installFakeBridge({ 'settings.get': () => settings, 'backups.list': () => [] });
    navigate({ name: 'settings' });
    render(<Shell session={session} />);
    const user = userEvent.setup();
    const minutes = await screen.findByLabelText('Lås automatiskt efter (minuter)');
    await user.clear(minutes);
    await user.type(minutes, '0');
    await user.click(screen.getByRole('button', { name: 'Spara inställningar' }));
    expect(screen.getByText('Ange hela minuter mellan 1 och 120.')).toBeTruthy();
    expect(bridge.callsTo('settings.update')).toHaveLength(0);
  });

  it('restores a backup only after the warning is confirmed, then shows the lock screen', async () => {
    // Given a samordnare in the settings with one backup
    const bridge = installFakeBridge({
      'vault.status': () => unlocked,
      'cases.list': () => ({ items: [], next: null }),
      'settings.get': () => settings,
      'backups.list': () => [backup],
      'backups.restore': () => ({ replacedDir: '/data/replaced' }),
    });
    render(<App />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Inställningar' }));
    await user.click(await screen.findByRole('button', { name: /^Återställ kopian från/ }));
    // Then a dialog explains what happens, and nothing is restored yet
    const dialog = screen.getByRole('dialog', { name: 'Återställa säkerhetskopian?' });
    expect(dialog.textContent).toContain('sparas undan');
    expect(dialog.textContent).toContain('måste låsa upp igen');
    expect(bridge.callsTo('backups.restore')).toHaveLength(0);
    // When confirmed
    bridge.set({ 'vault.status': () => locked('restore') });
    await user.click(screen.getByRole('button', { name: 'Återställ kopian' }));
    // Then the backup is restored and the lock screen says so
    expect(bridge.callsTo('backups.restore')).toEqual([{ name: backup.name }]);
    expect(await screen.findByRole('button', { name: 'Lås upp' })).toBeTruthy();
    expect(screen.getByText(/återställts från en säkerhetskopia/)).toBeTruthy();
  });

  it('switches the language and remembers it on this computer', async () => {
    // Given the settings in Swedish
    installFakeBridge({ 'settings.get': () => settings, 'backups.list': () => [] });
    navigate({ name: 'settings' });
    render(<Shell session={session} />);
    // When English is chosen
    await userEvent.setup().click(await screen.findByLabelText('English'));
    // Then the menu speaks English and the choice is stored
    expect(await screen.findByRole('button', { name: 'Cases' })).toBeTruthy();
    expect(localStorage.getItem('fristad.language')).toBe('en');
  });
});
