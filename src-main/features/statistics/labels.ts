import { VOCABULARY_SV } from '../../domain/vocabulary-sv.js';
import type { BreakdownId } from './contract.js';

/**
 * Swedish labels for what an export writes. The export is built here, in the
 * main process, so that the preview and the file are the same cells; the
 * renderer's own translations (i18n) label the dashboard on screen.
 */
const UNKNOWN = 'Uppgift saknas';

export const CODE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  source: VOCABULARY_SV.intakeSource,
  violence_type: VOCABULARY_SV.violenceType,
  gender: VOCABULARY_SV.gender,
  age_band: { '0-11': '0–11 år', '12-17': '12–17 år', '18-24': '18–24 år', '25-44': '25–44 år', '45-64': '45–64 år', '65+': '65 år och äldre', unknown: 'Ålder okänd' },
  relation: { ...VOCABULARY_SV.relation, unknown: UNKNOWN },
  children: { ...VOCABULARY_SV.exposure, unknown: UNKNOWN },
  decisions: VOCABULARY_SV.outcome,
  closing_reason: { ...VOCABULARY_SV.closingReason, unknown: UNKNOWN },
  risk_level: { low: 'Låg', medium: 'Förhöjd', high: 'Hög', acute: 'Akut' },
  placement_destination: { own_home: 'Egen bostad', sublet: 'Andrahandskontrakt', back_to_perpetrator: 'Tillbaka till den som utövat våld', other_housing: 'Annat boende', other_municipality: 'Annan kommun', unknown: 'Okänt' },
  placed_children_consent: { other_custodian_consented: 'Den andra vårdnadshavaren samtycker', sole_custody: 'Ensam vårdnad', without_consent: 'Beslut utan samtycke' },
};

export const BREAKDOWN_TITLES: Readonly<Record<BreakdownId, string>> = {
  source: 'Nya ärenden efter källa',
  violence_type: 'Nya ärenden efter våldsform (ett ärende kan ha flera)',
  gender: 'Nya ärenden efter kön (huvudperson)',
  age_band: 'Nya ärenden efter ålder (huvudperson)',
  relation: 'Nya ärenden efter relation till våldsutövaren',
  children: 'Barn i nya ärenden efter hur de berörts',
  services: 'Påbörjade insatser efter insats',
  decisions: 'Beslut efter utfall',
  closing_reason: 'Avslutade ärenden efter avslutsorsak',
  risk_level: 'Riskbedömningar efter risknivå',
  placement_destination: 'Avslutade placeringar efter vart personen flyttade',
  placed_children_consent: 'Medföljande barn efter vårdnadshavarens samtycke',
};

/**
 * The label of a code in a breakdown. A code the list does not know is never
 * written as it stands (a column without a CHECK could hold any text): it
 * becomes "Annan uppgift".
 */
export function codeLabel(group: string, code: string): string {
  return CODE_LABELS[group]?.[code] ?? 'Annan uppgift';
}
