import { BulkInsert, DAY_MS, dateMs, isoDate, type DemoCase, type DemoContext, type DemoDecision, type DemoService, type DemoStep } from './context.js';
import { stampAfter } from './case-history.js';
import { firstNameFor, inventedSurname } from './names.js';
import { Weighted } from './prng.js';

/**
 * Decisions and services, as the decisions and services features write
 * them: a decision (granted, partly granted or refused, with its legal
 * ground as the decision states it and who took it) for a person in the
 * case, and services — usually resting on a granted decision of the same
 * person and type, sometimes given without one (an interpreter, a referral,
 * legal guidance) — with start and end dates inside the life of the case.
 * Service types are the codes in the vault's own `service_types` list.
 *
 * Cases that reached "ongoing services" get most of them; an investigation
 * sometimes ends in a decision too (often a refusal); now and then protected
 * housing is granted at intake, before any investigation.
 */

const VICTIM_CODES = ['support_talks', 'protected_housing', 'financial_aid', 'housing_help', 'therapeutic_talks', 'legal_guidance'] as const;
const VICTIM_TYPES = new Weighted<string>([
  ['support_talks', 34],
  ['protected_housing', 17],
  ['financial_aid', 13],
  ['housing_help', 12],
  ['therapeutic_talks', 10],
  ['legal_guidance', 4],
]);

/** Legal ground as written in the decision, by service type (texts from the Social Services Act, SoL, and the Administrative Procedure Act). */
const LEGAL_GROUNDS: Readonly<Record<string, Weighted<string>>> = {
  protected_housing: new Weighted([['4 kap. 1 § SoL', 80], ['4 kap. 1 § SoL, jfr 5 kap. 11 § SoL', 20]]),
  support_talks: new Weighted([['4 kap. 1 § SoL', 70], ['4 kap. 1 § SoL, jfr 5 kap. 11 § SoL', 20], ['4 kap. 2 § SoL', 10]]),
  therapeutic_talks: new Weighted([['4 kap. 1 § SoL', 85], ['4 kap. 2 § SoL', 15]]),
  children_talks: new Weighted([['4 kap. 1 § SoL', 55], ['4 kap. 1 § SoL, jfr 5 kap. 11 § tredje stycket SoL', 45]]),
  perpetrator_treatment: new Weighted([['4 kap. 1 § SoL', 75], ['4 kap. 2 § SoL', 25]]),
  financial_aid: new Weighted([['4 kap. 1 § SoL (försörjningsstöd)', 70], ['4 kap. 1 § SoL', 15], ['4 kap. 2 § SoL', 15]]),
  housing_help: new Weighted([['4 kap. 1 § SoL', 60], ['4 kap. 2 § SoL', 40]]),
  legal_guidance: new Weighted([['4 kap. 1 § SoL', 100]]),
  interpreter: new Weighted([['13 § förvaltningslagen (2017:900)', 100]]),
};
const DEFAULT_GROUND = new Weighted([['4 kap. 1 § SoL', 100]]);

const OUTCOME = new Weighted<DemoDecision['outcome']>([
  ['granted', 82],
  ['partly_granted', 9],
  ['refused', 9],
]);

/** How long a service usually runs, in days (min, max). */
const DURATION: Readonly<Record<string, readonly [number, number]>> = {
  protected_housing: [14, 180],
  support_talks: [30, 240],
  therapeutic_talks: [60, 300],
  children_talks: [60, 180],
  perpetrator_treatment: [90, 365],
  financial_aid: [30, 180],
  housing_help: [30, 200],
  legal_guidance: [1, 45],
  interpreter: [14, 300],
};

export const decisionsAndServicesStep: DemoStep = {
  name: 'decisions-services',
  run(ctx) {
    plan(ctx);
    write(ctx);
  },
};

/** The worker who had the case at a moment (ISO timestamps compare as text). */
export function assigneeAt(c: DemoCase, at: string): string {
  let w = c.assignments[0]!.workerId;
  for (const a of c.assignments) if (a.at <= at) w = a.workerId;
  return w;
}

