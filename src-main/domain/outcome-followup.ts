/**
 * The outcome follow-up (utfallsuppföljning): rules with no I/O, shared by the
 * service, the statistics and the form.
 *
 * Decisions, and why:
 * - A rating is 1–5 or `null`: the person did not want to answer ("vill inte
 *   svara"). The form makes the worker pick one of the two, so `null` is never
 *   a forgotten field — and a declined rating simply leaves the mean of that
 *   measure (it is not counted as a low or a middle value).
 * - The closing follow-up may be made at any time — often at the last talk,
 *   before the case is formally closed, or just after. Statistics pair only
 *   an intake and a closing follow-up of the same person in a *closed* case,
 *   in the month the case was closed.
 * - Dates: neither follow-up lies in the future or before the case came in;
 *   the closing one is not before the intake one.
 */
export const OUTCOME_PHASES = ['intake', 'closing'] as const;
export type OutcomePhase = (typeof OUTCOME_PHASES)[number];

export const VIOLENCE_STOPPED = ['yes', 'partly', 'no', 'unknown'] as const;
export type ViolenceStopped = (typeof VIOLENCE_STOPPED)[number];

export const RATING_MIN = 1;
export const RATING_MAX = 5;

/** What the rules need to know about one follow-up. */
export interface FollowupFacts {
  phase: OutcomePhase;
  followedUpOn: string;
  helpRating: number | null;
}

/** A problem with a follow-up, by field (Swedish text; the code for the renderer's own language). */
export interface FollowupIssue {
  path: 'followedUpOn' | 'helpRating';
  code: 'future' | 'before_intake' | 'closing_before_intake' | 'intake_after_closing' | 'help_at_intake';
  message: string;
}

/**
 * The problems of a follow-up against today, the case's intake date and the
 * person's other follow-up in the case (the other phase), if there is one.
 *
 * @example followupIssues({ phase: 'closing', followedUpOn: '2026-01-01', helpRating: 4 }, { today: '2026-03-01', caseIntakeDate: '2025-11-01', other: { phase: 'intake', followedUpOn: '2026-02-01', helpRating: null } })
 * // → [{ path: 'followedUpOn', code: 'closing_before_intake', … }]
 */
export function followupIssues(f: FollowupFacts, ctx: { today: string; caseIntakeDate: string; other: FollowupFacts | null }): FollowupIssue[] {
  const out: FollowupIssue[] = [];
  if (f.followedUpOn > ctx.today) out.push({ path: 'followedUpOn', code: 'future', message: 'Datumet för uppföljningen kan inte ligga i framtiden.' });
  else if (f.followedUpOn < ctx.caseIntakeDate) out.push({ path: 'followedUpOn', code: 'before_intake', message: `Uppföljningen kan inte ligga före ärendets aktualisering (${ctx.caseIntakeDate}).` });
  else if (ctx.other && ctx.other.phase !== f.phase) {
    if (f.phase === 'closing' && f.followedUpOn < ctx.other.followedUpOn) out.push({ path: 'followedUpOn', code: 'closing_before_intake', message: `Uppföljningen vid avslut kan inte ligga före den vid aktualisering (${ctx.other.followedUpOn}).` });
    if (f.phase === 'intake' && f.followedUpOn > ctx.other.followedUpOn) out.push({ path: 'followedUpOn', code: 'intake_after_closing', message: `Uppföljningen vid aktualisering kan inte ligga efter den vid avslut (${ctx.other.followedUpOn}).` });
  }
  if (f.phase === 'intake' && f.helpRating !== null) out.push({ path: 'helpRating', code: 'help_at_intake', message: 'Synen på hjälpen frågas bara vid avslut.' });
  return out;
}

/** The change of a rating from intake to closing (positive: better), or null when either was declined. */
export function ratingChange(atIntake: number | null, atClosing: number | null): number | null {
  return atIntake === null || atClosing === null ? null : atClosing - atIntake;
}

/**
 * Whether the worker should be reminded of the closing follow-up with a
 * person: the case is being closed or is closed, and that person has none.
 * Gentle: a reminder in the closing step and the panel, never a refusal.
 */
export function closingFollowupMissing(closingOrClosed: boolean, personId: string, followups: readonly { personId: string; phase: OutcomePhase }[]): boolean {
  return closingOrClosed && !followups.some((f) => f.personId === personId && f.phase === 'closing');
}
