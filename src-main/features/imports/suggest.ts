import { foldForSearch } from '../../domain/search-text.js';
import type { CaseLogField, ImportField } from './contract.js';

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

/** Column names of case logs, folded, most specific first where two fields share a word. */
const CASE_LOG_SYNONYMS: Record<CaseLogField, readonly string[]> = {
  caseReference: ['arendenummer', 'arendenr', 'arende', 'dnr', 'diarienummer', 'lopnummer', 'lopnr', 'case number', 'case reference'],
  intakeDate: ['aktualiseringsdatum', 'aktualiserad', 'aktualisering', 'inkom', 'inkommen', 'inkomstdatum', 'startdatum', 'datum', 'intake date'],
  intakeSource: ['kalla', 'aktualiserad genom', 'inkom via', 'anmalare', 'hur kom arendet in', 'source', 'intake source'],
  violenceTypes: ['valdsform', 'valdsformer', 'typ av vald', 'vald', 'violence', 'violence types'],
  personalNumber: ['personnummer', 'pnr', 'personnr', 'samordningsnummer', 'klientens personnummer', 'personal number'],
  firstName: ['fornamn', 'first name', 'tilltalsnamn'],
  lastName: ['efternamn', 'last name', 'surname'],
  birthYear: ['fodelsear', 'fodd', 'ar', 'birth year'],
  gender: ['kon', 'gender'],
  perpetrator: ['valdsutovare', 'valdsutovarens personnummer', 'valdsutovare personnummer', 'forovare', 'perpetrator'],
  relation: ['relation', 'relation till valdsutovaren', 'relation till valdsutovare', 'relationship'],
  childrenInHousehold: ['antal barn', 'barn i hushallet', 'antal barn i hushallet', 'barn', 'children'],
  firstContactDate: ['forsta kontakt', 'datum forsta kontakt', 'forsta kontakten', 'first contact'],
  status: ['status', 'arendestatus', 'lage'],
  closingDate: ['avslutsdatum', 'avslutad', 'avslutat', 'avslut', 'closing date', 'closed'],
  closingReason: ['avslutsorsak', 'orsak till avslut', 'anledning till avslut', 'closing reason'],
  worker: ['handlaggare', 'ansvarig handlaggare', 'socialsekreterare', 'ansvarig', 'worker'],
  note: ['anteckning', 'anteckningar', 'kommentar', 'kommentarer', 'ovrigt', 'note', 'notes'],
};

/** The column each field most likely sits in, by its header. */
export function suggestMapping(headers: readonly string[]): Partial<Record<ImportField, number>> {
  return suggestFrom(headers, SYNONYMS);
}

/** The same for a case log. */
export function suggestCaseLogMapping(headers: readonly string[]): Partial<Record<CaseLogField, number>> {
  return suggestFrom(headers, CASE_LOG_SYNONYMS);
}

function suggestFrom<F extends string>(headers: readonly string[], synonyms: Record<F, readonly string[]>): Partial<Record<F, number>> {
  const folded = headers.map((h) => foldForSearch(h).replace(/[^a-z0-9 ]/g, '').trim());
  const out: Partial<Record<F, number>> = {};
  const taken = new Set<number>();
  for (const [field, names] of Object.entries(synonyms) as [F, readonly string[]][]) {
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

/** The header row of the case log template, in the order of the fields. */
export const CASE_LOG_TEMPLATE_HEADERS: Record<CaseLogField, string> = {
  caseReference: 'Ärendenummer',
  intakeDate: 'Aktualiseringsdatum',
  intakeSource: 'Källa',
  violenceTypes: 'Våldsform',
  personalNumber: 'Personnummer',
  firstName: 'Förnamn',
  lastName: 'Efternamn',
  birthYear: 'Födelseår',
  gender: 'Kön',
  perpetrator: 'Våldsutövare',
  relation: 'Relation',
  childrenInHousehold: 'Antal barn',
  firstContactDate: 'Första kontakt',
  status: 'Status',
  closingDate: 'Avslutsdatum',
  closingReason: 'Avslutsorsak',
  worker: 'Handläggare',
  note: 'Anteckning',
};
