import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import { test, expect, SCREENS } from './fixtures.js';
import type { RunningHost } from '../host/server.js';
import { COORDINATOR_PASS, invoke, pnr, vaultWithProtectedAda } from './privacy-seed.js';

const FIRST = 'olles första lösenord';
const OLLES_OWN = 'olles alldeles egna lösenord';

/** A protected person with an address, and an old closed case whose time is up. */
async function seed(host: RunningHost) {
  const { adaId } = await vaultWithProtectedAda(host);
  const ada = { id: adaId };
  const rolf = await invoke<{ id: string }>(host, 'persons.create', { firstName: 'Rolf', lastName: 'Exempelgren', identity: { kind: 'personnummer', value: pnr('19830730', '985') }, gender: 'man', protectionLevel: 'none' });
  const c = await invoke<{ id: string }>(host, 'cases.create', { mainPersonId: ada.id, intakeDate: '2026-01-12', intakeSource: 'report_police', violenceTypes: ['physical'], people: [{ person: { personId: rolf.id }, role: 'perpetrator' }] });
  const entry = await invoke<{ id: string }>(host, 'journal.create', { caseId: c.id, entryDate: '2026-01-12', text: 'Samtal med Ada. Rolf Exempelgren har hotat henne i telefon.' });
  await invoke(host, 'journal.sign', { id: entry.id });
  await invoke(host, 'outcomes.save', { caseId: c.id, personId: ada.id, phase: 'intake', followedUpOn: '2026-01-13', safety: 2, wellBeing: null, violenceStopped: 'no', comment: 'Internt: rädd för Rolf.' });
  const ingrid = await invoke<{ id: string }>(host, 'persons.create', { firstName: 'Ingrid', lastName: 'Gallringsdotter', identity: { kind: 'personnummer', value: pnr('19700303', '983') }, gender: 'kvinna', protectionLevel: 'none' });
  const old = await invoke<{ id: string; caseNumber: string }>(host, 'cases.create', { mainPersonId: ingrid.id, intakeDate: '2018-02-01', intakeSource: 'own_application', violenceTypes: ['psychological'] });
  await invoke(host, 'cases.setStatus', { id: old.id, status: 'closed', date: '2019-03-31', closingReason: 'goal_met' });
  return { oldCaseNumber: old.caseNumber };
}

async function unlockAs(page: Page, worker: string, passphrase: string) {
  // The lock screen first: until it shows, the page being left has its own "Handläggare" fields.
  const unlock = page.getByRole('button', { name: 'Lås upp' });
  await expect(unlock).toBeVisible();
  await page.getByLabel('Handläggare').selectOption({ label: worker });
  await page.getByLabel('Lösenord', { exact: true }).fill(passphrase);
  await unlock.click();
}

