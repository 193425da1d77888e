import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, SCREENS } from './fixtures.js';
import type { RunningHost } from '../host/server.js';
import type { PersonSummary } from '../../src-main/features/persons/contract.js';
import type { CaseDetail } from '../../src-main/features/cases/contract.js';
import { cp1252, pnr } from './placement-files.js';

const PASSPHRASE = 'grön uggla läser tidningen';

async function call<T>(host: RunningHost, channel: string, input?: unknown): Promise<T> {
  const r = await host.router.invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** A case with a mother and her two children, made through the router (the intake has its own end-to-end test). */
async function motherWithTwoChildren(host: RunningHost): Promise<CaseDetail> {
  const person = (firstName: string, birthYear: number) =>
    call<PersonSummary>(host, 'persons.create', { firstName, lastName: 'Påhittsdotter', identity: { kind: 'none', birthYear }, gender: 'kvinna', protectionLevel: 'skyddad_folkbokforing' });
  const mother = await person('Elin', 1987);
  const kids = [await person('Alva', 2016), await person('Otto', 2019)];
  return call<CaseDetail>(host, 'cases.create', {
    mainPersonId: mother.id, intakeDate: '2025-01-08', intakeSource: 'islandsmodellen', violenceTypes: ['physical'],
    people: kids.map((k) => ({ person: { personId: k.id }, role: 'child', childExposure: 'witnessed' })),
  });
}

/** A main-menu entry (the views also have links with the same words). */
const menu = (page: Page, name: string) => page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name, exact: true });

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENS, `placements-${name}.png`), fullPage: true });

