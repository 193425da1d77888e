/**
 * Swedish names of the fixed vocabularies (DOMAIN.md): one list for the
 * screen (the renderer's sv pack) and for what leaves the unit (statistics
 * exports, built in the main process), so the two never drift apart.
 */
export const VOCABULARY_SV = {
  gender: { kvinna: 'Kvinna', man: 'Man', annat: 'Annat', okant: 'Okänt' },
  intakeSource: {
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
  violenceType: {
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
  relation: {
    partner: 'Partner',
    ex_partner: 'Före detta partner',
    parent: 'Förälder',
    child: 'Barn',
    sibling: 'Syskon',
    other_relative: 'Annan släkting',
    other_close: 'Annan närstående',
  },
  exposure: { witnessed: 'Har sett/hört våldet', subjected: 'Har själv utsatts', both: 'Båda' },
  closingReason: {
    goal_met: 'Målet uppnått',
    goal_partly_met: 'Delvis uppnått',
    goal_not_met: 'Inte uppnått',
    moved_away: 'Flyttat',
    declined_help: 'Avböjt fortsatt stöd',
    other: 'Annat',
  },
  outcome: { granted: 'Bifall', partly_granted: 'Delvis bifall', refused: 'Avslag' },
};
