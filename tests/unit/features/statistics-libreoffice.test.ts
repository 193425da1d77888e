import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { call, tempDir, unlockedApp } from '../../support/temp.js';
import { generateCases, writeCases } from '../../support/statistics-data.js';
import type { ExportCell, ExportFile } from '../../../src-main/features/statistics/contract.js';

/** LibreOffice from Debian's packages (`apt-get install libreoffice-calc`), which CI installs. */
const OFFICE = ['/usr/bin/libreoffice', '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
if (!OFFICE && process.env.CI) throw new Error('LibreOffice is missing: install it with `apt-get install -y libreoffice-calc` (.ci/run does).');

describe.skipIf(!OFFICE)('the XLSX export in LibreOffice', () => {
  it('opens in LibreOffice Calc with the same cells and numbers as the preview', async () => {
    // given a store with two years of cases and its XLSX export of half a year
    const app = await unlockedApp();
    await writeCases(app, generateCases(5, 60, [2024, 2025]), '2026-11-23');
    const file = await call<ExportFile>(app.router, 'statistics.export', { period: { from: '2025-01', to: '2025-06' }, format: 'xlsx' });
    const dir = tempDir();
    const xlsx = join(dir, 'statistik.xlsx');
    writeFileSync(xlsx, Buffer.from(file.base64, 'base64'));

    // when LibreOffice converts it to CSV (semicolons, UTF-8), headless, with a profile of its own
    execFileSync(OFFICE!, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76', '--outdir', dir, xlsx], { timeout: 120_000, stdio: 'pipe' });

    // then every row holds the preview's cells: the texts as written, the numbers as the same numbers
    const rows = Papa.parse<string[]>(readFileSync(join(dir, 'statistik.csv'), 'utf8'), { delimiter: ';' }).data;
    const trimmed = (r: string[]) => {
      const out = [...r];
      while (out.length > 0 && out.at(-1) === '') out.pop();
      return out;
    };
    const expected = (c: ExportCell) => (typeof c === 'number' ? c : String(c));
    const read = (text: string, like: ExportCell) => (typeof like === 'number' ? Number(text.replace(/\s/g, '').replace(',', '.')) : text);
    file.preview.rows.forEach((r, i) => {
      const got = trimmed(rows[i] ?? []);
      const want = [...r];
      while (want.length > 0 && want.at(-1) === '') want.pop();
      expect(got.length, `row ${i + 1}`).toBe(want.length);
      want.forEach((c, j) => expect(read(got[j]!, c), `row ${i + 1}, column ${j + 1}`).toEqual(expected(c)));
    });
    expect(file.preview.rows.flat().some((c) => typeof c === 'number' && c > 0)).toBe(true);
  }, 180_000);
});
