import ExcelJS from 'exceljs';
import { luhnCheckDigit } from '../../src-main/domain/personal-number.js';

/** A valid personnummer `YYYYMMDD-NNNC` for a birth date and serial (fictional test data). */
export function personnummer(date: string, serial: number): string {
  const nine = `${date.slice(2, 4)}${date.slice(4, 6)}${date.slice(6, 8)}${String(serial).padStart(3, '0')}`;
  return `${date}-${String(serial).padStart(3, '0')}${luhnCheckDigit(nine)}`;
}

/** Text as Windows-1252 bytes (Swedish letters only beyond ASCII), as Swedish Excel saves CSV. */
export function windows1252(text: string): Uint8Array {
  const map: Record<string, number> = { å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6, é: 0xe9, '”': 0x94 };
  return Uint8Array.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

export function base64(bytes: Uint8Array | string): string {
  return Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64');
}

/** An XLSX workbook with one sheet of these rows; Date values become real Excel dates. */
export async function xlsx(rows: (string | number | Date | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Logg');
  for (const r of rows) ws.addRow(r);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}
