import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../src-renderer/app/App';
import { Shell } from '../../../src-renderer/app/Shell';
import { navigate } from '../../../src-renderer/app/navigation-store';
import { i18n } from '../../../src-renderer/i18n';
import { installFakeBridge, refuse, type FakeHandlers } from '../fake-bridge';
import { locked, session, unlocked } from '../fixtures';

const settings = { unitName: 'Stödenheten', autoLockMinutes: 10, backupFolder: null, backupGenerations: 10 };
const backup = { name: 'fristad-backup-20250301-120000-000', path: '/data/fristad-backup-20250301-120000-000', createdAt: '2025-03-01T11:00:00.000Z', sizeBytes: 120_000 };
const privacy = { retention: { yearsAfterLastEntry: 5, keepEverything: false, birthdayException: true }, officeHours: { start: '07:00', end: '18:00', weekdaysOnly: true }, manyPersons: { count: 15, minutes: 30 } };
const statistics = { suppressionThreshold: 5, adultPopulation: 45_000, riskAssessmentDays: 14 };
const numbers = { numbers: [{ label: 'Nödsamtal', number: '112' }, { label: 'Kvinnofridslinjen', number: '020-50 50 50' }], fromTemplate: true };

/** Every channel the settings screen reads, answering with the values above (and more on top). */
function settingsBridge(more: FakeHandlers = {}) {
  return installFakeBridge({
    'settings.get': () => settings,
    'print.logo': () => ({ logo: null }),
    'privacy.settings': () => privacy,
    'statistics.settings': () => statistics,
    'safetyPlans.unitNumbers': () => numbers,
    'backups.list': () => [],
    'templates.list': () => [],
    'services.types': () => [],
    ...more,
  });
}

/** The form of one section, found by its accessible name. */
const section = (name: string) => screen.findByRole('form', { name });

