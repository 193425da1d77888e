import type { OutcomePhase, ViolenceStopped } from '../../../src-main/domain/outcome-followup';
import type { OutcomeFollowup } from '../../../src-main/features/outcomes/contract';
import { checkDate, type ValidationKey } from '../../app/validation';

/** A rating as the form holds it: not chosen yet, 1–5, or declined. */
export type RatingChoice = '' | '1' | '2' | '3' | '4' | '5' | 'declined';

export interface OutcomeFormValues {
  followedUpOn: string;
  safety: RatingChoice;
  wellBeing: RatingChoice;
  violenceStopped: ViolenceStopped | '';
  helpRating: RatingChoice;
  comment: string;
}

export type OutcomeField = 'followedUpOn' | 'safety' | 'wellBeing' | 'violenceStopped' | 'helpRating';
/** What the form says at a field: a general validation key, or one of the follow-up's own texts. */
export type OutcomeFinding = { validation: ValidationKey } | { own: 'chooseRating' | 'chooseStopped' };

const choice = (n: number | null): RatingChoice => (n === null ? 'declined' : (String(n) as RatingChoice));

/** The form's values: empty for a new follow-up (today's date), or those of the saved one. */
export function formValues(saved: OutcomeFollowup | null, today: string): OutcomeFormValues {
  if (!saved) return { followedUpOn: today, safety: '', wellBeing: '', violenceStopped: '', helpRating: '', comment: '' };
  return { followedUpOn: saved.followedUpOn, safety: choice(saved.safety), wellBeing: choice(saved.wellBeing), violenceStopped: saved.violenceStopped, helpRating: choice(saved.helpRating), comment: saved.comment ?? '' };
}

/** What must be fixed before saving: a date, and an answer (a rating or "vill inte svara") to every question of the phase. */
export function checkOutcomeForm(v: OutcomeFormValues, phase: OutcomePhase, now?: Date): Partial<Record<OutcomeField, OutcomeFinding>> {
  const out: Partial<Record<OutcomeField, OutcomeFinding>> = {};
  const d = checkDate(v.followedUpOn, { required: true, notFuture: true, ...(now ? { now } : {}) });
  if (d) out.followedUpOn = { validation: d };
  if (v.safety === '') out.safety = { own: 'chooseRating' };
  if (v.wellBeing === '') out.wellBeing = { own: 'chooseRating' };
  if (v.violenceStopped === '') out.violenceStopped = { own: 'chooseStopped' };
  if (phase === 'closing' && v.helpRating === '') out.helpRating = { own: 'chooseRating' };
  return out;
}

const rating = (c: RatingChoice): number | null => (c === '' || c === 'declined' ? null : Number(c));

/** The channel's input from checked values. */
export function toSaveInput(caseId: string, personId: string, phase: OutcomePhase, v: OutcomeFormValues) {
  return {
    caseId,
    personId,
    phase,
    followedUpOn: v.followedUpOn.trim(),
    safety: rating(v.safety),
    wellBeing: rating(v.wellBeing),
    violenceStopped: v.violenceStopped as ViolenceStopped,
    ...(phase === 'closing' ? { helpRating: rating(v.helpRating) } : {}),
    comment: v.comment.trim() === '' ? null : v.comment,
  };
}