test('register a shelter, place a mother with two children, end the placement, check the monthly cost', async ({ page, host }) => {
  await host.core.create({ unitName: 'Enheten för våld i nära relationer, Exempelby', workerName: 'Nora Socialsekreterare', passphrase: PASSPHRASE });
  const theCase = await motherWithTwoChildren(host);
  await page.goto(host.openUrl);

  // The register: a new shelter with its secret address and its first price.
  await menu(page, 'Boenden').click();
  await page.getByRole('button', { name: 'Nytt boende' }).click();
  await page.getByLabel('Namn').fill('Kvinnojouren Linden');
  await page.getByLabel('Driftsform').selectOption({ label: 'Kvinnojour (ideell)' });
  await page.getByLabel('Tillståndsnummer (IVO)').fill('IVO 3.5.1-4711/2024');
  await page.getByLabel('Platser', { exact: true }).fill('6');
  await page.getByLabel('Gatuadress').fill('Lönnvägen 12');
  await page.getByLabel('Postnummer').fill('98765');
  await page.getByLabel('Ort').fill('Skogsby');
  await page.getByLabel('Tillgängligt med rullstol').check();
  await page.getByLabel('Gäller från', { exact: true }).fill('2024-01-01');
  await page.getByLabel('Vuxen, kr per dygn').fill('1 200');
  await page.getByLabel('Barn, kr per dygn').fill('600');
  await shot(page, '01-new-shelter');
  await page.getByRole('button', { name: 'Spara boendet' }).click();
  await expect(page.getByRole('heading', { name: 'Kvinnojouren Linden' })).toBeVisible();
  await expect(page.getByText('Adressen är dold.')).toBeVisible();
  await expect(page.getByText('Lönnvägen 12')).toHaveCount(0);
  await page.getByRole('button', { name: 'Visa adress' }).click();
  await expect(page.getByText('Lönnvägen 12, 987 65 Skogsby')).toBeVisible();
  await shot(page, '02-shelter');
  // A change of the entry never shows or loses the secret address.
  await page.getByRole('button', { name: 'Ändra uppgifter' }).click();
  await expect(page.getByLabel('Gatuadress')).toHaveCount(0);
  await page.getByLabel('Telefon').fill('010-123 45 67');
  await page.getByRole('button', { name: 'Spara boendet' }).click();
  await expect(page.getByText('010-123 45 67')).toBeVisible();
  await page.getByRole('button', { name: 'Visa adress' }).click();
  await expect(page.getByText('Lönnvägen 12, 987 65 Skogsby')).toBeVisible();

  // The placement on the case: the mother and both children, each child with its own decision and schooling.
  await menu(page, 'Ärenden').click();
  await page.getByRole('button', { name: theCase.caseNumber }).click();
  await page.getByRole('button', { name: 'Ny placering' }).click();
  await page.getByLabel('Boende', { exact: true }).selectOption({ label: 'Kvinnojouren Linden' });
  await page.getByLabel('Beslutsdatum').fill('2025-01-10');
  await page.getByLabel('Startdatum (ankomst)').fill('2025-01-10');
  await page.getByLabel('Planerat slut').fill('2025-03-10');
  for (const [i, name, schooling] of [[0, 'Alva', 'Ny skola nära boendet'], [1, 'Otto', 'Ny förskola']] as const) {
    await page.getByLabel(`${name} Påhittsdotter följer med`).check();
    await page.locator(`#placement-child-${i}-decisionRef`).fill(`IFO 2025-${100 + i}`);
    await page.locator(`#placement-child-${i}-consent`).selectOption({ label: 'Beslut utan samtycke' });
    await page.locator(`#placement-child-${i}-consentGround`).fill('6 kap. 13 a § FB');
    await page.locator(`#placement-child-${i}-schooling`).selectOption({ label: schooling });
  }
  await shot(page, '03-placement-form');
  await page.getByRole('button', { name: 'Placera', exact: true }).click();
  await expect(page.getByText('Placeringen är registrerad.')).toBeVisible();
  const row = page.locator('.placements-table tbody tr');
  await expect(row).toContainText('Kvinnojouren Linden');
  await expect(row).toContainText('Ny skola nära boendet');
  await shot(page, '04-placed');

  // Ending it: departure 5 February; the departure day is not billed.
  await page.getByRole('button', { name: 'Avsluta', exact: true }).click();
  await page.getByLabel('Slutdatum (avresedag)').fill('2025-02-05');
  await page.getByLabel('Orsak').selectOption({ label: 'Flyttat vidare' });
  await page.getByLabel('Vart flyttade personen').selectOption({ label: 'Andrahandskontrakt' });
  await page.getByRole('button', { name: 'Avsluta placeringen' }).click();
  await expect(page.getByText('Placeringen är avslutad.')).toBeVisible();
  // 26 nights for the mother, 2 × 26 for the children: 26 × 1 200 + 52 × 600 = 62 400 kr
  await expect(row).toContainText('Andrahandskontrakt');
  await expect(row.locator('td').nth(5)).toHaveText(/^26\s*\+ 52 barndygn$/);
  await expect(row).toContainText('Beslut IFO 2025-100 · Beslut utan samtycke (6 kap. 13 a § FB)');
  await expect(row).toContainText(/62\s400\skr/);
  await shot(page, '05-ended');

  // A child's page shows the stay in its placement history.
  await page.getByRole('button', { name: 'Alva Påhittsdotter' }).first().click();
  const history = page.getByRole('region', { name: 'Placeringshistorik' });
  await expect(history).toContainText('Kvinnojouren Linden');
  await expect(history).toContainText('2025-02-05');
  await shot(page, '05b-child-history');

  // The budget: January holds 22 nights each, February 4.
  await menu(page, 'Placeringar').click();
  await page.getByRole('textbox', { name: 'Månad' }).fill('2025-01');
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page.getByTestId('monthly-total')).toHaveText(/52\s800\skr/);
  await shot(page, '06-monthly-january');
  await page.getByRole('textbox', { name: 'Månad' }).fill('2025-02');
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page.getByTestId('monthly-total')).toHaveText(/9\s600\skr/);
  // The year's budget: months × shelters; January and February add up to the whole stay.
  await page.getByRole('textbox', { name: 'År' }).fill('2025');
  await page.getByRole('button', { name: 'Visa året' }).click();
  const year = page.getByTestId('year-cost');
  await expect(page.getByTestId('year-total')).toHaveText(/62\s400\skr/);
  await expect(year.locator('tbody.year-shelter')).toContainText('Kvinnojouren Linden');
  // January: 22 nights × 1 200 for her, 44 × 600 for the children
  await expect(year.locator('tbody.year-shelter tr').nth(0).locator('td').nth(0)).toHaveText(/26\s400\skr/);
  await expect(year.locator('tbody.year-shelter tr').nth(1).locator('td').nth(0)).toHaveText(/26\s400\skr/);
  await page.getByTestId('year-cost').scrollIntoViewIfNeeded();
  await shot(page, '06b-year-budget');
  await page.getByRole('textbox', { name: 'År' }).fill('25');
  await page.getByRole('button', { name: 'Visa året' }).click();
  await expect(page.getByText('Skriv året med fyra siffror, t.ex. 2025.')).toBeVisible();

  // The occupancy timeline of the shelter shows the stay.
  await menu(page, 'Boenden').click();
  await page.getByRole('button', { name: 'Kvinnojouren Linden' }).click();
  await page.getByLabel('Från', { exact: true }).fill('2025-01-01');
  await page.getByLabel('Till', { exact: true }).fill('2025-02-15');
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page.getByRole('group', { name: /Beläggning per dag/ }).getByText('Elin Påhittsdotter')).toBeVisible();
  await shot(page, '07-occupancy');
});

