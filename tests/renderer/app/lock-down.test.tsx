import { describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src-renderer/app/App';
import { getEmptyState as emptyNavigation, useNavigationStore } from '../../../src-renderer/app/navigation-store';
import { getEmptyState as emptyPersons, usePersonsStore } from '../../../src-renderer/features/persons/persons-store';
import { getEmptyState as emptyCases, useCasesStore } from '../../../src-renderer/features/cases/cases-store';
import { getEmptyState as emptySettings, useSettingsStore } from '../../../src-renderer/features/settings/settings-store';
import { useVaultStore } from '../../../src-renderer/features/vault/vault-store';
import { STATUS_POLL_MS } from '../../../src-renderer/app/use-auto-lock';
import { installFakeBridge, refuse } from '../fake-bridge';
import { CASE_ID, caseDetail, caseItem, locked, person, unlocked } from '../fixtures';

/** The data part of a store (its functions are not state). */
function dataOf(state: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(state).filter(([, v]) => typeof v !== 'function'));
}

function expectAllFeatureStoresEmpty() {
  expect(dataOf(usePersonsStore.getState())).toEqual(emptyPersons());
  expect(dataOf(useCasesStore.getState())).toEqual(emptyCases());
  expect(dataOf(useSettingsStore.getState())).toEqual(emptySettings());
  expect(dataOf(useNavigationStore.getState())).toEqual(emptyNavigation());
  expect(useVaultStore.getState().recoveryKey).toBeNull();
}

const LOCKED_REFUSAL = { code: 'locked' as const, message: 'Valvet är låst. Lås upp med ditt lösenord.' };

describe('lock-down', () => {
  it('empties every store and shows the lock screen when any call is refused as locked', async () => {
    // Given an unlocked app with a case list and a person search in memory
    const bridge = installFakeBridge({
      'vault.status': () => unlocked,
      'cases.list': () => ({ items: [caseItem()], next: null }),
      'persons.search': () => [person()],
      'settings.get': () => ({ unitName: 'Stödenheten', autoLockMinutes: 10, backupFolder: null, backupGenerations: 10 }),
    });
    render(<App />);
    const user = userEvent.setup();
    expect(await screen.findByTestId('case-list')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Personer' }));
    await user.type(screen.getByLabelText('Sök person'), 'Anna');
    expect(await screen.findByRole('button', { name: 'Anna Svensson' })).toBeTruthy();
    expect(useCasesStore.getState().items).toHaveLength(1);
    // When the vault has locked on the main side and the next call says so
    bridge.set({ 'vault.status': () => locked('idle'), 'persons.search': () => refuse(LOCKED_REFUSAL) });
    await user.type(screen.getByLabelText('Sök person'), 'x');
    // Then the lock screen is shown, with the reason
    expect(await screen.findByRole('button', { name: 'Lås upp' })).toBeTruthy();
    expect(screen.getByText('Fristad låstes efter en stunds inaktivitet.')).toBeTruthy();
    // And no case or person data is left, neither on screen nor in any store
    expect(screen.queryByText(/Svensson/)).toBeNull();
    expectAllFeatureStoresEmpty();
  });

  it('empties the stores when the status poll finds the vault locked, with nobody touching the app', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      // Given an unlocked app showing a case
      const bridge = installFakeBridge({ 'vault.status': () => unlocked, 'cases.list': () => ({ items: [caseItem()], next: null }) });
      render(<App />);
      expect(await screen.findByTestId('case-list')).toBeTruthy();
      // When the main process locks on its own and the next poll comes round
      bridge.set({ 'vault.status': () => locked('idle') });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(STATUS_POLL_MS + 10);
      });
      // Then the lock screen replaces the list and the stores are empty
      expect(await screen.findByRole('button', { name: 'Lås upp' })).toBeTruthy();
      expect(screen.queryByTestId('case-list')).toBeNull();
      expectAllFeatureStoresEmpty();
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops answers that arrive after the lock instead of refilling the stores', async () => {
    // Given a person search and a case read still on their way when the vault locks
    let answerSearch: (value: ReturnType<typeof person>[]) => void = () => undefined;
    let answerCase: (value: ReturnType<typeof caseDetail>) => void = () => undefined;
    installFakeBridge({
      'vault.status': () => unlocked,
      'cases.list': () => ({ items: [], next: null }),
      'persons.search': () => new Promise((resolve) => (answerSearch = resolve)),
      'cases.get': () => new Promise((resolve) => (answerCase = resolve)),
    });
    render(<App />);
    await screen.findByRole('heading', { name: 'Ärenden' });
    usePersonsStore.getState().setQuery('Anna');
    const pendingSearch = usePersonsStore.getState().search();
    const pendingCase = useCasesStore.getState().open(CASE_ID);
    // When the lock button is pressed and only then the answers arrive
    const bridge = installFakeBridge({ 'vault.lock': () => null, 'vault.status': () => locked('user') });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Lås' }));
    await screen.findByRole('button', { name: 'Lås upp' });
    answerSearch([person()]);
    answerCase(caseDetail());
    await Promise.all([pendingSearch, pendingCase]);
    // Then the stores stay empty
    expect(bridge.callsTo('vault.lock')).toHaveLength(1);
    expect(usePersonsStore.getState().results).toEqual([]);
    expect(useCasesStore.getState().current).toBeNull();
    expectAllFeatureStoresEmpty();
  });
});
