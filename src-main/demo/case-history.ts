import type { CaseStatus, ChildExposure, ClosingReason, Relation } from '../domain/vocabulary.js';
import { DAY_MS, dateMs, isoDate, type DemoAssignment, type DemoContext, type DemoStatusEvent, type DemoWorker } from './context.js';
import { Weighted, type Rng } from './prng.js';

/**
 * What happened to each case after its intake, as the cases service records
 * it: the status path (`case_status_events`: the intake event at the intake
 * date, then each change with the date the worker gave and the time it was
 * saved), the assignment history (`case_assignments`: the worker who took
 * the case in, then any reassignment), the closing reason, and the facts of
 * the intake that the first pass left open — relation to the person who
 * used violence, first contact, children in the household and how each
 * child in the case was exposed.
 *
 * The rules the services enforce hold here too: dates never go backwards
 * and never lie after today, a closed case is never reassigned, a
 * reassignment goes to someone else, and the case row ends where its
 * history ends (status, closing date and reason, assigned worker, updated_at).
 */

/** How each final status was reached (after the intake event). Protected housing can start before the investigation is done. */
const PATHS: Readonly<Record<CaseStatus, Weighted<readonly CaseStatus[]>>> = {
  intake: new Weighted<readonly CaseStatus[]>([[[], 1]]),
  investigation: new Weighted<readonly CaseStatus[]>([[['investigation'], 1]]),
  ongoing: new Weighted<readonly CaseStatus[]>([
    [['investigation', 'ongoing'], 85],
    [['ongoing'], 15],
  ]),
  closed: new Weighted<readonly CaseStatus[]>([
    [['investigation', 'ongoing', 'closed'], 48],
    [['investigation', 'closed'], 24],
    [['ongoing', 'closed'], 9],
    [['closed'], 19],
  ]),
};

/** Closing reasons by how far the case got: goal met is the most common end of a case with services. */
const CLOSING_AFTER_SERVICES = new Weighted<ClosingReason>([
  ['goal_met', 54],
  ['goal_partly_met', 22],
  ['goal_not_met', 7],
  ['moved_away', 7],
  ['declined_help', 6],
  ['other', 4],
]);
const CLOSING_AFTER_INVESTIGATION = new Weighted<ClosingReason>([
  ['goal_met', 36],
  ['goal_partly_met', 14],
  ['declined_help', 25],
  ['moved_away', 12],
  ['goal_not_met', 5],
  ['other', 8],
]);
const CLOSING_AT_INTAKE = new Weighted<ClosingReason>([
  ['declined_help', 38],
  ['other', 24],
  ['moved_away', 20],
  ['goal_met', 18],
]);

const RELATION_DEFAULT = new Weighted<Relation | null>([
  ['partner', 42],
  ['ex_partner', 28],
  ['parent', 7],
  ['child', 5],
  ['sibling', 3],
  ['other_relative', 6],
  ['other_close', 5],
  [null, 4],
]);
/** Honour-related violence comes mostly from the family the victim grew up in. */
const RELATION_HONOUR = new Weighted<Relation | null>([
  ['parent', 36],
  ['sibling', 20],
  ['other_relative', 20],
  ['partner', 14],
  ['ex_partner', 5],
  [null, 5],
]);
const RELATION_YOUNG = new Weighted<Relation | null>([
  ['partner', 34],
  ['ex_partner', 24],
  ['parent', 26],
  ['sibling', 6],
  ['other_relative', 5],
  ['other_close', 3],
  [null, 2],
]);
/** Older victims are often harmed by a grown child. */
const RELATION_OLD = new Weighted<Relation | null>([
  ['partner', 40],
  ['child', 34],
  ['ex_partner', 6],
  ['other_relative', 10],
  ['other_close', 6],
  [null, 4],
]);

