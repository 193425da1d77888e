import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, isoDateSchema } from '../../api/schemas.js';
import { OUTCOME_PHASES, RATING_MAX, RATING_MIN, VIOLENCE_STOPPED, type OutcomePhase, type ViolenceStopped } from '../../domain/outcome-followup.js';
import { optionalText } from '../templates/fields.js';

/** A rating 1–5, or null: the person did not want to answer. Never left out: the worker picks one of the two. */
const ratingSchema = (what: string) =>
  z
    .number({ error: `Välj ${what} 1–5 eller ”Vill inte svara”.` })
    .int({ error: `Välj ${what} 1–5 eller ”Vill inte svara”.` })
    .min(RATING_MIN, { error: `Välj ${what} 1–5.` })
    .max(RATING_MAX, { error: `Välj ${what} 1–5.` })
    .nullable();

export const outcomeSaveSchema = z
  .object({
    caseId: idSchema,
    personId: idSchema,
    phase: z.enum(OUTCOME_PHASES, { error: 'Välj uppföljning vid aktualisering eller vid avslut.' }),
    followedUpOn: isoDateSchema,
    safety: ratingSchema('trygghet'),
    wellBeing: ratingSchema('mående'),
    violenceStopped: z.enum(VIOLENCE_STOPPED, { error: 'Välj om våldet har upphört.' }),
    /** The person's view of the help: closing only (null at intake, or declined). */
    helpRating: ratingSchema('synen på hjälpen').optional().transform((v) => v ?? null),
    /** Internal note: never in statistics or exports. */
    comment: optionalText(2000),
  })
  .strict();
export type OutcomeSaveInput = z.output<typeof outcomeSaveSchema>;

/** One follow-up of a person in a case. A null rating: the person did not want to answer. */
export interface OutcomeFollowup {
  id: string;
  caseId: string;
  personId: string;
  phase: OutcomePhase;
  followedUpOn: string;
  safety: number | null;
  wellBeing: number | null;
  violenceStopped: ViolenceStopped;
  helpRating: number | null;
  comment: string | null;
  worker: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
}

export const outcomesContract = {
  /** The case's follow-ups, intake before closing; logged. */
  'outcomes.list': channel(z.object({ caseId: idSchema }).strict()).returns<OutcomeFollowup[]>(),
  /** Saves the follow-up of a person in one phase (a second save of the same phase changes it); returns the case's follow-ups. */
  'outcomes.save': channel(outcomeSaveSchema).returns<OutcomeFollowup[]>(),
  /** Deletes one follow-up (a mistake); returns the case's follow-ups. */
  'outcomes.delete': channel(z.object({ id: idSchema }).strict()).returns<OutcomeFollowup[]>(),
} as const;
