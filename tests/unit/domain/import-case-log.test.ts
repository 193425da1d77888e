import { describe, expect, it } from 'vitest';
import { CASE_LOG_FIELDS, readCaseLogRow, type CaseLogField } from '../../../src-main/domain/import-case-log.js';
import { matchClosingReason, matchIntakeSource, matchRelation, matchStatus, parseViolenceTypes } from '../../../src-main/domain/import-vocabulary.js';
import { NUMBER_MESSAGES } from '../../../src-main/features/persons/service.js';
import { personnummer } from '../../support/import-files.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const CTX = { today: '2026-11-23', now: NOW, fallbackSource: 'own_application' as const, numberMessages: NUMBER_MESSAGES, noteMax: 200 };
const VICTIM = personnummer('19850314', 123);
const PERP = personnummer('19800101', 238);

/** A good row, with some cells replaced. */
function row(cells: Partial<Record<CaseLogField, string>>) {
  const base: Partial<Record<CaseLogField, string>> = { intakeDate: '2024-03-05', violenceTypes: 'fysiskt', personalNumber: VICTIM, firstName: 'Åsa', lastName: 'Östlund' };
  const all = { ...base, ...cells };
  return readCaseLogRow((f) => all[f] ?? '', 2, CTX);
}
const reasons = (cells: Partial<Record<CaseLogField, string>>) => row(cells).reasons.join(' ');

describe('case log row rules', () => {
  it('reads a full row: dates in either Swedish form, several violence types in one cell, the words units write', () => {
    const r = row({
      caseReference: 'VINR 2024/17', intakeDate: '5/3/2024', intakeSource: 'Polisen', violenceTypes: 'fysiskt, psykiskt och ek.', gender: 'K',
      perpetrator: `${PERP} Kalle Karlsson`, relation: 'f.d. sambo', childrenInHousehold: '2 st', firstContactDate: '2024-03-06', status: 'Avslutad',
      closingDate: '2024-11-30', closingReason: 'Målet uppnått', worker: 'Eva Handläggare', note: 'Önskar stödsamtal.',
    });
    expect(r.reasons).toEqual([]);
    expect(r.row).toMatchObject({
      caseReference: 'VINR 2024/17', intakeDate: '2024-03-05', intakeSource: 'report_police', violenceTypes: ['physical', 'psychological', 'economic'],
      victim: { canonical: VICTIM, numberKind: 'personnummer', birthYear: 1985, gender: 'kvinna' }, perpetrator: { canonical: PERP, firstName: 'Kalle', lastName: 'Karlsson' },
      relation: 'ex_partner', childrenInHousehold: 2, firstContactDate: '2024-03-06', status: 'closed', closingDate: '2024-11-30', closingReason: 'goal_met', worker: 'Eva Handläggare', note: 'Önskar stödsamtal.',
    });
  });

  it('takes the fallback source for an empty source cell, gender unknown when empty, and a closing date alone as closed', () => {
    const r = row({ closingDate: '2024-04-01', closingReason: 'annat' });
    expect(r.row).toMatchObject({ intakeSource: 'own_application', victim: { gender: 'okant' }, status: 'closed', closingReason: 'other' });
    expect(row({}).row).toMatchObject({ status: 'intake', closingDate: null });
  });

  it('accepts a person with no number by name and birth year', () => {
    const r = row({ personalNumber: '', birthYear: '1979' });
    expect(r.row?.victim).toEqual({ canonical: null, numberKind: 'none', birthYear: 1979, firstName: 'Åsa', lastName: 'Östlund', gender: 'okant' });
    expect(r.row?.victimKey).toBe('asa ostlund|1979');
  });

  it('gives every refusal its reason in Swedish', () => {
    expect(reasons({ personalNumber: '19850314-1234' })).toMatch(/Ogiltigt personnummer ”19850314-1234”: Kontrollsiffran stämmer inte/);
    expect(reasons({ personalNumber: personnummer('19851314', 123) })).toMatch(/Datumdelen är inget riktigt datum/);
    expect(reasons({ personalNumber: '', birthYear: '' })).toMatch(/Personnummer saknas: skriv personnummer eller samordningsnummer, eller för- och efternamn och födelseår/);
    expect(reasons({ birthYear: '1990' })).toMatch(/Födelseåret 1990 stämmer inte med personnumret \(1985\)/);
    expect(reasons({ intakeDate: '' })).toMatch(/Aktualiseringsdatum saknas/);
    expect(reasons({ intakeDate: '31/2/2024' })).toMatch(/Aktualiseringsdatum ”31\/2\/2024” är inte ett datum/);
    expect(reasons({ intakeDate: '2027-01-01' })).toMatch(/ligger i framtiden/);
    expect(reasons({ intakeSource: 'brevduva' })).toMatch(/Okänd källa ”brevduva”. Skriv t.ex. Egen ansökan, Anmälan från polis/);
    expect(reasons({ violenceTypes: '' })).toMatch(/Våldsform saknas/);
    expect(reasons({ violenceTypes: 'fysiskt, knuffar' })).toMatch(/Okänd våldsform ”knuffar”/);
    expect(reasons({ gender: 'kanske' })).toMatch(/Okänt kön ”kanske”/);
    expect(reasons({ relation: 'kollega' })).toMatch(/Okänd relation ”kollega”/);
    expect(reasons({ childrenInHousehold: 'många' })).toMatch(/Antal barn ”många” är inte ett antal/);
    expect(reasons({ status: 'vilande' })).toMatch(/Okänd status ”vilande”/);
    expect(reasons({ closingDate: '2024-04-01', closingReason: 'tröttnade' })).toMatch(/Okänd avslutsorsak ”tröttnade”/);
    expect(reasons({ status: 'avslutat', closingReason: 'annat' })).toMatch(/avslutat men avslutsdatum saknas/);
    expect(reasons({ status: 'avslutat', closingDate: '2024-04-01' })).toMatch(/avslutat men avslutsorsak saknas/);
    expect(reasons({ status: 'pågående', closingDate: '2024-04-01' })).toMatch(/Avslutsdatum finns men ärendet står inte som avslutat/);
    expect(reasons({ closingDate: '2024-03-01', closingReason: 'annat' })).toMatch(/fel ordning: avslutsdatum ligger före aktualiseringsdatum/);
    expect(reasons({ firstContactDate: '2024-03-01' })).toMatch(/fel ordning: första kontakten ligger före aktualiseringen/);
    expect(reasons({ firstContactDate: '2024-05-01', closingDate: '2024-04-01', closingReason: 'annat' })).toMatch(/avslutsdatum ligger före första kontakten/);
    expect(reasons({ perpetrator: 'Kalle' })).toMatch(/Våldsutövaren ”Kalle”: börja med personnumret/);
    expect(reasons({ perpetrator: '19800101-2381 Kalle' })).toMatch(/Våldsutövarens personnummer ”19800101-2381” är ogiltigt: Kontrollsiffran/);
    expect(reasons({ perpetrator: VICTIM })).toMatch(/samma personnummer som den våldsutsatta/);
    expect(reasons({ note: 'x'.repeat(201) })).toMatch(/Anteckningen är för lång \(201 tecken, högst 200\)/);
    expect(reasons({ caseReference: 'x'.repeat(61) })).toMatch(/Ärendenumret är för långt/);
    // several problems of one row are all told at once
    expect(row({ personalNumber: '123', violenceTypes: 'slag', intakeSource: '?' }).reasons).toHaveLength(3);
  });

  it('lists every field of the template once', () => {
    expect(new Set(CASE_LOG_FIELDS).size).toBe(CASE_LOG_FIELDS.length);
  });
});

