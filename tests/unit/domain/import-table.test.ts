import { describe, expect, it } from 'vitest';
import { decodeText, detectSeparator, neutraliseCell, parseCsv, parseImportDate, toSwedishCsv } from '../../../src-main/domain/import-table.js';

/** Windows-1252 bytes for a Swedish CSV line (å=E5, ä=E4, ö=F6, Ö=D6). */
function cp1252(text: string): Uint8Array {
  const map: Record<string, number> = { å: 0xe5, ä: 0xe4, ö: 0xf6, Å: 0xc5, Ä: 0xc4, Ö: 0xd6, é: 0xe9 };
  return Uint8Array.from([...text].map((ch) => map[ch] ?? ch.charCodeAt(0)));
}

describe('import table: decoding', () => {
  it('reads Windows-1252 as Swedish Excel writes it', () => {
    const r = decodeText(cp1252('Förnamn;Efternamn\r\nÅsa;Östlund\r\n'));
    expect(r.encoding).toBe('windows-1252');
    expect(r.text).toContain('Åsa;Östlund');
  });

  it('reads UTF-8 with and without a byte-order mark, and UTF-16', () => {
    const utf8 = new TextEncoder().encode('Förnamn;Ort\nÅsa;Målilla\n');
    expect(decodeText(utf8)).toMatchObject({ encoding: 'utf-8', text: 'Förnamn;Ort\nÅsa;Målilla\n' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
    expect(decodeText(bom).text.startsWith('Förnamn')).toBe(true);
    const u16 = new Uint8Array([0xff, 0xfe, ...[...'Åsa'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeText(u16)).toEqual({ text: 'Åsa', encoding: 'utf-16le' });
  });
});

describe('import table: separators and rows', () => {
  it('detects semicolon, comma and tab, and keeps quoted separators inside a cell', () => {
    expect(detectSeparator('a;b;c\n1;2;3')).toBe(';');
    expect(detectSeparator('a,b,c')).toBe(',');
    expect(detectSeparator('a\tb')).toBe('\t');
    const { table, separator } = parseCsv('Namn;Boende\r\n"Berg; Anna";"Jouren ""Ljus"""\r\n\r\n;\r\n');
    expect(separator).toBe(';');
    expect(table.headers).toEqual(['Namn', 'Boende']);
    expect(table.rows).toEqual([['Berg; Anna', 'Jouren "Ljus"']]);
  });
});

describe('import table: dates', () => {
  it('reads ISO, day-first Swedish and Excel serial dates', () => {
    expect(parseImportDate('2024-03-05')).toBe('2024-03-05');
    expect(parseImportDate('5/3/2024')).toBe('2024-03-05');
    expect(parseImportDate('05.03.2024')).toBe('2024-03-05');
    expect(parseImportDate('20240305')).toBe('2024-03-05');
    expect(parseImportDate('2024-03-05 00:00:00')).toBe('2024-03-05');
    expect(parseImportDate('45356')).toBe('2024-03-05');
    expect(parseImportDate('29/2/2024')).toBe('2024-02-29');
  });

  it('refuses dates that are not in the calendar or not dates', () => {
    for (const bad of ['29/2/2023', '2024-13-01', '32/1/2024', 'igår', '', '3/5', '2024-02-30', '1900-02-29', '2100-02-29', '31/4/2024', '2024-06-31']) expect(parseImportDate(bad), bad).toBeNull();
    expect(parseImportDate('2000-02-29')).toBe('2000-02-29');
  });

  it('agrees with the calendar on every day from 1900 to 2200, day-first and ISO, and on every 31st', () => {
    const first = Date.UTC(1900, 0, 1);
    const last = Date.UTC(2200, 11, 31);
    for (let t = first; t <= last; t += 86_400_000) {
      const d = new Date(t);
      const iso = d.toISOString().slice(0, 10);
      const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
      if (parseImportDate(iso) !== iso || parseImportDate(`${day}/${m}/${y}`) !== iso) throw new Error(`${iso} was not read back`);
      // The 31st of this month, or 30 February: in the calendar exactly when Date keeps the month.
      for (const extra of [30, 31]) {
        const kept = new Date(Date.UTC(y, m - 1, extra)).getUTCMonth() === m - 1;
        const read = parseImportDate(`${y}-${String(m).padStart(2, '0')}-${extra}`);
        if ((read !== null) !== kept) throw new Error(`${y}-${m}-${extra}: read ${read}, calendar says ${kept}`);
      }
    }
  });
});

describe('import table: writing cells', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const f of ['=1+1', '+46701', '-2', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseCell(f)).toBe(`'${f}`);
    expect(neutraliseCell('Åsa')).toBe('Åsa');
    const csv = toSwedishCsv([['Namn', 'Not'], ['=HYPERLINK("x")', 'a;b']]);
    expect(csv).toBe('\ufeffNamn;Not\r\n"\'=HYPERLINK(""x"")";"a;b"\r\n');
  });
});
