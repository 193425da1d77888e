import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, SCREENS } from './fixtures.js';
import { readWithReference } from '../support/reference-sqlcipher.js';

const PASSPHRASE = 'blå ekorre dansar i snön';
const today = new Date().toISOString().slice(0, 10);

/** A fictional person from Skatteverket's test range (serial 980–999): never issued. */
function testPersonalNumber(yymmdd: string, serial: string): string {
  const digits = (yymmdd + serial).split('').map(Number);
  const sum = digits.reduce((acc, d, i) => {
    const v = i % 2 === 0 ? d * 2 : d;
    return acc + (v > 9 ? v - 9 : v);
  }, 0);
  return `19${yymmdd}-${serial}${(10 - (sum % 10)) % 10}`;
}

test('first run → recovery key → register person → open case → lock → wrong passphrase refused → unlock → the case is there', async ({ page, host, vaultDir }) => {
  const shot = (name: string) => page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
  const number = testPersonalNumber('840612', '986');

  // Given an empty vault folder, when the app starts, then it asks to set up a vault.
  await page.goto(host.openUrl);
  await expect(page.getByLabel('Enhetens namn')).toBeVisible();
  await shot('01-setup');
  await page.getByLabel('Enhetens namn').fill('Familjevårdsgruppen Exempelby');
  await page.getByLabel('Ditt namn').fill('Saga Handläggare');
  await page.getByLabel('Lösenord', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Upprepa lösenord').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Skapa valv' }).click();

  // The recovery key is shown once, grouped for reading aloud.
  const keyBox = page.getByTestId('recovery-key');
  await expect(keyBox).toBeVisible({ timeout: 20_000 });
  const recoveryHex = (await keyBox.innerText()).replace(/[^0-9A-F]/g, '');
  expect(recoveryHex).toMatch(/^[0-9A-F]{64}$/);
  // The key as shown is the one that opens the file with the reference SQLCipher 4.
  expect(readWithReference(join(vaultDir, 'fristad.db'), recoveryHex, 'SELECT count(*) AS n FROM workers')).toEqual([{ n: 1 }]);
  await shot('02-recovery-key');
  // Its printout: Chromium's print engine, A4, then a PNG to look at.
  await page.emulateMedia({ media: 'print' });
  const pdf = join(SCREENS, 'recovery-key.pdf');
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  if (existsSync('/usr/bin/pdftoppm')) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(SCREENS, 'recovery-key-print')]);
  const cont = page.getByRole('button', { name: 'Fortsätt' });
  await expect(cont).toBeDisabled();
  await page.getByLabel(/^Jag har skrivit ut/).check();
  await cont.click();

  // Register a person: a wrong check digit is refused in Swedish first.
  await page.getByRole('button', { name: 'Personer' }).click();
  await page.getByRole('button', { name: 'Registrera person' }).click();
  await page.getByLabel('Förnamn').fill('Åsa');
  await page.getByLabel('Efternamn').fill('Östlund-Påhittsson');
  await page.getByLabel('Kön').selectOption({ label: 'Kvinna' });
  const wrong = number.slice(0, -1) + String((Number(number.slice(-1)) + 1) % 10);
  await page.getByLabel('Personnummer eller samordningsnummer').fill(wrong);
  await page.getByRole('button', { name: 'Spara person' }).click();
  await expect(page.getByText(/Kontrollsiffran/)).toBeVisible();
  await shot('03-person-form-error');
  await page.getByLabel('Personnummer eller samordningsnummer').fill(number);
  await page.getByRole('button', { name: 'Spara person' }).click();
  await expect(page.getByRole('heading', { name: /Östlund-Påhittsson/ })).toBeVisible();
  await shot('04-person');

  // Open a case for her.
  await page.getByRole('button', { name: 'Öppna ärende' }).click();
  await page.getByLabel('Aktualiseringsdatum').fill(today);
  await page.getByLabel('Källa').selectOption({ label: 'Islandsmodellen' });
  await page.getByLabel('Fysiskt').check();
  await page.getByLabel('Psykiskt').check();
  await shot('05-case-form');
  await page.getByRole('button', { name: 'Spara ärende' }).click();
  const caseNumber = `${today.slice(0, 4)}-0001`;
  await expect(page.getByRole('heading', { name: new RegExp(caseNumber) })).toBeVisible();
  await shot('06-case');

  // It is in the case list.
  await page.getByRole('button', { name: 'Ärenden' }).click();
  await expect(page.getByTestId('case-list')).toContainText('Östlund-Påhittsson');
  await expect(page.getByTestId('case-list')).toContainText(caseNumber);
  await shot('07-case-list');

  // Lock: the window keeps nothing of the case.
  await page.getByRole('button', { name: 'Lås', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Lås upp' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Östlund');
  await expect(page.locator('body')).not.toContainText(caseNumber);
  expect(host.core.status().state).toBe('locked');

  // A wrong passphrase is refused in Swedish.
  await page.getByLabel('Lösenord', { exact: true }).fill('fel lösenord helt och hållet');
  await page.getByRole('button', { name: 'Lås upp' }).click();
  await expect(page.getByRole('alert')).toContainText(/Fel lösenord/);
  await shot('08-wrong-passphrase');

  // The right one opens it, and the case is there.
  await page.getByLabel('Lösenord', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Lås upp' }).click();
  await page.getByRole('button', { name: 'Ärenden' }).click();
  await expect(page.getByTestId('case-list')).toContainText(caseNumber);
  await page.getByTestId('case-list').getByRole('button', { name: caseNumber }).click();
  await expect(page.getByRole('heading', { name: new RegExp(caseNumber) })).toBeVisible();
  await expect(page.getByText('Fysiskt')).toBeVisible();
  await shot('09-case-after-unlock');
});

test('the test host refuses a call without its token, from a foreign origin, or with a foreign Host', async ({ host, request }) => {
  const body = { channel: 'vault.status', input: null };
  const noToken = await request.post(`${host.url}invoke`, { data: body });
  expect(noToken.status()).toBe(403);
  const foreign = await request.post(`${host.url}invoke`, { data: body, headers: { 'x-fristad-token': host.token, origin: 'http://evil.example' } });
  expect(foreign.status()).toBe(403);
  const rebinding = await request.post(`${host.url}invoke`, { data: body, headers: { 'x-fristad-token': host.token, host: 'evil.example' } });
  expect(rebinding.status()).toBe(421);
  const ok = await request.post(`${host.url}invoke`, { data: body, headers: { 'x-fristad-token': host.token } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ ok: true, value: { state: 'no_vault' } });
  const traversal = await request.get(`${host.url}..%2f..%2fpackage.json`);
  expect(traversal.status()).toBe(404);
});