describe('settings', () => {
  afterEach(async () => {
    await i18n.changeLanguage('sv');
  });

  it('shows a handläggare every setting of the unit, with nothing to change and no button that would be refused', async () => {
    // Given a worker who is not samordnare
    settingsBridge({ 'backups.list': () => [backup] });
    navigate({ name: 'settings' });
    render(<Shell session={{ ...session, role: 'handlaggare' }} />);
    // Then the values are shown as text
    expect(await screen.findByText('Bara en samordnare kan ändra dem.', { exact: false })).toBeTruthy();
    expect(await screen.findByText('45 000')).toBeTruthy();
    expect(screen.getByText('10 minuter')).toBeTruthy();
    expect(screen.getByText('07:00–18:00, vardagar')).toBeTruthy();
    expect(screen.getByText('020-50 50 50')).toBeTruthy();
    // And no field of the unit's settings can be edited, nothing can be saved, restored or uploaded
    expect(screen.queryByLabelText('Lås automatiskt efter (minuter)')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Spara' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Återställ/ })).toBeNull();
    expect(screen.queryByLabelText('Välj logotyp (PNG eller JPEG)…')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Lägg till nummer' })).toBeNull();
    // But their own passphrase is theirs to change
    expect(screen.getByRole('heading', { name: 'Ditt lösenord' })).toBeTruthy();
  });

  it('refuses an auto-lock outside 1–120 minutes before sending', async () => {
    // Given a samordnare / When 0 minutes is saved / Then the range is explained and nothing is sent
    const bridge = settingsBridge();
    navigate({ name: 'settings' });
    render(<Shell session={session} />);
    const user = userEvent.setup();
    const minutes = await screen.findByLabelText('Lås automatiskt efter (minuter)');
    await user.clear(minutes);
    await user.type(minutes, '0');
    await user.click(within(await section('Säkerhet: automatisk låsning')).getByRole('button', { name: 'Spara' }));
    expect(screen.getByText('Ange hela minuter mellan 1 och 120.')).toBeTruthy();
    expect(bridge.callsTo('settings.update')).toHaveLength(0);
  });

  it('saves one section on its own, says "Sparat" there, and shows the server’s message at the field it names', async () => {
    // Given a samordnare whose server refuses a threshold below 3
    const bridge = settingsBridge({
      'statistics.updateSettings': (patch) =>
        patch.suppressionThreshold! < 3 ? refuse({ code: 'validation', message: 'Kontrollera de markerade fälten.', details: { issues: [{ path: 'suppressionThreshold', code: 'too_small', message: 'Gränsen kan inte vara lägre än 3.' }] } }) : { ...statistics, ...patch },
    });
    navigate({ name: 'settings' });
    render(<Shell session={session} />);
    const user = userEvent.setup();
    const form = await section('Statistik');
    const threshold = within(form).getByLabelText('Sekretessgräns (minsta antal som visas)');
    // When 2 is saved / Then the server's reason stands at the field, and no "Sparat"
    await user.clear(threshold);
    await user.type(threshold, '2');
    await user.click(within(form).getByRole('button', { name: 'Spara' }));
    expect(await within(form).findByText('Gränsen kan inte vara lägre än 3.')).toBeTruthy();
    expect(within(form).getByRole('status').textContent).toBe('');
    // When a word is typed as the population / Then it is refused before sending
    const population = within(form).getByLabelText('Kommunens vuxna invånare (18 år och äldre)');
    await user.clear(population);
    await user.type(population, 'många');
    await user.click(within(form).getByRole('button', { name: 'Spara' }));
    expect(within(form).getByText('Ange ett heltal, med siffror.')).toBeTruthy();
    expect(bridge.callsTo('statistics.updateSettings')).toHaveLength(1);
    // When 10 and "45 000" are saved / Then only this section's channel is called, and it says "Sparat"
    await user.clear(population);
    await user.type(population, '45 000');
    await user.clear(threshold);
    await user.type(threshold, '10');
    await user.click(within(form).getByRole('button', { name: 'Spara' }));
    expect(await within(form).findByText('Sparat')).toBeTruthy();
    expect(bridge.callsTo('statistics.updateSettings').at(-1)).toEqual({ suppressionThreshold: 10, adultPopulation: 45_000, riskAssessmentDays: 14 });
    expect(bridge.callsTo('settings.update')).toHaveLength(0);
    expect(bridge.callsTo('privacy.updateSettings')).toHaveLength(0);
  });

  it('edits the emergency numbers as an ordered list and places a row’s error at that row', async () => {
    // Given a samordnare with the template's two numbers
    const bridge = settingsBridge({
      'safetyPlans.setUnitNumbers': (input) =>
        input.numbers?.some((n) => n.number === '')
          ? refuse({ code: 'validation', message: 'Kontrollera de markerade fälten.', details: { issues: [{ path: 'numbers.2.number', code: 'too_small', message: 'Skriv numret.' }] } })
          : { numbers: input.numbers ?? numbers.numbers, fromTemplate: input.numbers === null },
    });
    navigate({ name: 'settings' });
    render(<Shell session={session} />);
    const user = userEvent.setup();
    const form = await section('Säkerhetsplaner: nödnummer');
    expect(within(form).getByText(/listan kommer från mallen/)).toBeTruthy();
    // When a third row is added with a label but no number, and saved
    await user.click(within(form).getByRole('button', { name: 'Lägg till nummer' }));
    await user.type(within(form).getByLabelText('Beskrivning, rad 3'), 'Socialjouren');
    await user.click(within(form).getByRole('button', { name: 'Spara' }));
    // Then the message stands at row 3's number
    const third = within(form).getByLabelText('Nummer, rad 3');
    expect(await within(form).findByText('Skriv numret.')).toBeTruthy();
    expect(third.getAttribute('aria-invalid')).toBe('true');
    // When the number is filled in, the row moved to the top and saved
    await user.type(third, '08-123 45 67');
    await user.click(within(form).getByRole('button', { name: 'Flytta upp rad 3' }));
    await user.click(within(form).getByRole('button', { name: 'Flytta upp rad 2' }));
    await user.click(within(form).getByRole('button', { name: 'Spara' }));
    // Then the list is sent in that order
    expect(await within(form).findByText('Sparat')).toBeTruthy();
    expect(bridge.callsTo('safetyPlans.setUnitNumbers').at(-1)).toEqual({ numbers: [{ label: 'Socialjouren', number: '08-123 45 67' }, ...numbers.numbers] });
  });

  it('restores a backup only after the warning is confirmed, then shows the lock screen', async () => {
    // Given a samordnare in the settings with one backup
    const bridge = settingsBridge({
      'vault.status': () => unlocked,
      'cases.list': () => ({ items: [], next: null }),
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
    settingsBridge();
    navigate({ name: 'settings' });
    render(<Shell session={session} />);
    // When English is chosen
    await userEvent.setup().click(await screen.findByLabelText('English'));
    // Then the menu speaks English and the choice is stored
    expect(await screen.findByRole('button', { name: 'Cases' })).toBeTruthy();
    expect(localStorage.getItem('fristad.language')).toBe('en');
  });
});
