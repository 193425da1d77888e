import ExcelJS from 'exceljs';
import { ValidationError } from '../../domain/errors.js';
import { decodeText, parseCsv, type Table } from '../../domain/import-table.js';

export interface ReadTable extends Table {
  kind: 'xlsx' | 'csv';
  encoding: string | null;
  separator: string | null;
}

function refuse(message: string): never {
  throw new ValidationError([{ path: 'base64', code: 'unreadable', message }], message);
}

/** A cell of exceljs as the text a worker sees: dates as ISO dates, formulas by their result, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('').trim();
    if ('result' in value) return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text).trim();
    if ('error' in value) return '';
    return '';
  }
  return String(value).trim();
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    refuse('Filen är inte en Excel-fil som går att läsa (.xlsx). Spara den som .xlsx eller .csv och försök igen.');
  }
  const sheet = wb.worksheets.find((w) => w.actualRowCount > 0);
  if (!sheet) refuse('Excel-filen har inga rader.');
  const rows: string[][] = [];
  const width = sheet.actualColumnCount;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(width, row.cellCount); c++) cells.push(cellText(row.getCell(c).value));
    if (cells.some((c) => c !== '')) rows.push(cells);
  });
  const [headers = [], ...data] = rows;
  return { headers, rows: data };
}

/** Reads the unit's file: XLSX through exceljs, CSV with its encoding and separator found. */
export async function readTable(fileName: string, base64: string): Promise<ReadTable> {
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (bytes.length === 0) refuse('Filen är tom.');
  if (/\.xlsx$/i.test(fileName)) {
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) refuse('Filen är inte en Excel-fil (.xlsx). Är det kanske en .xls eller .csv med fel namn?');
    return { ...(await readXlsx(bytes)), kind: 'xlsx', encoding: null, separator: null };
  }
  const { text, encoding } = decodeText(bytes);
  const { table, separator } = parseCsv(text);
  if (table.headers.length === 0) refuse('Filen har inga rader.');
  return { ...table, kind: 'csv', encoding, separator };
}
