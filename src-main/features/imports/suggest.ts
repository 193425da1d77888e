import { foldForSearch } from '../../domain/search-text.js';
import type { ImportField } from './contract.js';

/** Column names units use in their logs, folded; the first header that matches a field is suggested for it. */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  personalNumber: ['personnummer', 'pnr', 'personnr', 'samordningsnummer', 'personal number'],
  firstName: ['fornamn', 'first name', 'tilltalsnamn'],
  lastName: ['efternamn', 'last name', 'surname'],
  shelterName: ['boende', 'skyddat boende', 'jour', 'kvinnojour', 'shelter', 'placeringsstalle'],
  decisionDate: ['beslutsdatum', 'beslut', 'decision date'],
  startDate: ['startdatum', 'inflyttning', 'placerad fran', 'from', 'start', 'start date', 'inskrivning'],
  plannedEndDate: ['planerat slut', 'planerat slutdatum', 'planned end'],
  endDate: ['slutdatum', 'utflyttning', 'avslutad', 'placerad till', 'tom', 'end date', 'utskrivning'],
  pricePerDay: ['pris per dygn', 'dygnskostnad', 'pris', 'kostnad per dygn', 'price per day'],
  children: ['medfoljande barn', 'barn', 'barnens personnummer', 'barn personnummer', 'children'],
  childDecisionRefs: ['barnens beslut', 'beslut barn', 'barnbeslut', 'barnens dnr', 'child decisions'],
};

/** The column each field most likely sits in, by its header. */
export function suggestMapping(headers: readonly string[]): Partial<Record<ImportField, number>> {
  const folded = headers.map((h) => foldForSearch(h).replace(/[^a-z0-9 ]/g, '').trim());
  const out: Partial<Record<ImportField, number>> = {};
  const taken = new Set<number>();
  for (const [field, names] of Object.entries(SYNONYMS) as [ImportField, readonly string[]][]) {
    const i = folded.findIndex((h, idx) => !taken.has(idx) && names.includes(h));
    if (i >= 0) {
      out[field] = i;
      taken.add(i);
    }
  }
  return out;
}

/** The header row of the template file, in the order of the fields. */
export const TEMPLATE_HEADERS: Record<ImportField, string> = {
  personalNumber: 'Personnummer',
  firstName: 'Förnamn',
  lastName: 'Efternamn',
  shelterName: 'Boende',
  decisionDate: 'Beslutsdatum',
  startDate: 'Startdatum',
  plannedEndDate: 'Planerat slut',
  endDate: 'Slutdatum',
  pricePerDay: 'Pris per dygn',
  children: 'Medföljande barn',
  childDecisionRefs: 'Barnens beslut',
};
