import type { ViolenceStopped } from '../domain/outcome-followup.js';
import { stampAfter } from './case-history.js';
import { BulkInsert, DAY_MS, dateMs, isoDate, type DemoContext, type DemoStep } from './context.js';
import type { Rng } from './prng.js';

/**
 * Outcome follow-ups, as the outcomes feature writes them: the victim of most
 * cases past intake is followed up within two weeks of intake, and most of the
 * closed ones again at closing. People usually feel safer and better at
 * closing, not always; now and then one does not want to answer a question.
 * The few comments are short, fictional and generic.
 */
const COMMENTS = ['Vill fortsätta med stödsamtal en tid.', 'Osäker på hur det blir när han kommer ut.', 'Tackade för hjälpen med bostaden.'];

/** A rating 1–5 around `centre`, or null (declined) now and then. */
function rating(rng: Rng, centre: number): number | null {
  if (rng.chance(0.07)) return null;
  return Math.max(1, Math.min(5, Math.round(centre + rng.int(-1, 1))));
}

function stoppedAt(rng: Rng, closing: boolean): ViolenceStopped {
  const r = rng.next();
  if (closing) return r < 0.55 ? 'yes' : r < 0.8 ? 'partly' : r < 0.92 ? 'no' : 'unknown';
  return r < 0.1 ? 'yes' : r < 0.35 ? 'partly' : r < 0.9 ? 'no' : 'unknown';
}

export const outcomesStep: DemoStep = {
  name: 'outcomes',
  run(ctx: DemoContext) {
    const rng = ctx.rng('outcomes');
    const nowMs = ctx.now.getTime();
    const rows = new BulkInsert(ctx, 'outcome_followups', ['id', 'case_id', 'person_id', 'phase', 'followed_up_on', 'safety', 'well_being', 'violence_stopped', 'help_rating', 'comment', 'worker_id', 'created_at', 'updated_at']);
    for (const c of ctx.cases) {
      if (c.status === 'intake' || !rng.chance(0.7)) continue;
      const closedMs = c.closedAt ? dateMs(c.closedAt.slice(0, 10)) : null;
      const endMs = Math.min(closedMs ?? nowMs, nowMs);
      const intakeMs = Math.min(endMs, dateMs(c.intakeDate) + rng.int(0, 14) * DAY_MS);
      const worker = c.assignedWorkerId;
      const safetyIn = rating(rng, 2);
      const wellIn = rating(rng, 2);
      const add = (phase: 'intake' | 'closing', dayMs: number, safety: number | null, well: number | null, stopped: ViolenceStopped, help: number | null) => {
        const id = rng.uuid();
        const at = new Date(stampAfter(rng, dayMs, dayMs, nowMs)).toISOString();
        rows.add(id, c.id, c.mainPersonId, phase, isoDate(dayMs), safety, well, stopped, help, rng.chance(0.1) ? rng.pick(COMMENTS) : null, worker, at, at);
        ctx.audit.push([at, worker, 'outcomes.create', 'outcome_followup', id, JSON.stringify({ caseId: c.id, personId: c.mainPersonId, phase })]);
      };
      add('intake', intakeMs, safetyIn, wellIn, stoppedAt(rng, false), null);
      if (closedMs === null || closedMs > nowMs || !rng.chance(0.75)) continue;
      // Better on average at closing, by one or two steps; sometimes the same or worse.
      const lift = rng.int(-1, 3);
      add('closing', Math.max(intakeMs, closedMs), rating(rng, (safetyIn ?? 2) + lift), rating(rng, (wellIn ?? 2) + lift), stoppedAt(rng, true), rating(rng, 4));
    }
    rows.finish();
  },
};
