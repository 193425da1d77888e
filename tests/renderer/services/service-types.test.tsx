import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Shell } from '../../../src-renderer/app/Shell';
import { navigate } from '../../../src-renderer/app/navigation-store';
import { codeForLabel } from '../../../src-renderer/features/services/service-type-code';
import { installFakeBridge } from '../fake-bridge';
import { serviceTypes, session } from '../fixtures';

const settings = { unitName: 'Stödenheten', autoLockMinutes: 10, backupFolder: null, backupGenerations: 10 };

function openSettings(role: 'samordnare' | 'handlaggare') {
  const bridge = installFakeBridge({
    'settings.get': () => settings,
    'backups.list': () => [],
    'services.types': () => serviceTypes,
    'services.saveType': (input) => [...serviceTypes.filter((t) => t.code !== input.code), { ...input, sortOrder: 9 }],
  });
  navigate({ name: 'settings' });
  render(<Shell session={{ ...session, role }} />);
  return { bridge, user: userEvent.setup() };
}

describe('service types (settings)', () => {
  it('makes a code from the name: a–z, digits and underscores, unique', () => {
    expect(codeForLabel('Stödsamtal för barn', [])).toBe('stodsamtal_for_barn');
    expect(codeForLabel('Tolk', ['tolk'])).toBe('tolk_2');
    expect(codeForLabel('Ö', [])).toMatch(/^[a-z0-9_]{2,40}$/);
  });

  it('lets a samordnare add and retire services, sending exactly the contract’s fields', async () => {
    const { bridge, user } = openSettings('samordnare');
    await screen.findByText('Skyddat boende');
    await user.type(screen.getByLabelText('Namn på den nya insatsen'), 'Stödsamtal för barn');
    await user.click(screen.getByRole('button', { name: 'Lägg till insats' }));
    expect(bridge.callsTo('services.saveType')).toEqual([{ code: 'stodsamtal_for_barn', label: 'Stödsamtal för barn', active: true }]);
    expect(await screen.findByText('Stödsamtal för barn är tillagd.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Sluta erbjuda Skyddat boende' }));
    expect(bridge.callsTo('services.saveType')[1]).toEqual({ code: 'protected_housing', label: 'Skyddat boende', active: false });
  });

  it('shows the list read-only to a handläggare', async () => {
    openSettings('handlaggare');
    await screen.findByText('Skyddat boende');
    expect(screen.getByText('Bara samordnare kan ändra listan.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lägg till insats' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Sluta erbjuda/ })).toBeNull();
  });
});
