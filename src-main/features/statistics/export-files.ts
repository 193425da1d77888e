import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import type { ExportCell, ExportFormat } from './contract.js';

/** A number as Swedish Excel reads it: comma decimals. */
function swedishNumber(n: number): string {
  return String(n).replace('.', ',');
}

/**
 * CSV for Swedish Excel: UTF-8 with a byte-order mark (or Excel guesses the
 * wrong code page), semicolons (the comma is the decimal sign), CRLF lines.
 * Cells arrive already neutralised against formulas.
 */
export function toCsv(rows: ExportCell[][]): Buffer {
  const text = Papa.unparse(
    rows.map((r) => r.map((c) => (typeof c === 'number' ? swedishNumber(c) : c))),
    { delimiter: ';', newline: '\r\n', quotes: false },
  );
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${text}\r\n`, 'utf8')]);
}

/** The same grid as an Excel workbook: numbers as numbers, texts as texts (never formulas). */
export async function toXlsx(rows: ExportCell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fristad';
  // A fixed date: the file says nothing more exact about when it was made than the sheet's month does.
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('Statistik');
  for (const r of rows) ws.addRow(r);
  ws.getColumn(1).width = 60;
  for (let c = 2; c <= 4; c++) ws.getColumn(c).width = 24;
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as ArrayBuffer);
}

export const MIME: Readonly<Record<ExportFormat, string>> = {
  csv: 'text/csv;charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
