import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { test, expect, SCREENS } from './fixtures.js';
import { invoke, vaultWithProtectedAda } from './privacy-seed.js';

const PDFS = join(import.meta.dirname, '..', 'artifacts', 'pdf');
mkdirSync(PDFS, { recursive: true });
const OLLE_FIRST = 'olles första lösenord';
const OLLE_OWN = 'olles alldeles egna lösenord';

/** One section's form on the settings screen, by its heading. */
const form = (page: Page, name: string) => page.getByRole('form', { name });

/** Saves a section and waits for its "Sparat". */
async function save(section: Locator) {
  await section.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(section.getByRole('status')).toHaveText('Sparat');
}

test('a coordinator changes the unit’s settings in one place, is told in Swedish what is wrong, and a new safety plan prints the unit’s new emergency number; a handläggare only sees them', async ({ page, host }) => {
  test.setTimeout(120_000);
  const shot = (name: string, fullPage = true) => page.screenshot({ path: join(SCREENS, `settings-${name}.png`), fullPage });
  const { adaId } = await vaultWithProtectedAda(host);
  const today = new Date().toISOString().slice(0, 10);
  const made = await invoke<{ caseNumber: string }>(host, 'cases.create', { mainPersonId: adaId, intakeDate: today, intakeSource: 'report_police', violenceTypes: ['physical'] });
  await invoke(host, 'workers.create', { name: 'Olle Kollega', role: 'handlaggare', firstPassphrase: OLLE_FIRST, firstPassphraseRepeat: OLLE_FIRST });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(host.openUrl);

  // Inställningar holds every section of the unit, listed at the top.
  await page.getByRole('button', { name: 'Inställningar' }).click();
  const contents = page.getByRole('navigation', { name: 'Innehåll' });
  for (const name of ['Enheten: namn och logotyp', 'Säkerhet: automatisk låsning', 'Säkerhetskopior', 'Gallring', 'Loggkontroll: kontorstider', 'Statistik', 'Säkerhetsplaner: nödnummer']) await expect(contents.getByRole('button', { name, exact: true })).toBeVisible();
  await shot('01-top', false);

  // The unit's name: saved, and the header says the new name at once.
  const unit = form(page, 'Enhetens namn');
  await unit.getByLabel('Enhetens namn').fill('Stödenheten Exempelby');
  await save(unit);
  await expect(page.locator('.header-unit')).toContainText('Stödenheten Exempelby');

  // Auto-lock: 0 is refused before anything is sent, 15 is saved.
  const lock = form(page, 'Säkerhet: automatisk låsning');
  await lock.getByLabel('Lås automatiskt efter (minuter)').fill('0');
  await lock.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(lock.getByText('Ange hela minuter mellan 1 och 120.')).toBeVisible();
  await expect(lock.getByLabel('Lås automatiskt efter (minuter)')).toBeFocused();
  await lock.getByLabel('Lås automatiskt efter (minuter)').fill('15');
  await save(lock);

  // Office hours: a time that does not exist gets the server's reason at the field; then 08:00–16:30.
  const log = form(page, 'Loggkontroll: kontorstider');
  await log.getByLabel('Slutar').fill('25:00');
  await log.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(log.getByText('Tid skrivs TT:MM, till exempel 07:30.')).toBeVisible();
  await expect(log.getByRole('status')).toHaveText('');
  await log.getByLabel('Börjar').fill('08:00');
  await log.getByLabel('Slutar').fill('16:30');
  await save(log);

  // The threshold for small numbers: 2 is refused by the server with its reason; 10 is saved.
  const stats = form(page, 'Statistik');
  await stats.getByLabel('Sekretessgräns (minsta antal som visas)').fill('2');
  await stats.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(stats.getByText('Gränsen kan inte vara lägre än 3.')).toBeVisible();
  await stats.getByLabel('Sekretessgräns (minsta antal som visas)').fill('10');
  await stats.getByLabel('Kommunens vuxna invånare (18 år och äldre)').fill('45 000');
  await save(stats);

  // The emergency numbers: the template's three to start with; a fourth without its number is refused at that row.
  const numbers = form(page, 'Säkerhetsplaner: nödnummer');
  await expect(numbers.getByText('listan kommer från mallen', { exact: false })).toBeVisible();
  await expect(numbers.getByLabel('Nummer, rad 3')).toHaveValue('020-50 50 50');
  await numbers.getByRole('button', { name: 'Lägg till nummer' }).click();
  await numbers.getByLabel('Beskrivning, rad 4').fill('Socialjouren Exempelby (kvällar och helger)');
  await numbers.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(numbers.getByText('Skriv numret.')).toBeVisible();
  await expect(numbers.getByLabel('Nummer, rad 4')).toBeFocused();
  await shot('02-errors');
  await numbers.getByLabel('Nummer, rad 4').fill('08-123 45 67');
  await numbers.getByRole('button', { name: 'Flytta upp rad 4' }).click();
  await save(numbers);
  await expect(numbers.getByLabel('Beskrivning, rad 3')).toHaveValue('Socialjouren Exempelby (kvällar och helger)');
  await shot('03-saved');

  // Away and back: everything was stored in the vault.
  await page.getByRole('button', { name: 'Ärenden' }).click();
  await page.getByRole('button', { name: 'Inställningar' }).click();
  await expect(form(page, 'Säkerhet: automatisk låsning').getByLabel('Lås automatiskt efter (minuter)')).toHaveValue('15');
  await expect(form(page, 'Loggkontroll: kontorstider').getByLabel('Slutar')).toHaveValue('16:30');
  await expect(form(page, 'Statistik').getByLabel('Sekretessgräns (minsta antal som visas)')).toHaveValue('10');
  await expect(form(page, 'Säkerhetsplaner: nödnummer').getByLabel('Nummer, rad 3')).toHaveValue('08-123 45 67');

  // Statistik shows the threshold and leads back to its section here; the old "Regler" tab of Integritet is gone.
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name: 'Statistik' }).click();
  await page.getByRole('button', { name: 'Ändra under Inställningar → Statistik' }).click();
  await expect(page.getByRole('heading', { name: 'Statistik', exact: true })).toBeFocused();
  await page.getByRole('button', { name: 'Integritet' }).click();
  await expect(page.getByRole('button', { name: 'Regler' })).toHaveCount(0);

  // A new safety plan starts from the unit's numbers, and its printed client copy holds the new one.
  await page.getByRole('button', { name: 'Ärenden' }).click();
  await page.getByRole('button', { name: made.caseNumber }).click();
  await page.getByRole('tab', { name: 'Säkerhetsplan' }).click();
  await page.getByRole('button', { name: 'Skriv säkerhetsplan' }).click();
  const planNumbers = page.getByRole('group', { name: 'Viktiga nummer' });
  await expect(planNumbers.getByRole('textbox', { name: 'Nummer' }).nth(2)).toHaveValue('08-123 45 67');
  await page.getByLabel('Gjord tillsammans med').fill('Ada själv');
  await page.getByRole('button', { name: 'Spara ny version' }).click();
  await expect(page.getByText('Säkerhetsplanen är sparad som en ny version.')).toBeVisible();
  const controls = page.getByRole('group', { name: /Skriv ut säkerhetsplanen/ });
  await controls.getByLabel('Klientkopia').check();
  const [download] = (await Promise.all([page.waitForEvent('download'), controls.getByRole('button', { name: 'Spara som PDF' }).click()])) as [Download, void];
  const pdf = join(PDFS, 'settings-safety-plan-client.pdf');
  await download.saveAs(pdf);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Socialjouren Exempelby (kvällar och helger)');
  expect(text).toContain('08-123 45 67');
  expect(text).toContain('Stödenheten Exempelby');
  expect(text).not.toContain('Hemliga vägen');
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(SCREENS, 'settings-04-plan-client')]);

  // Each change is in the log under its own action.
  const logged = async (action: string) => (await invoke<{ rows: unknown[] }>(host, 'privacy.logSearch', { action })).rows.length;
  expect(await logged('settings.update')).toBeGreaterThanOrEqual(3);
  expect(await logged('statistics.settings')).toBe(1);
  expect(await logged('safety_plans.set_numbers')).toBe(1);

  // A handläggare sees the same settings, with nothing to change.
  await page.getByRole('button', { name: 'Lås', exact: true }).click();
  await page.getByLabel('Handläggare').selectOption({ label: 'Olle Kollega' });
  await page.getByLabel('Lösenord', { exact: true }).fill(OLLE_FIRST);
  await page.getByRole('button', { name: 'Lås upp' }).click();
  await page.getByLabel('Nuvarande lösenord').fill(OLLE_FIRST);
  await page.getByLabel('Nytt lösenord').fill(OLLE_OWN);
  await page.getByLabel('Bekräfta det nya lösenordet').fill(OLLE_OWN);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await page.getByRole('button', { name: 'Inställningar' }).click();
  await expect(page.getByText('Bara en samordnare kan ändra dem.', { exact: false })).toBeVisible();
  await expect(page.getByText('15 minuter')).toBeVisible();
  await expect(page.getByText('08:00–16:30, vardagar')).toBeVisible();
  await expect(page.getByRole('cell', { name: '08-123 45 67' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Spara', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Lägg till nummer' })).toHaveCount(0);
  await shot('05-handlaggare');
  expect(pageErrors).toEqual([]);
});