test('a coordinator adds a worker, the worker opens a protected person, the coordinator finds it flagged in the log; retention preview and run; a register extract', async ({ page, host }) => {
  const shot = (name: string) => page.screenshot({ path: join(SCREENS, `privacy-${name}.png`), fullPage: true });
  const { oldCaseNumber } = await seed(host);
  await page.goto(host.openUrl);

  // The coordinator adds Olle with a first passphrase.
  await page.getByRole('button', { name: 'Integritet' }).click();
  const add = page.getByRole('region', { name: 'Lägg till handläggare' });
  await add.getByLabel('Namn').fill('Olle Kollega');
  await add.getByLabel('Roll').selectOption({ label: 'Handläggare' });
  await add.getByLabel('Första lösenord', { exact: true }).fill(FIRST);
  await add.getByLabel('Upprepa första lösenordet').fill(FIRST);
  await add.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(page.getByText('Olle Kollega är tillagd')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Olle Kollega' })).toBeVisible();
  await shot('01-workers');

  // Olle unlocks, must change the first passphrase, then opens Ada and shows her address.
  await page.getByRole('button', { name: 'Lås', exact: true }).click();
  await unlockAs(page, 'Olle Kollega', FIRST);
  await expect(page.getByRole('heading', { name: 'Byt ditt lösenord' })).toBeVisible();
  await page.getByLabel('Nuvarande lösenord').fill(FIRST);
  await page.getByLabel('Nytt lösenord').fill(OLLES_OWN);
  await page.getByLabel('Bekräfta det nya lösenordet').fill(OLLES_OWN);
  await page.getByRole('button', { name: 'Byt lösenord' }).click();
  await expect(page.getByRole('button', { name: 'Integritet' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Personer' }).click();
  await page.getByLabel('Sök person').fill('skyddads');
  await page.getByRole('button', { name: /Ada Skyddadsdotter/ }).click();
  await page.getByRole('button', { name: 'Visa adress' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Visa adressen' }).click();
  await expect(page.getByText('Hemliga vägen 7')).toBeVisible();
  await page.getByRole('button', { name: 'Lås', exact: true }).click();

  // The coordinator finds Olle's look in the log, flagged.
  await unlockAs(page, 'Karin Samordnare', COORDINATOR_PASS);
  await page.getByRole('button', { name: 'Integritet' }).click();
  await page.getByRole('button', { name: 'Loggkontroll' }).click();
  await page.getByLabel('Handläggare').selectOption({ label: 'Olle Kollega' });
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  const opened = page.getByRole('row').filter({ hasText: 'Öppnade person' }).filter({ hasText: 'Ada Skyddadsdotter' });
  await expect(opened.first()).toContainText('Skyddad person');
  await expect(page.getByRole('row').filter({ hasText: 'Visade skyddad adress' }).first()).toContainText('Visad adress');
  await page.getByLabel('Kommentar').fill('Olle öppnade Ada Skyddadsdotter i samband med överlämning; kontrollerat med Olle.');
  await page.getByRole('button', { name: 'Spara granskning' }).click();
  await expect(page.getByText('Granskningen är sparad.')).toBeVisible();
  await page.getByRole('button', { name: 'Kontrollera loggens kedja' }).click();
  await expect(page.getByText(/Loggen är obruten/)).toBeVisible();
  await shot('02-log-review');
  // A row opens the record.
  await opened.first().getByRole('button', { name: 'Öppna' }).click();
  await expect(page.getByRole('heading', { name: /Ada Skyddadsdotter/ })).toBeVisible();

  // Retention: the old case is due, with its reason; the coordinator confirms.
  await page.getByRole('button', { name: 'Integritet' }).click();
  await page.getByRole('button', { name: 'Gallring' }).click();
  await expect(page.getByRole('heading', { name: '1 ärende ska gallras' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: oldCaseNumber })).toContainText('Försenad');
  await shot('03-retention-preview');
  await page.getByRole('button', { name: 'Gallra 1 ärende', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Gallra' }).click();
  await expect(page.getByText(/Gallringen är klar. Borttaget: 1 ärenden .* och 1 personer/)).toBeVisible();
  await expect(page.getByText('Inga ärenden ska gallras i dag.')).toBeVisible();
  await shot('04-retention-done');
  await page.getByRole('button', { name: 'Personer' }).click();
  await page.getByLabel('Sök person').fill('gallrings');
  await expect(page.getByText('Ingen person hittades', { exact: false })).toBeVisible();

  // Register extract for Ada: what is included, then printed; Rolf is masked, the address withheld.
  await page.getByRole('button', { name: 'Integritet' }).click();
  await page.getByRole('button', { name: 'Registerutdrag' }).click();
  await page.getByLabel('Sök person').fill('skyddads');
  await page.getByRole('button', { name: /Ada Skyddadsdotter/ }).click();
  const doc = page.locator('article.extract-document');
  await expect(doc).toContainText('Registerutdrag: Ada Skyddadsdotter');
  await expect(doc).toContainText('[annan person] har hotat henne');
  await expect(doc).toContainText('Skyddad – skrivs inte ut');
  await expect(doc).not.toContainText('Rolf');
  await expect(doc).not.toContainText('Hemliga vägen');
  await expect(doc).toContainText('Vid aktualisering, 2026-01-13: trygghet 2, mående ville inte svara (skala 1–5), våldet upphört: Nej.');
  await expect(doc).not.toContainText('Internt: rädd');
  await shot('05-extract');
  // The PDF, through the print engine (Chromium's print of the print route), read back as text.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Spara som PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^registerutdrag-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = join(SCREENS, 'privacy-extract.pdf');
  await download.saveAs(pdf);
  await expect(page.getByText('Utdraget är framtaget och loggat.')).toBeVisible();
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Registerutdrag: Ada Skyddadsdotter');
  expect(text).toMatch(/SEKRETESS ENLIGT OSL 26 KAP/i);
  expect(text).toContain('Omfattas av sekretess enligt 26 kap. OSL');
  expect(text).toContain('[annan person]');
  expect(text).toContain('Uppföljning (egna skattningar)');
  expect(text).not.toContain('Internt');
  expect(text).not.toContain('Rolf');
  expect(text).not.toContain('Hemliga');
  expect(text).not.toContain('Loggkontroll');
});
