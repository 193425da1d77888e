import Papa from 'papaparse';
import { daysInMonth } from './dates.js';

/**
 * Reading a unit's own spreadsheet: text decoding, CSV splitting, dates as
 * Swedish Excel writes them, and neutralising cells a spreadsheet would run
 * as formulas. Pure: bytes in, strings out.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';

/**
 * Decodes a CSV file's bytes. A byte-order mark decides; otherwise the bytes
 * are UTF-8 if they decode as valid UTF-8, else Windows-1252 — what Swedish
 * Excel writes with "CSV (semikolonavgränsad)".
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** The separator of a CSV text: the one of `;`, `,` and tab found most often in the first line (outside quotes). */
export function detectSeparator(text: string): ';' | ',' | '\t' {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = ([';', ',', '\t'] as const).map((s) => [s, firstLine.split(s).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ';';
}

export interface Table {
  headers: string[];
  rows: string[][];
}

/** Splits CSV text into a header row and data rows; blank lines are dropped, cells trimmed. */
export function parseCsv(text: string): { table: Table; separator: string } {
  const separator = detectSeparator(text);
  const parsed = Papa.parse<string[]>(text, { delimiter: separator, skipEmptyLines: 'greedy' });
  const all = parsed.data.map((r) => r.map((c) => c.trim()));
  const [headers = [], ...rows] = all;
  return { table: { headers, rows }, separator };
}

/**
 * A date as it stands in a unit's sheet: `2024-03-05`, `20240305`,
 * `5/3/2024` and `05.03.2024` (day first, as in Sweden), an ISO date-time,
 * or an Excel serial day number. Null when it is no real date.
 *
 * @example parseImportDate('5/3/2024') // '2024-03-05'
 */
export function parseImportDate(raw: string): string | null {
  const s = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  let r: RegExpExecArray | null;
  if ((r = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s))) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) [y, m, d] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s))) [d, m, y] = [Number(r[1]), Number(r[2]), Number(r[3])];
  else if ((r = /^(\d{5})(?:[.,]\d+)?$/.exec(s))) return excelSerialDate(Number(r[1]));
  else return null;
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return null;
  if (d > daysInMonth(y, m)) return null;
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Excel's day number (1900 system, counting its phantom 29 February 1900) as an ISO date. */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61 || serial > 120_000) return null;
  return new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A cell as it may be written into a CSV or XLSX file: text starting with
 * `=`, `+`, `-`, `@`, tab or carriage return is a formula to a spreadsheet,
 * so it gets a leading apostrophe.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Writes rows as semicolon-separated CSV with a UTF-8 byte-order mark, as Swedish Excel opens it; every cell neutralised. */
export function toSwedishCsv(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map((r) => r.map((c) => {
      const v = neutraliseCell(c);
      return /[";\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    }).join(';'))
    .join('\r\n');
  return `\ufeff${body}\r\n`;
}
