import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, SCREENS } from './fixtures.js';
import { cp1252, pnr } from './placement-files.js';

const PASSPHRASE = 'grön uggla läser tidningen';

/** A main-menu entry (the views also have links with the same words). */
const menu = (page: Page, name: string) => page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('button', { name, exact: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENS, `caselog-${name}.png`), fullPage: true });

test('import a case log with good and bad rows: choose the kind, map, dry run with reasons, commit, find the case and the person', async ({ page, host }) => {
  await host.core.create({ unitName: 'Enheten för våld i nära relationer, Exempelby', workerName: 'Nora Socialsekreterare', passphrase: PASSPHRASE });
  const a = pnr('19', '850314', '982');
  const b = pnr('19', '900101', '983');
  const kalle = pnr('19', '800101', '238');
  const sheet = cp1252([
    'Ärendenr;Aktualiserad;Källa;Våldsform;Personnummer;Förnamn;Efternamn;Kön;Våldsutövare;Relation;Status;Avslutsdatum;Avslutsorsak;Handläggare;Anteckning',
    `VINR 23/1;2023-05-04;Polisen;fysiskt, psykiskt;${a};Åsa;Östlund;K;${kalle} Kalle Karlsson;f.d. sambo;avslutad;30/11/2023;målet uppnått;;Önskade stödsamtal, bor hos syster.`,
    `VINR 23/2;5/3/2024;Skolan;psyk/ek;${b};Märta;Ekström;kvinna;;sambo;pågående;;;Nora Socialsekreterare;`,
    `VINR 23/3;2024-01-10;Polisen;fysiskt;19850314-1234;Fel;Nummer;;;;;;;;`,
    `VINR 23/4;2024-01-10;Brevduva;fysiskt;${pnr('19', '770707', '789')};Okänd;Källa;;;;;;;;`,
    `VINR 23/5;2024-05-10;Polisen;fysiskt;${pnr('19', '700101', '111')};Omvänd;Ordning;;;;avslutat;2024-05-01;annat;;`,
    `VINR 23/2;2024-02-02;Polisen;fysiskt;${pnr('19', '700202', '222')};Samma;Nummer;;;;;;;;`,
    `VINR 23/7;2024-01-10;Polisen;fysiskt;${pnr('19', '700303', '333')};Okänd;Handläggare;;;;;;;Nils Saknas;`,
  ].join('\r\n'));

  await page.goto(host.openUrl);
  await menu(page, 'Ärenden').click();
  await page.getByRole('button', { name: 'Importera ärendelogg' }).click();
  await expect(page.getByLabel('Ärendelogg – en rad per ärende')).toBeChecked();
  await page.getByLabel('Fil (.xlsx eller .csv)').setInputFiles({ name: 'ärendelogg.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  await expect(page.getByText(/7 rader\. Teckenkodning: windows-1252\. Avgränsare: ;/)).toBeVisible();
  // The suggestions follow the unit's own headers.
  await expect(page.getByLabel('Ärendenummer (ert eget)')).toHaveValue('0');
  await expect(page.getByLabel('Aktualiseringsdatum *')).toHaveValue('1');
  await expect(page.getByLabel('Våldsform *')).toHaveValue('3');
  await expect(page.getByLabel('Våldsutövare', { exact: true })).toHaveValue('8');
  await expect(page.getByLabel('Anteckning', { exact: true })).toHaveValue('14');
  await shot(page, '01-mapping');

  await page.getByRole('button', { name: 'Provkör' }).click();
  await expect(page.getByText('2 rader kan importeras')).toBeVisible();
  await expect(page.getByText('5 rader avvisas')).toBeVisible();
  await expect(page.getByText(/2 ärenden skapas, 3 nya personer registreras\. 1 anteckning blir ett journalutkast\./)).toBeVisible();
  const refused = page.locator('.import-refused tbody tr');
  await expect(refused.nth(0)).toContainText('Kontrollsiffran stämmer inte');
  await expect(refused.nth(1)).toContainText('Okänd källa ”Brevduva”');
  await expect(refused.nth(2)).toContainText('fel ordning: avslutsdatum ligger före aktualiseringsdatum');
  await expect(refused.nth(3)).toContainText('Dubblett: ärendenumret ”VINR 23/2” står redan på rad 3');
  await expect(refused.nth(4)).toContainText('Handläggaren ”Nils Saknas” finns inte i Fristad');
  await shot(page, '02-dry-run');
  expect(await host.core.requireSession().db.selectFrom('cases').select('id').execute()).toEqual([]);

  await page.getByRole('button', { name: 'Importera 2 rader' }).click();
  await expect(page.getByText(/Klart: 2 ärenden importerades/)).toBeVisible();
  await shot(page, '03-done');

  // The imported case is in the case list; the person is found by number.
  await page.getByRole('button', { name: 'Till ärendelistan' }).click();
  await expect(page.getByRole('heading', { name: 'Ärenden' })).toBeVisible();
  await expect(page.getByText('Märta Ekström')).toBeVisible();
  await expect(page.getByText('Åsa Östlund')).toBeVisible();
  await shot(page, '04-case-list');
  // The case shows the unit's earlier case number.
  await page.getByRole('row', { name: /Märta Ekström/ }).getByRole('button').first().click();
  await expect(page.getByText('VINR 23/2')).toBeVisible();
  await shot(page, '04b-case-view');
  await menu(page, 'Personer').click();
  await page.getByLabel('Sök person').fill(a.replace('-', ''));
  await expect(page.getByText('Östlund').first()).toBeVisible();
  await shot(page, '05-person-by-number');

  // The same file again: nothing new.
  await menu(page, 'Ärenden').click();
  await page.getByRole('button', { name: 'Importera ärendelogg' }).click();
  await page.getByLabel('Fil (.xlsx eller .csv)').setInputFiles({ name: 'ärendelogg.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
  await page.getByRole('button', { name: 'Provkör' }).click();
  await expect(page.getByText('0 rader kan importeras')).toBeVisible();
  await expect(page.getByText(/Redan importerat: ärendenumret ”VINR 23\/1”/)).toBeVisible();
  expect(await host.core.requireSession().db.selectFrom('cases').select('id').execute()).toHaveLength(2);
});
