import { BulkInsert, DAY_MS, dateMs, isoDate, isoTimestamp, type DemoContext, type DemoStep } from './context.js';
import { assigneeAt } from './decisions-services.js';
import { Weighted, type Rng } from './prng.js';
import { foldForSearch } from '../domain/search-text.js';

/**
 * Shelters and placements, as the shelters and placements features write
 * them. A register of shelters (municipal, women's and girls' shelters,
 * private) with a price per day that rises at each new year; about one case
 * in five leads to a placement of the victim, started within days of the
 * intake, with some of the case's children along, each with its own
 * decision and schooling. Most stays are short (days to two months), some
 * long; those still running have a planned end and a follow-up date. For the
 * large store that is about 10,000 placements, the figure DOMAIN.md plans for.
 */

const PLACEMENT_SHARE = 0.2;

const TREES = ['Linden', 'Eken', 'Björken', 'Lönnen', 'Aspen', 'Rönnen', 'Granen', 'Tallen', 'Almen', 'Hasseln', 'Sälgen', 'Enen', 'Boken', 'Lärken', 'Pilen', 'Kastanjen', 'Hägget', 'Syrenen', 'Fläderen', 'Vidjan'];
const KINDS = new Weighted<readonly [operator: string, prefix: string]>([
  [['womens_shelter', 'Kvinnojouren'], 45],
  [['girls_shelter', 'Tjejjouren'], 10],
  [['municipal', 'Skyddade boendet'], 20],
  [['private', 'Stödboendet'], 25],
]);

const STAY_DAYS = new Weighted<readonly [number, number]>([
  [[1, 14], 30],
  [[15, 60], 45],
  [[61, 180], 25],
]);
const END_REASON = new Weighted<string>([['goal_met', 40], ['moved_on', 25], ['left_on_own', 15], ['moved_shelter', 8], ['asked_to_leave', 5], ['other', 7]]);
const DESTINATION = new Weighted<string>([['own_home', 25], ['sublet', 20], ['other_housing', 20], ['back_to_perpetrator', 12], ['other_municipality', 10], ['unknown', 13]]);
const CONSENT = new Weighted<string>([['other_custodian_consented', 35], ['sole_custody', 35], ['without_consent', 30]]);
const SCHOOL_AGE = new Weighted<string>([['own_school', 30], ['new_school', 30], ['school_at_shelter', 10], ['distance', 10], ['none_arranged', 10], ['unknown', 10]]);
const PRESCHOOL_AGE = new Weighted<string>([['own_preschool', 35], ['new_preschool', 30], ['none_arranged', 20], ['unknown', 15]]);

interface DemoShelter {
  id: string;
  name: string;
}

export const sheltersAndPlacementsStep: DemoStep = {
  name: 'shelters-placements',
  run(ctx) {
    const rng = ctx.rng('shelters-placements');
    const shelters = writeShelters(ctx, rng);
    writePlacements(ctx, rng, shelters);
  },
};

function writeShelters(ctx: DemoContext, rng: Rng): DemoShelter[] {
  const count = Math.max(5, Math.round(ctx.profile.cases / 1250));
  const firstYear = ctx.now.getUTCFullYear() - ctx.profile.years;
  const created = isoTimestamp(Date.UTC(firstYear, 0, 2, 9));
  const shelters = new BulkInsert(ctx, 'shelters', ['id', 'name', 'name_key', 'operator_type', 'permit_number', 'permit_valid_from', 'permit_valid_to', 'capacity', 'contact_phone', 'street_address', 'postal_code', 'city', 'wheelchair_accessible', 'pets_allowed', 'boys_max_age', 'created_by', 'created_at', 'updated_at']);
  const prices = new BulkInsert(ctx, 'shelter_price_periods', ['id', 'shelter_id', 'valid_from', 'adult_ore', 'child_ore', 'created_by', 'created_at']);
  const out: DemoShelter[] = [];
  for (let i = 0; i < count; i++) {
    const [operator, prefix] = KINDS.draw(rng);
    const name = `${prefix} ${TREES[i % TREES.length]}${i >= TREES.length ? ` ${Math.floor(i / TREES.length) + 1}` : ''}`;
    const id = rng.uuid();
    shelters.add(
      id, name, foldForSearch(name), operator, `IVO 3.5.1-${rng.int(1000, 9999)}/${firstYear}`, `${firstYear}-01-01`, `${firstYear + 10}-12-31`, rng.int(4, 14),
      `010-${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}`, `Påhittade vägen ${rng.int(1, 90)}`, `${rng.int(100, 989)} ${rng.int(10, 99)}`, 'Exempelby',
      rng.chance(0.4) ? 1 : 0, rng.chance(0.2) ? 1 : 0, rng.chance(0.6) ? rng.int(12, 16) : null, ctx.firstWorkerId, created, created,
    );
    let adult = rng.int(90, 180) * 1000;
    const childShare = rng.int(40, 60);
    for (let y = firstYear; y <= ctx.now.getUTCFullYear(); y++) {
      prices.add(rng.uuid(), id, `${y}-01-01`, adult, Math.round((adult * childShare) / 100 / 100) * 100, ctx.firstWorkerId, created);
      adult = Math.round((adult * rng.int(102, 106)) / 100 / 100) * 100;
    }
    ctx.audit.push([created, ctx.firstWorkerId, 'shelters.create', 'shelter', id, null]);
    out.push({ id, name });
  }
  shelters.finish();
  prices.finish();
  return out;
}

