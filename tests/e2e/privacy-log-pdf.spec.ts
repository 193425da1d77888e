import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect, SCREENS } from './fixtures.js';
import { invoke, vaultWithProtectedAda } from './privacy-seed.js';

test('the coordinator saves the filtered access log as a PDF for the review minutes; saving it is logged and flagged', async ({ page, host }) => {
  const { adaId } = await vaultWithProtectedAda(host);
  const ada = { id: adaId };
  await invoke(host, 'persons.get', { id: ada.id });
  await invoke(host, 'persons.revealAddress', { id: ada.id });

  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Integritet' }).click();
  await page.getByRole('button', { name: 'Loggkontroll' }).click();
  await page.getByLabel('Händelse').selectOption({ label: 'Visade skyddad adress' });
  await page.getByRole('button', { name: 'Visa', exact: true }).click();
  await expect(page.getByText('1 händelse visas')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Spara som PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^logguppfoljning-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdf = join(SCREENS, 'privacy-log.pdf');
  await download.saveAs(pdf);
  await expect(page.getByText('Loggen är sparad som PDF. Det är loggat.')).toBeVisible();
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, join(SCREENS, 'privacy-log-pdf')]);

  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('Logguppföljning');
  expect(text).toContain('Omfattas av sekretess enligt 26 kap. OSL');
  expect(text).toContain('Karin Samordnare');
  // The selection in words, and only the rows it matches: the reveal, not the plain look.
  expect(text).toMatch(/Händelse\s+Visade skyddad adress/);
  expect(text).toContain('1 händelse, varav 1 flaggade.');
  // Table cells wrap in the PDF: the row's words, in any line.
  expect(text).toMatch(/Person: Ada[\s\S]*Skyddadsdotter/);
  expect(text).toMatch(/Visad\s[\s\S]*adress/);
  expect(text).not.toContain('Öppnade person');
  // Never an address in the log.
  expect(text).not.toContain('Hemliga');

  // Saving the PDF is itself in the log, flagged as an export.
  await page.getByRole('button', { name: 'Rensa filter' }).click();
  const saved = page.getByRole('row').filter({ hasText: 'Sparade loggen som PDF' });
  await expect(saved).toHaveCount(1);
  await expect(saved).toContainText('Utskrift/export');
  await page.screenshot({ path: join(SCREENS, 'privacy-log-pdf-screen.png'), fullPage: true });
});