describe('import vocabulary', () => {
  it('maps Swedish words, the screen names and common abbreviations to the codes', () => {
    expect(parseViolenceTypes('Fys/Psyk + sexuellt våld; HRV\ndigitalt')).toEqual({ types: ['physical', 'psychological', 'sexual', 'honour_related', 'digital'], unknown: [] });
    expect(parseViolenceTypes('Hedersrelaterat våld och förtryck, materiellt, latent, försummelse').types).toEqual(['honour_related', 'material', 'latent', 'neglect']);
    expect(parseViolenceTypes('fysiskt, Fysiskt våld').types).toEqual(['physical']);
    expect(['Egen ansökan', 'Anmälan från polis', 'orosanmälan från skolan', 'BVC', 'Försäkringskassan', 'granne', 'IM', 'screening', 'Överflytt från annan kommun', 'Kvinnojour'].map(matchIntakeSource)).toEqual([
      'own_application', 'report_police', 'report_school', 'report_health_care', 'report_other_authority', 'report_public', 'islandsmodellen', 'screening_other_agency', 'transfer_municipality', 'womens_shelter',
    ]);
    expect(['Sambo', 'F.d. make', 'Pappa', 'Son', 'Syster', 'Kusin', 'Annan närstående'].map(matchRelation)).toEqual(['partner', 'ex_partner', 'parent', 'child', 'sibling', 'other_relative', 'other_close']);
    expect(['Aktualiserad', 'Utreds', 'Pågående', 'Avslutat'].map(matchStatus)).toEqual(['intake', 'investigation', 'ongoing', 'closed']);
    expect(['Delvis uppnått', 'Ej uppnått', 'Flyttat', 'Avböjt fortsatt stöd'].map(matchClosingReason)).toEqual(['goal_partly_met', 'goal_not_met', 'moved_away', 'declined_help']);
    expect(matchIntakeSource('telefon')).toBeNull();
  });
});