const EXPOSURE = new Weighted<ChildExposure | null>([
  ['witnessed', 52],
  ['both', 28],
  ['subjected', 15],
  [null, 5],
]);
const EXPOSURE_NEGLECT = new Weighted<ChildExposure | null>([
  ['subjected', 45],
  ['both', 35],
  ['witnessed', 15],
  [null, 5],
]);

/**
 * A time during office hours on `dayMs` (plus `lagDays`), after `afterMs`,
 * not before the day itself (nothing is recorded before the date it is
 * about) and before now.
 */
export function stampAfter(rng: Rng, dayMs: number, afterMs: number, nowMs: number, lagDays = 0): number {
  let ms = dayMs + lagDays * DAY_MS + rng.int(7 * 60 + 45, 16 * 60 + 45) * 60_000 + rng.int(0, 59_999);
  if (ms <= afterMs) ms = afterMs + rng.int(2, 90) * 60_000 + rng.int(0, 59_999);
  const latest = nowMs - 1000;
  if (ms > latest) {
    const lo = Math.max(afterMs + 1, dayMs);
    ms = lo < latest ? lo + Math.floor((latest - lo) * rng.next()) : lo;
  }
  return ms;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function planCaseHistory(ctx: DemoContext): void {
  const rng = ctx.rng('case-history');
  const nowMs = ctx.now.getTime();
  const todayMs = dateMs(isoDate(nowMs));
  const active = ctx.workers.filter((w) => w.active);
  const coordinators = active.filter((w) => w.role === 'samordnare');
  const byId = new Map<string, DemoWorker>(ctx.workers.map((w) => [w.id, w]));
  const persons = new Map(ctx.persons.map((p) => [p.id, p]));

  for (const c of ctx.cases) {
    const intakeMs = dateMs(c.intakeDate);
    const createdMs = Date.parse(c.createdAt);
    const lastDayMs = c.closedAt ? dateMs(c.closedAt) : todayMs;

    // ---- the status path: dates in order, between the intake and the closing date (or today)
    const path = PATHS[c.status].draw(rng);
    const dates: number[] = [];
    let floor = intakeMs;
    for (const step of path) {
      let d: number;
      if (step === 'closed') d = lastDayMs;
      else if (step === 'investigation') d = intakeMs + Math.min(rng.chance(0.6) ? rng.int(0, 7) : rng.int(8, 14), 14) * DAY_MS;
      else if (dates.length === 0) d = intakeMs + rng.int(0, 3) * DAY_MS; // straight to services: protected housing the same week
      else d = floor + rng.int(14, 120) * DAY_MS; // the investigation takes up to four months
      // Leave room before the closing date, and never after today.
      if (step !== 'closed' && c.status === 'closed') d = Math.min(d, lastDayMs - (path.length - dates.length - 1) * DAY_MS);
      d = Math.max(floor, Math.min(d, lastDayMs));
      dates.push(d);
      floor = d;
    }
    const events: DemoStatusEvent[] = [{ from: null, to: 'intake', date: c.intakeDate, workerId: c.createdBy, at: c.createdAt }];
    const eventMs: number[] = [createdMs];
    let prev: CaseStatus = 'intake';
    let prevAt = createdMs;
    for (const [i, step] of path.entries()) {
      const at = stampAfter(rng, dates[i]!, prevAt, nowMs, rng.chance(0.8) ? 0 : rng.int(1, 2));
      events.push({ from: prev, to: step, date: isoDate(dates[i]!), workerId: c.createdBy, at: iso(at) });
      eventMs.push(at);
      prev = step;
      prevAt = at;
    }

    // ---- assignments: the intake worker, then now and then a reassignment while the case is open
    const assignments: DemoAssignment[] = [{ workerId: c.createdBy, assignedBy: c.createdBy, at: c.createdAt }];
    const openUntil = c.status === 'closed' ? eventMs.at(-1)! : nowMs;
    const moments: number[] = [];
    const x = rng.next();
    const reassignments = x < 0.1 ? 1 : x < 0.12 ? 2 : 0;
    for (let i = 0; i < reassignments && openUntil - createdMs > 2 * 3600_000; i++) {
      moments.push(createdMs + 3600_000 + Math.floor((openUntil - createdMs - 2 * 3600_000) * rng.next()));
    }
    moments.sort((a, b) => a - b);
    let current = c.createdBy;
    const reassign = (atMs: number, pool: readonly DemoWorker[]) => {
      const choices = pool.filter((w) => w.id !== current);
      if (choices.length === 0) return;
      const to = rng.pick(choices).id;
      const r = rng.next();
      const by = coordinators.length > 0 && r < 0.65 ? rng.pick(coordinators).id : r < 0.85 && byId.get(current)?.active ? current : to;
      assignments.push({ workerId: to, assignedBy: by, at: iso(atMs) });
      current = to;
    };
    for (const m of moments) {
      // Long ago, a colleague who has left since may have taken it over.
      const former = ctx.workers.filter((w) => !w.active);
      reassign(m, former.length > 0 && nowMs - m > 700 * DAY_MS && rng.chance(0.15) ? former : active);
    }
    // An open case of someone who has left the unit has been handed on.
    if (c.status !== 'closed' && !byId.get(current)?.active) {
      const after = Math.max(eventMs.at(-1)!, Date.parse(assignments.at(-1)!.at));
      reassign(stampAfter(rng, Math.max(dateMs(isoDate(after)), todayMs - rng.int(0, 60) * DAY_MS), after, nowMs), active);
    }
    // Each status change was made by whoever had the case at the time.
    for (let i = 1; i < events.length; i++) {
      let w = assignments[0]!.workerId;
      for (const a of assignments) if (a.at <= events[i]!.at) w = a.workerId;
      events[i]!.workerId = w;
    }
    c.statusEvents = events;
    c.assignments = assignments;
    c.assignedWorkerId = current;
    c.closingReason = c.status === 'closed' ? (path.includes('ongoing') ? CLOSING_AFTER_SERVICES : path.includes('investigation') ? CLOSING_AFTER_INVESTIGATION : CLOSING_AT_INTAKE).draw(rng) : null;
    let updated = c.createdAt;
    for (const e of events) if (e.at > updated) updated = e.at;
    for (const a of assignments) if (a.at > updated) updated = a.at;
    for (const m of c.members) if (m.addedAt && m.addedAt > updated) updated = m.addedAt;
    c.updatedAt = updated;

    // ---- intake facts
    const victim = persons.get(c.mainPersonId);
    const ageYears = victim ? (intakeMs - dateMs(victim.birthDate)) / (365.25 * DAY_MS) : 35;
    const relation = c.violenceTypes.includes('honour_related') ? RELATION_HONOUR : ageYears < 23 ? RELATION_YOUNG : ageYears > 66 ? RELATION_OLD : RELATION_DEFAULT;
    c.relation = relation.draw(rng);
    if (rng.chance(0.86)) {
      const r = rng.next();
      const lag = r < 0.35 ? 0 : r < 0.7 ? rng.int(1, 3) : rng.int(4, 14);
      c.firstContactDate = isoDate(Math.min(intakeMs + lag * DAY_MS, todayMs, c.closedAt ? dateMs(c.closedAt) : todayMs));
    } else c.firstContactDate = null;
    const children = c.members.filter((m) => m.role === 'child');
    const n = children.length;
    const y = rng.next();
    if (n > 0) c.childrenInHousehold = y < 0.85 ? n : y < 0.95 ? Math.min(30, n + rng.int(1, 2)) : null;
    else c.childrenInHousehold = y < 0.75 ? 0 : y < 0.85 ? rng.int(1, 2) : null;
    const exposure = c.violenceTypes.includes('neglect') ? EXPOSURE_NEGLECT : EXPOSURE;
    for (const m of children) m.childExposure = exposure.draw(rng);
  }
}
