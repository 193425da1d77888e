import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { test, expect, SCREENS } from './fixtures.js';
import { generateCases, writeCases } from '../support/statistics-data.js';

const PASSPHRASE = 'grön uggla räknar statistik';
const TODAY = new Date().toISOString().slice(0, 10);

test('statistics: open the dashboard, switch periods, preview the export and save it as CSV and Excel — the files hold exactly the preview', async ({ page, host }) => {
  const shot = (name: string) => page.screenshot({ path: join(SCREENS, `statistics-${name}.png`), fullPage: true });
  await host.core.create({ unitName: 'Enheten för våld i nära relationer, Exempelby', workerName: 'Nora Samordnare', passphrase: PASSPHRASE });
  const cases = generateCases(21, 60, [2024, 2025]);
  await writeCases(host, cases, TODAY);
  const opened2025 = cases.filter((c) => c.intakeDate.startsWith('2025')).length;
  const openedQ1 = cases.filter((c) => c.intakeDate >= '2025-01-01' && c.intakeDate < '2025-04-01').length;

  await page.goto(host.openUrl);
  await page.getByRole('button', { name: 'Statistik' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Statistik' })).toBeVisible();

  // A year: 2025 against 2024.
  await page.getByLabel('Periodtyp').selectOption({ label: 'År' });
  await page.getByLabel('År', { exact: true }).selectOption('2025');
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Visar 2025-01 – 2025-12, jämfört med 2024-01 – 2024-12.' })).toBeVisible();
  const keyFigures = page.getByTestId('key-figures');
  await expect(keyFigures.getByRole('row', { name: /^Öppnade ärenden \d/ }).getByRole('cell').first()).toHaveText(String(opened2025));
  // Each chart has its table: the per-month table sums to the year's cases.
  await expect(page.getByTestId('figure-monthly').locator('tfoot td').first()).toHaveText(String(opened2025));
  await shot('01-year');

  // A quarter.
  await page.getByLabel('Periodtyp').selectOption({ label: 'Kvartal' });
  await page.getByLabel('Kvartal', { exact: true }).selectOption({ label: 'Kvartal 1' });
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Visar 2025-01 – 2025-03' })).toBeVisible();
  await expect(keyFigures.getByRole('row', { name: /^Öppnade ärenden \d/ }).getByRole('cell').first()).toHaveText(String(openedQ1));

  // A custom period refuses months in the wrong order before asking anything.
  await page.getByLabel('Periodtyp').selectOption({ label: 'Egen period' });
  await page.getByLabel('Från och med månad').fill('2025-06');
  await page.getByLabel('Till och med månad').fill('2025-01');
  await expect(page.getByText('Ange månader som ÅÅÅÅ-MM, och en början som inte ligger efter slutet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Visa' })).toBeDisabled();
  await page.getByLabel('Till och med månad').fill('2025-12');
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Visar 2025-06 – 2025-12' })).toBeVisible();

  // Preview: exactly what leaves, cell by cell.
  await page.getByRole('button', { name: 'Förhandsgranska export' }).click();
  const preview = page.getByTestId('export-preview');
  await expect(preview).toBeVisible();
  const cells = await preview.locator('tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  expect(cells.flat()).toContain('<5');
  await preview.scrollIntoViewIfNeeded();
  await shot('02-preview');

  // Save as CSV: the file parses back to the preview's cells.
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Spara som CSV (Excel)' }).click()]);
  expect(csvDownload.suggestedFilename()).toBe('fristad-statistik-2025-06_2025-12.csv');
  const csvBytes = readFileSync((await csvDownload.path())!);
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(csvBytes.subarray(3).toString('utf8'), { delimiter: ';' }).data.slice(0, -1);
  // (A title row is one cell spanning the preview's width; trailing empty cells carry nothing.)
  const trimmed = (rows: string[][]) => rows.map((r) => r.slice(0, r.findLastIndex((c) => c !== '') + 1));
  expect(trimmed(parsed)).toEqual(trimmed(cells));
  await expect(page.getByText('Filen fristad-statistik-2025-06_2025-12.csv är sparad. Exporten är loggad.')).toBeVisible();

  // Save as Excel: the same cells.
  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Spara som Excel-arbetsbok' }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await xlsxDownload.path())!);
  const ws = wb.getWorksheet('Statistik')!;
  const asShown = (v: ExcelJS.CellValue) => (typeof v === 'number' ? String(v).replace('.', ',') : String(v ?? ''));
  trimmed(cells).forEach((row, i) => row.forEach((text, j) => expect(asShown(ws.getRow(i + 1).getCell(j + 1).value)).toBe(text)));

  // Nothing about a person in either file.
  const csvText = csvBytes.toString('utf8');
  for (const c of cases) for (const secret of [c.firstName, c.lastName, c.noteWord, c.intakeDate]) expect(csvText.includes(secret)).toBe(false);

  // Printing the dashboard itself gives an internal copy, marked as such; the export is not on it.
  await page.emulateMedia({ media: 'print' });
  const internal = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(SCREENS, 'statistics-03-internal.pdf'), internal);
  expect(pdfText(internal)).toContain('Internt underlag med små antal');

  // The board report: the suppressed export as an A4 PDF made in main through the print engine, read back as text.
  await page.emulateMedia({ media: 'screen' });
  const [reportDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Spara nämndrapport som PDF' }).click()]);
  expect(reportDownload.suggestedFilename()).toBe('fristad-namndrapport-2025-06_2025-12.pdf');
  const reportFile = join(SCREENS, 'statistics-04-board-report.pdf');
  await reportDownload.saveAs(reportFile);
  await expect(page.getByText('Nämndrapporten fristad-namndrapport-2025-06_2025-12.pdf är sparad. Exporten är loggad.')).toBeVisible();
  const reportText = pdfText(readFileSync(reportFile)).replace(/\s+/g, ' ');
  expect(reportText).toContain('Fristad – statistik över arbetet mot våld i nära relationer');
  expect(reportText).toContain('Enheten för våld i nära relationer, Exempelby');
  expect(reportText).toContain('Avidentifierad statistik');
  expect(reportText).toContain('Placeringar i skyddat boende');
  expect(reportText).toContain('<5');
  // Every label and count of the preview is in the report; nothing about a person, and not the internal copy's marking.
  for (const row of cells) if (row[0] && row[0].length > 3 && !row[0].startsWith('Antal från')) expect(reportText).toContain(row[0].replace(/\s+/g, ' ').slice(0, 30));
  expect(reportText).not.toContain('Internt underlag');
  expect(reportText).not.toContain('Omfattas av sekretess');
  for (const c of cases) for (const secret of [c.firstName, c.lastName, c.noteWord]) expect(reportText.includes(secret)).toBe(false);
  if (existsSync('/usr/bin/pdftoppm')) execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', reportFile, join(SCREENS, 'statistics-04-board-report')]);
});

/** The text of a PDF (poppler's pdftotext; CI installs poppler). */
function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
}