function writePlacements(ctx: DemoContext, rng: Rng, shelters: readonly DemoShelter[]): void {
  const today = dateMs(isoDate(ctx.now.getTime()));
  const birth = new Map(ctx.persons.map((p) => [p.id, dateMs(p.birthDate)]));
  /** The last departure day of each person placed so far: stays never overlap. */
  const busyUntil = new Map<string, number>();
  const placements = new BulkInsert(ctx, 'placements', [
    'id', 'case_id', 'person_id', 'shelter_id', 'decision_date', 'decision_ref', 'start_date', 'planned_end_date', 'end_date', 'follow_up_date',
    'adult_price_override_ore', 'child_price_override_ore', 'price_override_reason', 'end_reason', 'destination', 'created_by', 'created_at', 'updated_at',
  ]);
  const children = new BulkInsert(ctx, 'placement_children', ['id', 'placement_id', 'person_id', 'start_date', 'end_date', 'decision_ref', 'consent', 'consent_ground', 'schooling', 'schooling_note']);
  let n = 0;
  for (const c of ctx.cases) {
    if (!rng.chance(PLACEMENT_SHARE)) continue;
    const start = dateMs(c.intakeDate) + rng.int(0, 6) * DAY_MS;
    if (start > today) continue;
    const victim = c.mainPersonId;
    if ((busyUntil.get(victim) ?? -Infinity) > start) continue;
    const [lo, hi] = STAY_DAYS.draw(rng);
    const endMs = start + rng.int(lo, hi) * DAY_MS;
    const ended = endMs <= today;
    const id = rng.uuid();
    const createdAt = isoTimestamp(start + rng.int(8, 17) * 3_600_000);
    const worker = assigneeAt(c, createdAt);
    const override = rng.chance(0.05) ? rng.int(80, 200) * 1000 : null;
    n++;
    placements.add(
      id, c.id, victim, rng.pick(shelters).id, isoDate(start + (rng.chance(0.3) ? rng.int(0, 3) : 0) * DAY_MS), `IFO ${isoDate(start).slice(0, 4)}-${String(n).padStart(5, '0')}`,
      isoDate(start), isoDate(start + rng.int(30, 90) * DAY_MS), ended ? isoDate(endMs) : null, ended ? null : isoDate(Math.max(start + 14 * DAY_MS, today + rng.int(-3, 14) * DAY_MS)),
      override, override === null ? null : Math.round(override / 2), override === null ? null : 'Avtalat pris enligt ramavtal', ended ? END_REASON.draw(rng) : null, ended ? DESTINATION.draw(rng) : null,
      worker, createdAt, createdAt,
    );
    busyUntil.set(victim, ended ? endMs : Infinity);
    ctx.audit.push([createdAt, worker, 'placements.create', 'placement', id, JSON.stringify({ caseId: c.id, personId: victim })]);
    for (const m of c.members) {
      if (m.role !== 'child' || !rng.chance(0.6) || (busyUntil.get(m.personId) ?? -Infinity) > start) continue;
      const age = (start - (birth.get(m.personId) ?? start)) / (365.25 * DAY_MS);
      const consent = CONSENT.draw(rng);
      children.add(
        rng.uuid(), id, m.personId, isoDate(start), null, `IFO ${isoDate(start).slice(0, 4)}-${String(n).padStart(5, '0')}-B`, consent,
        consent === 'without_consent' ? '6 kap. 13 a § föräldrabalken' : null, age < 1 ? 'not_school_age' : age < 6 ? PRESCHOOL_AGE.draw(rng) : SCHOOL_AGE.draw(rng), null,
      );
      busyUntil.set(m.personId, ended ? endMs : Infinity);
    }
    if (ended) {
      const endAt = isoTimestamp(endMs + 10 * 3_600_000);
      ctx.audit.push([endAt, assigneeAt(c, endAt), 'placements.end', 'placement', id, JSON.stringify({ caseId: c.id })]);
    }
  }
  placements.finish();
  children.finish();
}