function plan(ctx: DemoContext): void {
  const rng = ctx.rng('decisions-services');
  const active = new Set((ctx.sqlite.prepare('SELECT code FROM service_types WHERE active = 1').all() as { code: string }[]).map((r) => r.code));
  const usable = (code: string) => active.has(code);
  const victimCodes = VICTIM_CODES.filter(usable);
  const hasVictimTypes = victimCodes.length > 0;
  // A unit may have retired some of the default types: draw again, then fall back to any the unit still uses.
  const drawVictimType = () => {
    for (let i = 0; i < 20; i++) {
      const t = VICTIM_TYPES.draw(rng);
      if (usable(t)) return t;
    }
    return rng.pick(victimCodes);
  };

  // Who takes decisions: the unit's coordinators, a head of unit and a senior social worker (made-up names), now and then the committee.
  const coordinators = ctx.workers.filter((w) => w.role === 'samordnare').map((w) => `${w.name}, samordnare`);
  const head = `${firstNameFor(rng, 'kvinna')} ${inventedSurname(rng)}, enhetschef`;
  const senior = `${firstNameFor(rng, rng.chance(0.7) ? 'kvinna' : 'man')} ${inventedSurname(rng)}, 1:e socialsekreterare`;
  const decidedBy = (outcome: DemoDecision['outcome']) => {
    const x = rng.next();
    if (outcome === 'refused' && x < 0.2) return 'Individ- och familjeutskottet';
    if (x < 0.45 && coordinators.length > 0) return rng.pick(coordinators);
    return x < 0.75 ? senior : head;
  };

  const nowMs = ctx.now.getTime();
  const todayMs = dateMs(isoDate(nowMs));
  const persons = new Map(ctx.persons.map((p) => [p.id, p]));

  for (const [caseIndex, c] of ctx.cases.entries()) {
    const intakeMs = dateMs(c.intakeDate);
    const lastMs = c.closedAt ? dateMs(c.closedAt) : todayMs;
    const createdMs = Date.parse(c.createdAt);
    const ongoing = c.statusEvents.find((e) => e.to === 'ongoing');
    const investigated = c.statusEvents.some((e) => e.to === 'investigation');
    const children = c.members.filter((m) => m.role === 'child').map((m) => m.personId);
    const perpetrator = c.members.find((m) => m.role === 'perpetrator')?.personId;
    const clampDay = (ms: number) => Math.max(intakeMs, Math.min(ms, lastMs));

    const addDecision = (personId: string, serviceType: string, dayMs: number, outcome: DemoDecision['outcome']): DemoDecision => {
      const day = clampDay(dayMs);
      const at = stampAfter(rng, day, createdMs, nowMs, rng.chance(0.85) ? 0 : 1);
      const atIso = new Date(at).toISOString();
      const d: DemoDecision = {
        id: rng.uuid(),
        caseIndex,
        personId,
        serviceType,
        outcome,
        decisionDate: isoDate(day),
        legalGround: (LEGAL_GROUNDS[serviceType] ?? DEFAULT_GROUND).draw(rng),
        decidedBy: decidedBy(outcome),
        createdBy: assigneeAt(c, atIso),
        createdAt: atIso,
      };
      ctx.decisions.push(d);
      ctx.audit.push([d.createdAt, d.createdBy, 'decisions.create', 'decision', d.id, JSON.stringify({ caseId: c.id, personId })]);
      return d;
    };

    const addService = (personId: string, serviceType: string, startMs: number, decision: DemoDecision | null, oneOff = false): void => {
      const start = clampDay(startMs);
      const afterMs = decision ? Date.parse(decision.createdAt) : createdMs;
      const at = stampAfter(rng, start, afterMs, nowMs);
      const createdAt = new Date(at).toISOString();
      const [lo, hi] = DURATION[serviceType] ?? [7, 90];
      let end: number | null = oneOff ? start : start + rng.int(lo, hi) * DAY_MS;
      if (!oneOff) {
        if (c.closedAt) end = rng.chance(0.96) ? Math.min(end!, lastMs) : null;
        else if (end! >= todayMs || !rng.chance(0.8)) end = null;
      }
      const s: DemoService = {
        id: rng.uuid(),
        caseIndex,
        personId,
        serviceType,
        decisionId: decision?.id ?? null,
        startDate: isoDate(start),
        endDate: end === null ? null : isoDate(Math.max(start, end)),
        createdBy: assigneeAt(c, createdAt),
        createdAt,
        updatedAt: createdAt,
      };
      ctx.audit.push([createdAt, s.createdBy, 'services.create', 'service', s.id, JSON.stringify({ caseId: c.id, personId })]);
      // A referral is given once and recorded with the same start and end; other services are ended later (services.end).
      if (s.endDate !== null && !oneOff) {
        const endAt = new Date(stampAfter(rng, dateMs(s.endDate), at, nowMs)).toISOString();
        s.updatedAt = endAt;
        ctx.audit.push([endAt, assigneeAt(c, endAt), 'services.end', 'service', s.id, JSON.stringify({ caseId: c.id, changedEnd: false })]);
      }
      ctx.services.push(s);
    };

    const decideAndServe = (personId: string, type: string, dayMs: number, outcome: DemoDecision['outcome']) => {
      const d = addDecision(personId, type, dayMs, outcome);
      if (outcome !== 'refused') addService(personId, type, dateMs(d.decisionDate) + (rng.chance(0.6) ? 0 : rng.int(1, 7)) * DAY_MS, d);
    };

    if (ongoing && hasVictimTypes) {
      const ongoingMs = dateMs(ongoing.date);
      const n = 1 + (rng.chance(0.45) ? 1 : 0) + (rng.chance(0.15) ? 1 : 0);
      const used = new Set<string>();
      for (let i = 0; i < n; i++) {
        const type = drawVictimType();
        if (used.has(type)) continue;
        used.add(type);
        // The first decision opens the services: granted, a few days before or on the day; later ones follow as needs show.
        const day = i === 0 ? ongoingMs - rng.int(0, 5) * DAY_MS : ongoingMs + rng.int(0, 60) * DAY_MS;
        decideAndServe(c.mainPersonId, type, day, i === 0 ? (rng.chance(0.9) ? 'granted' : 'partly_granted') : OUTCOME.draw(rng));
      }
      if (usable('children_talks')) {
        for (const child of children) if (rng.chance(0.45)) decideAndServe(child, 'children_talks', ongoingMs + rng.int(0, 45) * DAY_MS, OUTCOME.draw(rng));
      }
      if (perpetrator && usable('perpetrator_treatment') && rng.chance(0.15)) {
        decideAndServe(perpetrator, 'perpetrator_treatment', ongoingMs + rng.int(0, 60) * DAY_MS, rng.chance(0.8) ? 'granted' : 'refused');
      }
    } else if (investigated && hasVictimTypes && rng.chance(0.2)) {
      const inv = dateMs(c.statusEvents.find((e) => e.to === 'investigation')!.date);
      const x = rng.next();
      decideAndServe(c.mainPersonId, drawVictimType(), inv + rng.int(7, 90) * DAY_MS, x < 0.5 ? 'refused' : x < 0.9 ? 'granted' : 'partly_granted');
    } else if (!investigated && usable('protected_housing') && rng.chance(0.06)) {
      // Emergency protected housing at intake.
      decideAndServe(c.mainPersonId, 'protected_housing', intakeMs + rng.int(0, 2) * DAY_MS, 'granted');
    }

    // Services without a decision of their own.
    if (c.status !== 'intake' || rng.chance(0.3)) {
      const firstMs = c.firstContactDate ? dateMs(c.firstContactDate) : intakeMs;
      if (usable('interpreter')) {
        for (const m of c.members) {
          if (persons.get(m.personId)?.interpreterNeeded && m.role !== 'child' && rng.chance(0.75)) addService(m.personId, 'interpreter', firstMs, null);
        }
      }
      const span = Math.max(0, Math.round((lastMs - intakeMs) / DAY_MS));
      const someDay = () => intakeMs + rng.int(0, Math.min(span, 90)) * DAY_MS;
      if (usable('legal_guidance') && rng.chance(0.1)) addService(c.mainPersonId, 'legal_guidance', someDay(), null);
      if (usable('referral_womens_shelter') && rng.chance(0.12)) addService(c.mainPersonId, 'referral_womens_shelter', someDay(), null, true);
      if (usable('referral_health_care') && rng.chance(0.12)) addService(c.mainPersonId, 'referral_health_care', someDay(), null, true);
      if (usable('support_talks') && !ongoing && rng.chance(0.08)) addService(c.mainPersonId, 'support_talks', someDay(), null);
    }
  }
}

function write(ctx: DemoContext): void {
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const decisions = new BulkInsert(ctx, 'decisions', ['id', 'case_id', 'person_id', 'service_type', 'outcome', 'decision_date', 'legal_ground', 'decided_by', 'created_by', 'created_at'], 80);
  for (const d of [...ctx.decisions].sort(byId)) {
    decisions.add(d.id, ctx.cases[d.caseIndex]!.id, d.personId, d.serviceType, d.outcome, d.decisionDate, d.legalGround, d.decidedBy, d.createdBy, d.createdAt);
  }
  decisions.finish();
  const services = new BulkInsert(ctx, 'services', ['id', 'case_id', 'person_id', 'service_type', 'decision_id', 'start_date', 'end_date', 'created_by', 'created_at', 'updated_at'], 80);
  for (const s of [...ctx.services].sort(byId)) {
    services.add(s.id, ctx.cases[s.caseIndex]!.id, s.personId, s.serviceType, s.decisionId, s.startDate, s.endDate, s.createdBy, s.createdAt, s.updatedAt);
  }
  services.finish();
}