test('import a sheet with good and bad rows: dry run with reasons, then commit once', async ({ page, host }) => {
  await host.core.create({ unitName: 'Enheten för våld i nära relationer, Exempelby', workerName: 'Nora Socialsekreterare', passphrase: PASSPHRASE });
  await call(host, 'shelters.create', { name: 'Kvinnojouren Linden', operatorType: 'womens_shelter', firstPrice: { validFrom: '2020-01-01', adultOre: 120_000, childOre: 60_000 } });
  const a = pnr('19', '850314', '982');
  const b = pnr('19', '900101', '983');
  const sheet = cp1252([
    'Personnummer;Förnamn;Efternamn;Boende;Beslutsdatum;Startdatum;Slutdatum;Medföljande barn;Barnens beslut',
    `${a};Åsa;Östlund;Kvinnojouren Linden;2024-03-04;5/3/2024;2024-04-01;${pnr('20', '150304', '123')} Alva Östlund, ${pnr('20', '180101', '238')} Otto Östlund;IFO 2024-101, IFO 2024-102`,
    `${b};Märta;Ekström;Kvinnojouren Linden;;2024-05-02;;;`,
    `19850314-1234;Fel;Nummer;Kvinnojouren Linden;;2024-01-01;;;`,
    `${b};Okänd;Jour;Jouren Som Inte Finns;;2023-01-01;;;`,
    `${a};Omvänd;Ordning;Kvinnojouren Linden;;2023-05-10;2023-05-01;;`,
    `${pnr('19', '700101', '111')};Fel;Barn;Kvinnojouren Linden;;2024-01-01;;20150304-1234 Fel Barnsson;`,
  ].join('\r\n'));
  await page.goto(host.openUrl);
  await menu(page, 'Placeringar').click();
  await page.getByRole('button', { name: 'Importera placeringslogg' }).click();
  await page.getByLabel('Fil (.xlsx eller .csv)').setInputFiles({ name: 'placeringslogg.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  await expect(page.getByText(/6 rader\. Teckenkodning: windows-1252\. Avgränsare: ;/)).toBeVisible();
  await expect(page.getByLabel('Medföljande barn', { exact: true })).toHaveValue('7');
  await expect(page.getByLabel('Barnens beslut', { exact: true })).toHaveValue('8');
  await expect(page.getByLabel('Personnummer *')).toHaveValue('0');
  await expect(page.getByLabel('Boende *')).toHaveValue('3');
  await shot(page, '08-import-mapping');
  await page.getByRole('button', { name: 'Provkör' }).click();
  await expect(page.getByText('2 rader kan importeras')).toBeVisible();
  await expect(page.getByText('4 rader avvisas')).toBeVisible();
  await expect(page.getByText(/2 medföljande barn placeras med\./)).toBeVisible();
  const refused = page.locator('.import-refused tbody tr');
  await expect(refused.nth(0)).toContainText('Kontrollsiffran stämmer inte');
  await expect(refused.nth(1)).toContainText('Boendet ”Jouren Som Inte Finns” finns inte i registret');
  await expect(refused.nth(2)).toContainText('fel ordning');
  await expect(refused.nth(3)).toContainText('Barnet ”20150304-1234 Fel Barnsson”: ogiltigt personnummer');
  await shot(page, '09-import-dry-run');
  expect(await host.core.requireSession().db.selectFrom('placements').select('id').execute()).toEqual([]);
  await page.getByRole('button', { name: 'Importera 2 rader' }).click();
  await expect(page.getByText(/Klart: 2 placeringar importerades/)).toBeVisible();
  await shot(page, '10-import-done');

  // The open one is now a current placement; importing the same file again finds both already there.
  await menu(page, 'Placeringar').click();
  await expect(page.locator('.placements-table')).toContainText('Märta Ekström');
  // The children came along on Åsa's placement, each with its own decision; consent is left for the worker to complete.
  const kids = await host.core.requireSession().db.selectFrom('placement_children').select(['decision_ref', 'consent']).orderBy('decision_ref').execute();
  expect(kids).toEqual([{ decision_ref: 'IFO 2024-101', consent: 'unknown' }, { decision_ref: 'IFO 2024-102', consent: 'unknown' }]);
  await page.getByRole('button', { name: 'Importera placeringslogg' }).click();
  await page.getByLabel('Fil (.xlsx eller .csv)').setInputFiles({ name: 'placeringslogg.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  await page.getByRole('button', { name: 'Provkör' }).click();
  await expect(page.getByText('0 rader kan importeras')).toBeVisible();
  await expect(page.getByText(/placeringen finns redan i Fristad/).first()).toBeVisible();
  expect(await host.core.requireSession().db.selectFrom('placements').select('id').execute()).toHaveLength(2);
});
