import type { BreakdownId } from './contract.js';

/**
 * Swedish labels for what an export writes. The export is built here, in the
 * main process, so that the preview and the file are the same cells; the
 * renderer's own translations (i18n) label the dashboard on screen.
 */
export const CODE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  source: {
    own_application: 'Egen ansökan',
    report_police: 'Anmälan från polis',
    report_school: 'Anmälan från skola',
    report_health_care: 'Anmälan från hälso- och sjukvård',
    report_other_authority: 'Anmälan från annan myndighet',
    report_public: 'Anmälan från allmänheten',
    islandsmodellen: 'Islandsmodellen',
    screening_other_agency: 'Screening hos annan verksamhet',
    transfer_municipality: 'Överflytt från annan kommun',
    womens_shelter: 'Kvinnojour',
  },
  violence_type: {
    physical: 'Fysiskt',
    psychological: 'Psykiskt',
    sexual: 'Sexuellt',
    economic: 'Ekonomiskt',
    material: 'Materiellt',
    latent: 'Latent',
    neglect: 'Försummelse',
    honour_related: 'Hedersrelaterat våld och förtryck',
    digital: 'Digitalt',
  },
  gender: { kvinna: 'Kvinna', man: 'Man', annat: 'Annat', okant: 'Okänt' },
  age_band: { '0-11': '0–11 år', '12-17': '12–17 år', '18-24': '18–24 år', '25-44': '25–44 år', '45-64': '45–64 år', '65+': '65 år och äldre', unknown: 'Ålder okänd' },
  relation: {
    partner: 'Partner',
    ex_partner: 'Före detta partner',
    parent: 'Förälder',
    child: 'Barn',
    sibling: 'Syskon',
    other_relative: 'Annan släkting',
    other_close: 'Annan närstående',
    unknown: 'Uppgift saknas',
  },
  children: { witnessed: 'Har sett/hört våldet', subjected: 'Har själv utsatts', both: 'Båda', unknown: 'Uppgift saknas' },
  decisions: { granted: 'Bifall', partly_granted: 'Delvis bifall', refused: 'Avslag' },
  closing_reason: {
    goal_met: 'Målet uppnått',
    goal_partly_met: 'Delvis uppnått',
    goal_not_met: 'Inte uppnått',
    moved_away: 'Flyttat',
    declined_help: 'Avböjt fortsatt stöd',
    other: 'Annat',
    unknown: 'Uppgift saknas',
  },
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
};

/**
 * The label of a code in a breakdown. A code the list does not know is never
 * written as it stands (a column without a CHECK could hold any text): it
 * becomes "Annan uppgift".
 */
export function codeLabel(group: string, code: string): string {
  return CODE_LABELS[group]?.[code] ?? 'Annan uppgift';
}
