import { kronorToOre } from '../../../src-main/domain/placement-cost';

const SEK = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** Öre shown as Swedish kronor: `125050` → `1 250,50 kr`. */
export function formatOre(ore: number): string {
  return SEK.format(ore / 100);
}

/** Kronor typed by a worker as öre; `undefined` for an empty field, `null` for text that is no amount. */
export function parseKronor(text: string): number | null | undefined {
  if (text.trim() === '') return undefined;
  return kronorToOre(text);
}

