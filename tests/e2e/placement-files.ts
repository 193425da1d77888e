import { luhnCheckDigit } from '../../src-main/domain/personal-number.js';

/** A fictional personnummer with a valid check digit. */
export const pnr = (century: string, yymmdd: string, serial: string) => `${century}${yymmdd}-${serial}${luhnCheckDigit(yymmdd + serial)}`;

/** Text as Windows-1252 bytes, as Swedish Excel saves "CSV (semikolonavgränsad)". */
export function cp1252(text: string): Uint8Array {
  const map: Record<string, number> = { å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6, é: 0xe9 };
  return Uint8Array.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}
