import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, SCREENS } from './fixtures.js';

const PASSPHRASE = 'grön uggla läser tidningen';
const today = new Date().toISOString().slice(0, 10);

function luhn(nine: string): number {
  const sum = nine.split('').map(Number).reduce((acc, d, i) => {
    const v = i % 2 === 0 ? d * 2 : d;
    return acc + (v > 9 ? v - 9 : v);
  }, 0);
  return (10 - (sum % 10)) % 10;
}
/** Fictional numbers from Skatteverket's test range (serial 980–999). */
const pnr = (century: string, yymmdd: string, serial: string) => `${century}${yymmdd}-${serial}${luhn(yymmdd + serial)}`;

async function fillNewPerson(page: Page, group: string, first: string, last: string, number: string, gender: string) {
  const g = page.getByRole('group', { name: group, exact: true });
  await g.getByLabel('Ny person').check();
  await g.getByLabel('Förnamn').fill(first);
  await g.getByLabel('Efternamn').fill(last);
  await g.getByLabel('Personnummer eller samordningsnummer').fill(number);
  await g.getByLabel('Kön').selectOption({ label: gender });
  return g;
}

test('intake with two children and the person using violence → signed note and its correction → found again by name, number and a word in the note', async ({ page, host }) => {
  const shot = (name: string) => page.screenshot({ path: join(SCREENS, `casework-${name}.png`), fullPage: true });
  await host.core.create({ unitName: 'Enheten för våld i nära relationer, Exempelby', workerName: 'Nora Socialsekreterare', passphrase: PASSPHRASE });
  const mother = pnr('19', '870214', '982');

  // Intake: one screen, one save.
  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Ärenden' }).click();
  await page.getByRole('button', { name: 'Ny aktualisering' }).click();
  await fillNewPerson(page, 'Huvudperson (våldsutsatt)', 'Elin', 'Påhittsdotter', mother, 'Kvinna');
  await page.getByLabel('Aktualiseringsdatum').fill(today);
  await page.getByLabel('Källa').selectOption({ label: 'Islandsmodellen' });
  await page.getByLabel('Fysiskt').check();
  await page.getByLabel('Psykiskt').check();
  await page.getByRole('button', { name: 'Lägg till barn' }).click();
  await page.getByRole('button', { name: 'Lägg till barn' }).click();
  await page.getByRole('button', { name: 'Lägg till våldsutövare' }).click();
  const child1 = await fillNewPerson(page, 'Barn 1', 'Alva', 'Påhittsdotter', pnr('20', '160412', '983'), 'Kvinna');
  await child1.getByLabel('Har sett/hört våldet').check();
  const child2 = await fillNewPerson(page, 'Barn 2', 'Otto', 'Påhittsdotter', pnr('20', '190923', '984'), 'Man');
  await child2.getByLabel('Båda').check();
  await fillNewPerson(page, 'Våldsutövare 1', 'Rolf', 'Exempelgren', pnr('19', '830730', '985'), 'Man');
  await shot('01-intake');
  await page.getByRole('button', { name: 'Spara ärende' }).click();
  const caseNumber = `${today.slice(0, 4)}-0001`;
  await expect(page.getByRole('heading', { name: new RegExp(caseNumber) })).toBeVisible();
  for (const name of ['Elin Påhittsdotter', 'Alva Påhittsdotter', 'Otto Påhittsdotter', 'Rolf Exempelgren']) {
    await expect(page.getByText(name).first()).toBeVisible();
  }
  await shot('02-case');

  // A note: draft → signed; then a correction that refers to it, also signed.
  await page.getByRole('button', { name: 'Ny anteckning' }).click();
  await page.getByLabel('Anteckning').fill('Samtal med Elin. Hon berättade att han väntade i trappuppgången igår kväll.');
  await page.getByRole('button', { name: 'Spara utkast' }).click();
  await page.getByRole('button', { name: 'Signera', exact: true }).click();
  await page.getByRole('button', { name: 'Signera anteckningen' }).click();
  await expect(page.getByText(/Signerad av Nora Socialsekreterare/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ändra utkast' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Skriv rättelse' }).click();
  await page.getByLabel('Rättelse').fill('Rättelse: det var i förrgår kväll, inte igår.');
  await page.getByRole('button', { name: 'Spara rättelse som utkast' }).click();
  await expect(page.getByText(/Rättelse av anteckning från/)).toBeVisible();
  await page.getByRole('button', { name: 'Signera', exact: true }).click();
  await page.getByRole('button', { name: 'Signera anteckningen' }).click();
  await expect(page.getByText(/Signerad av/)).toHaveCount(2);
  await shot('03-journal');

  // Found again: by name, by number (short form), and by a word in the note (typed without å).
  await page.getByRole('button', { name: 'Personer' }).click();
  await page.getByLabel('Sök person').fill('pahittsd');
  await expect(page.getByRole('button', { name: /Elin Påhittsdotter/ })).toBeVisible();
  await page.getByLabel('Sök person').fill(mother.slice(2));
  await expect(page.getByRole('button', { name: /Elin Påhittsdotter/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Alva/ })).toHaveCount(0);
  await shot('04-person-search');
  await page.getByRole('button', { name: 'Sök i journaler' }).click();
  await page.getByLabel('Sökord').fill('trappuppgangen');
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  const hits = page.getByTestId('journal-hits');
  await expect(hits.locator('mark').first()).toHaveText(/trappuppgången/i);
  await shot('05-journal-search');
  await hits.getByRole('button', { name: caseNumber }).first().click();
  await expect(page.getByRole('heading', { name: new RegExp(caseNumber) })).toBeVisible();
});
