import type { Kysely } from 'kysely';
import type { Database, RiskLevelColumn } from '../../db/schema.js';
import { maskOthers, type NamedPerson } from '../../domain/extract-masking.js';
import { shelterForOutput } from '../../domain/shelter-disclosure.js';

/**
 * The assessments, plans, checklists, outcome follow-ups and placements of one case that concern
 * the person, for their register extract. The extract is handed to the
 * person, so a shelter goes out as a client copy (`shelterForOutput(…,
 * 'client_copy')`: its name and phone number, never where it is), the safety
 * plan's shelter address and every internal note stay out (counted, so the
 * coordinator sees it), and free text is masked like the journal.
 */
export interface ExtractDocuments {
  riskAssessments: { assessedOn: string; level: RiskLevelColumn; judgement: string; workerName: string; nextAssessmentOn: string }[];
  safetyPlans: { version: number; madeOn: string; reviewOn: string; workerName: string }[];
  actionPlans: { status: 'draft' | 'active' | 'completed' | 'cancelled'; goals: string[]; followUpOn: string | null; personSignedOn: string | null }[];
  /** Only on the person's own cases (a checklist is about the case, not one person). */
  checklists: { title: string; createdAt: string; ticked: number }[];
  /** The person's own answers in the outcome follow-up (their ratings; NULL = declined). The worker's comment is internal and stays out. */
  outcomeFollowups: { phase: 'intake' | 'closing'; followedUpOn: string; safety: number | null; wellBeing: number | null; violenceStopped: 'yes' | 'partly' | 'no' | 'unknown'; helpRating: number | null }[];
  /** The person's own placements, and those they were placed in as a child. */
  placements: { asChild: boolean; shelterName: string | null; shelterPhone: string | null; startDate: string; endDate: string | null }[];
}

export interface DocumentsWithheld {
  internalNotes: number;
  shelterAddresses: number;
  documentsForOthers: number;
}

export async function documentsForExtract(
  db: Kysely<Database>,
  caseId: string,
  personId: string,
  isMainPerson: boolean,
  mask: { subject: NamedPerson; others: NamedPerson[] },
  withheld: DocumentsWithheld & { maskedMentions: number },
): Promise<ExtractDocuments> {
  const masked = (text: string) => {
    const m = maskOthers(text, mask.subject, mask.others);
    withheld.maskedMentions += m.masked;
    return m.text;
  };
  const risk = await db.selectFrom('risk_assessments as r').innerJoin('workers as w', 'w.id', 'r.worker_id').select(['r.person_id', 'r.assessed_on', 'r.level', 'r.judgement', 'r.internal_note', 'r.next_assessment_on', 'w.name']).where('r.case_id', '=', caseId).orderBy('r.assessed_on').execute();
  const safety = await db.selectFrom('safety_plans as s').innerJoin('workers as w', 'w.id', 's.worker_id').select(['s.person_id', 's.version', 's.made_on', 's.review_on', 's.shelter_address', 's.internal_note', 'w.name']).where('s.case_id', '=', caseId).orderBy('s.made_on').execute();
  const action = await db.selectFrom('action_plans').select(['person_id', 'status', 'goals', 'follow_up_on', 'person_signed_on', 'internal_note']).where('case_id', '=', caseId).orderBy('created_at').execute();
  const followups = await db
    .selectFrom('outcome_followups')
    .select(['person_id', 'phase', 'followed_up_on', 'safety', 'well_being', 'violence_stopped', 'help_rating', 'comment'])
    .where('case_id', '=', caseId)
    .orderBy('followed_up_on')
    .orderBy('phase')
    .execute();
  const placements = await db
    .selectFrom('placements as p')
    .innerJoin('shelters as s', 's.id', 'p.shelter_id')
    .leftJoin('placement_children as pc', (j) => j.onRef('pc.placement_id', '=', 'p.id').on('pc.person_id', '=', personId))
    .selectAll('s')
    .select(['p.person_id as placed_id', 'p.start_date', 'p.end_date', 'pc.person_id as child_id', 'pc.start_date as child_start', 'pc.end_date as child_end'])
    .where('p.case_id', '=', caseId)
    .orderBy('p.start_date')
    .execute();

  const own = <T extends { person_id: string }>(rows: T[]) => {
    withheld.documentsForOthers += rows.filter((r) => r.person_id !== personId).length;
    return rows.filter((r) => r.person_id === personId);
  };
  const note = (n: string | null) => {
    if (n) withheld.internalNotes++;
  };
  const riskOwn = own(risk);
  const safetyOwn = own(safety);
  const actionOwn = own(action);
  const followupsOwn = own(followups);
  followupsOwn.forEach((f) => note(f.comment));
  riskOwn.forEach((r) => note(r.internal_note));
  safetyOwn.forEach((s) => note(s.internal_note));
  actionOwn.forEach((a) => note(a.internal_note));
  withheld.shelterAddresses += safetyOwn.filter((s) => s.shelter_address).length;

  const checklists = isMainPerson
    ? await db
        .selectFrom('checklists as c')
        .innerJoin('document_templates as t', (j) => j.onRef('t.id', '=', 'c.template_id').onRef('t.version', '=', 'c.template_version'))
        .select((eb) => ['t.title', 'c.created_at', eb.selectFrom('checklist_ticks as k').select((k) => k.fn.countAll<number>().as('n')).whereRef('k.checklist_id', '=', 'c.id').as('ticked')])
        .where('c.case_id', '=', caseId)
        .orderBy('c.created_at')
        .execute()
    : [];

  const placementRows = placements.filter((p) => p.placed_id === personId || p.child_id === personId);
  withheld.documentsForOthers += placements.length - placementRows.length;
  return {
    riskAssessments: riskOwn.map((r) => ({ assessedOn: r.assessed_on, level: r.level, judgement: masked(r.judgement), workerName: r.name, nextAssessmentOn: r.next_assessment_on })),
    safetyPlans: safetyOwn.map((s) => ({ version: s.version, madeOn: s.made_on, reviewOn: s.review_on, workerName: s.name })),
    actionPlans: actionOwn.map((a) => ({ status: a.status, goals: (JSON.parse(a.goals) as string[]).map(masked), followUpOn: a.follow_up_on, personSignedOn: a.person_signed_on })),
    outcomeFollowups: followupsOwn.map((f) => ({ phase: f.phase, followedUpOn: f.followed_up_on, safety: f.safety, wellBeing: f.well_being, violenceStopped: f.violence_stopped, helpRating: f.help_rating })),
    checklists: checklists.map((c) => ({ title: c.title, createdAt: c.created_at, ticked: Number(c.ticked ?? 0) })),
    placements: placementRows.map((p) => {
      const shelter = shelterForOutput(
        {
          id: p.id,
          name: p.name,
          operatorType: p.operator_type,
          permitNumber: p.permit_number,
          permitValidFrom: p.permit_valid_from,
          permitValidTo: p.permit_valid_to,
          capacity: p.capacity,
          contactName: p.contact_name,
          contactPhone: p.contact_phone,
          contactEmail: p.contact_email,
          streetAddress: p.street_address,
          postalCode: p.postal_code,
          city: p.city,
          accessibilityNotes: p.accessibility_notes,
          archived: p.archived_at !== null,
        },
        'client_copy',
      );
      if (shelter.addressWithheld) withheld.shelterAddresses++;
      const asChild = p.placed_id !== personId;
      return { asChild, shelterName: shelter.name ?? null, shelterPhone: shelter.contactPhone ?? null, startDate: asChild ? (p.child_start ?? p.start_date) : p.start_date, endDate: asChild ? p.child_end : p.end_date };
    }),
  };
}
