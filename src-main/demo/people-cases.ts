import { namePairs, nameTokens } from '../features/persons/queries.js';
import { VIOLENCE_TYPES, type CaseRole, type CaseStatus, type Gender, type IntakeSource, type PersonNumberKind, type ProtectionLevel, type ViolenceType } from '../domain/vocabulary.js';
import { BulkInsert, DAY_MS, dateMs, isoDate, type DemoCase, type DemoContext, type DemoPerson, type DemoStep, type DemoWorker } from './context.js';
import { birthFromTime, TestNumberPool } from './identity.js';
import { firstNameFor, inventedSurname } from './names.js';
import { Weighted, type Rng } from './prng.js';
import { planCaseHistory } from './case-history.js';
import { planContactDetails } from './contact.js';

/**
 * Persons and cases, filled exactly as the services fill them: `persons`
 * with its `person_search` tokens (from the same `nameTokens`), `cases`
 * numbered `YYYY-NNNN` per intake year, `case_violence_types`,
 * `case_persons` (victim, perpetrator, children, others), and the
 * `persons.create` / `cases.create` audit events the services append.
 *
 * A case's people are made as the case comes in: a new victim (sometimes one
 * with an earlier case), often a perpetrator (sometimes the same one as
 * before, now and then one with several victims), and children. Persons left
 * over to reach the profile's count join cases as "other" close persons.
 */

const INTAKE_SOURCE_WEIGHTS = new Weighted<IntakeSource>([
  ['report_police', 30],
  ['own_application', 18],
  ['report_health_care', 10],
  ['report_other_authority', 9],
  ['report_school', 8],
  ['screening_other_agency', 7],
  ['report_public', 5],
  ['womens_shelter', 5],
  ['islandsmodellen', 4],
  ['transfer_municipality', 4],
]);

/** Share of cases with each violence type (a case has one or more). */
const VIOLENCE_SHARE: Readonly<Record<ViolenceType, number>> = {
  physical: 0.6,
  psychological: 0.85,
  sexual: 0.15,
  economic: 0.2,
  material: 0.12,
  latent: 0.1,
  neglect: 0.05,
  honour_related: 0.06,
  digital: 0.18,
};

const NUMBER_KIND_ADULT = new Weighted<PersonNumberKind>([
  ['personnummer', 86],
  ['samordningsnummer', 5],
  ['reservnummer', 4],
  ['none', 5],
]);
const NUMBER_KIND_CHILD = new Weighted<PersonNumberKind>([
  ['personnummer', 93],
  ['samordningsnummer', 2],
  ['reservnummer', 2],
  ['none', 3],
]);

const PROTECTION_VICTIM = new Weighted<ProtectionLevel>([
  ['none', 91.5],
  ['sekretessmarkering', 5],
  ['skyddad_folkbokforing', 3],
  ['fingerade', 0.5],
]);
const PROTECTION_OTHER = new Weighted<ProtectionLevel>([
  ['none', 98.5],
  ['sekretessmarkering', 1.5],
]);

const VICTIM_GENDER = new Weighted<Gender>([
  ['kvinna', 80],
  ['man', 17],
  ['annat', 2],
  ['okant', 1],
]);
const CHILD_GENDER = new Weighted<Gender>([
  ['kvinna', 49],
  ['man', 49],
  ['okant', 2],
]);
const CHILD_COUNT = new Weighted<number>([
  [0, 70],
  [1, 18],
  [2, 9],
  [3, 3],
]);

/** Status by how long ago the case came in. */
function statusFor(rng: Rng, ageDays: number): CaseStatus {
  const x = rng.next();
  if (ageDays < 30) return x < 0.5 ? 'intake' : x < 0.9 ? 'investigation' : 'ongoing';
  if (ageDays < 120) return x < 0.05 ? 'intake' : x < 0.4 ? 'investigation' : x < 0.85 ? 'ongoing' : 'closed';
  if (ageDays < 365) return x < 0.05 ? 'investigation' : x < 0.4 ? 'ongoing' : 'closed';
  return x < 0.05 ? 'ongoing' : 'closed';
}

function violenceTypes(rng: Rng, hasChildren: boolean): ViolenceType[] {
  const out: ViolenceType[] = [];
  for (const t of VIOLENCE_TYPES) {
    const p = t === 'neglect' && hasChildren ? 0.15 : VIOLENCE_SHARE[t];
    if (rng.chance(p)) out.push(t);
  }
  if (out.length === 0) out.push('psychological');
  return out;
}

/** Intake days (ms, midnight UTC) over the profile's years, more in recent years (about +6 % a year), fewer at weekends. */
function intakeDays(rng: Rng, count: number, years: number, today: number): number[] {
  const span = Math.floor(years * 365.25);
  const k = Math.log(1.06) / 365.25;
  const scale = Math.expm1(k * span);
  const days: number[] = [];
  while (days.length < count) {
    const t = Math.floor(Math.log1p(rng.next() * scale) / k);
    const ms = today - (span - t) * DAY_MS;
    if (ms > today) continue;
    const wd = new Date(ms).getUTCDay();
    if ((wd === 0 || wd === 6) && rng.chance(0.6)) continue;
    days.push(ms);
  }
  return days.sort((a, b) => a - b);
}

function timeOfDay(rng: Rng, dayMs: number, plusDays: number, nowMs: number): string {
  const ms = dayMs + plusDays * DAY_MS + rng.int(7 * 60 + 30, 16 * 60 + 30) * 60_000 + rng.int(0, 59_999);
  return new Date(Math.max(dayMs, Math.min(ms, nowMs - rng.int(60, 3600) * 1000))).toISOString();
}

interface VictimHistory {
  victimId: string;
  gender: Gender;
  bornMs: number;
  protection: ProtectionLevel;
  perpetratorId: string | null;
  children: { id: string; bornMs: number }[];
}

export const peopleAndCasesStep: DemoStep = {
  name: 'people-and-cases',
  run(ctx) {
    const t0 = performance.now();
    planPeopleAndCases(ctx);
    // Each pass below draws from a stream of its own.
    planCaseHistory(ctx);
    planContactDetails(ctx);
    const t1 = performance.now();
    ctx.timings['people-and-cases: plan'] = t1 - t0;
    writePeopleAndCases(ctx);
    ctx.timings['people-and-cases: write'] = performance.now() - t1;
  },
};

function planPeopleAndCases(ctx: DemoContext): void {
  const rng = ctx.rng('people-and-cases');
  const numbers = new TestNumberPool(rng.fork('numbers'));
  const nowMs = ctx.now.getTime();
  const todayMs = dateMs(isoDate(nowMs));
  const target = ctx.profile.persons;
  const activeWorkers = ctx.workers.filter((w) => w.active);
  const formerWorkers = ctx.workers.filter((w) => !w.active);
  let reserveSeq = 0;

  const newPerson = (gender: Gender, bornMs: number, child: boolean, protection: ProtectionLevel, createdAt: string, createdBy: string): DemoPerson => {
    const kind = (child ? NUMBER_KIND_CHILD : NUMBER_KIND_ADULT).draw(rng);
    let birth = birthFromTime(bornMs);
    let personalNumber: string | null = null;
    let birthYear: number | null = birth.year;
    if (kind === 'personnummer' || kind === 'samordningsnummer') {
      const taken = numbers.take(birth, kind === 'samordningsnummer');
      personalNumber = taken.canonical;
      birth = taken.birth;
      birthYear = birth.year;
    } else if (kind === 'reservnummer') {
      reserveSeq++;
      // Stored as resolveIdentity stores a reservnummer: 'R:' and the trimmed text.
      personalNumber = `R:DEMO-${birth.year}-${String(reserveSeq).padStart(5, '0')}`;
      birthYear = null;
    } else if (rng.chance(0.2)) {
      birthYear = null; // age not known
    }
    const p: DemoPerson = {
      id: rng.uuid(),
      firstName: firstNameFor(rng, gender),
      lastName: inventedSurname(rng),
      gender,
      numberKind: kind,
      personalNumber,
      birthYear,
      birthDate: `${birth.year}-${String(birth.month).padStart(2, '0')}-${String(birth.day).padStart(2, '0')}`,
      protectionLevel: protection,
      createdAt,
      createdBy,
      streetAddress: null,
      postalCode: null,
      city: null,
      phone: null,
      email: null,
      language: null,
      interpreterNeeded: false,
    };
    ctx.persons.push(p);
    return p;
  };

  const adultBorn = (intakeMs: number, medianAge: number): number => {
    const age = Math.max(18, Math.min(85, medianAge + Math.round((rng.next() + rng.next() + rng.next() - 1.5) * 24)));
    return intakeMs - age * 365.25 * DAY_MS - rng.int(0, 364) * DAY_MS;
  };

  const history: VictimHistory[] = [];
  const perpetrators: string[] = [];
  const perCaseYear = new Map<number, number>();

  const days = intakeDays(rng, ctx.profile.cases, ctx.profile.years, todayMs);
  for (let caseIndex = 0; caseIndex < days.length; caseIndex++) {
    const dayMs = days[caseIndex]!;
    const intakeDate = isoDate(dayMs);
    const ageDays = Math.round((todayMs - dayMs) / DAY_MS);
    // Old cases sometimes belong to a colleague who has left since.
    const worker: DemoWorker = formerWorkers.length > 0 && ageDays > 700 && rng.chance(0.15) ? rng.pick(formerWorkers) : rng.pick(activeWorkers);
    const createdAt = timeOfDay(rng, dayMs, rng.chance(0.7) ? 0 : rng.int(1, 3), nowMs);
    // Keep about one new person per later case in reserve for its victim, so the
    // newest cases do not all go to people known from before.
    const reserve = Math.ceil((days.length - caseIndex - 1) * 0.9);
    const room = () => ctx.persons.length + reserve < target;
    const members: { personId: string; role: CaseRole }[] = [];

    // The victim: usually new, about one case in ten is someone known from before.
    let entry: VictimHistory;
    if (history.length > 0 && (rng.chance(0.1) || ctx.persons.length >= target)) {
      entry = rng.pick(history);
    } else {
      const gender = VICTIM_GENDER.draw(rng);
      const protection = PROTECTION_VICTIM.draw(rng);
      const bornMs = adultBorn(dayMs, 35);
      const victim = newPerson(gender, bornMs, false, protection, createdAt, worker.id);
      entry = { victimId: victim.id, gender, bornMs, protection, perpetratorId: null, children: [] };
      history.push(entry);
    }
    members.push({ personId: entry.victimId, role: 'victim' });

    // The perpetrator, when known.
    if (rng.chance(0.75)) {
      let perpetratorId: string | null = null;
      if (entry.perpetratorId && rng.chance(0.6)) perpetratorId = entry.perpetratorId;
      else if (perpetrators.length > 0 && (rng.chance(0.08) || !room())) perpetratorId = rng.pick(perpetrators);
      else if (room()) {
        const gender: Gender = entry.gender === 'man' ? (rng.chance(0.6) ? 'kvinna' : 'man') : rng.chance(0.9) ? 'man' : rng.chance(0.9) ? 'kvinna' : 'annat';
        const p = newPerson(gender, adultBorn(dayMs, 38), false, PROTECTION_OTHER.draw(rng), createdAt, worker.id);
        perpetratorId = p.id;
        perpetrators.push(p.id);
      }
      if (perpetratorId && perpetratorId !== entry.victimId) {
        entry.perpetratorId = perpetratorId;
        members.push({ personId: perpetratorId, role: 'perpetrator' });
      }
    }

    // Children: those known from an earlier case who are still under 18, and new ones.
    for (const c of entry.children) {
      if (dayMs - c.bornMs < 18 * 365.25 * DAY_MS) members.push({ personId: c.id, role: 'child' });
    }
    if (entry.children.length === 0) {
      const n = CHILD_COUNT.draw(rng);
      for (let i = 0; i < n && room(); i++) {
        // At least 30 days old, under 18, and at least 16 years younger than the parent.
        const oldest = Math.min(17 * 365, Math.floor((dayMs - entry.bornMs) / DAY_MS) - 16 * 365);
        if (oldest < 30) break;
        const bornMs = dayMs - rng.int(30, oldest) * DAY_MS;
        const protection = entry.protection !== 'none' && rng.chance(0.9) ? entry.protection : 'none';
        const child = newPerson(CHILD_GENDER.draw(rng), bornMs, true, protection, createdAt, worker.id);
        entry.children.push({ id: child.id, bornMs });
        members.push({ personId: child.id, role: 'child' });
      }
    }

    // Now and then another close person: a new partner, a grandparent, an adult sibling.
    if (rng.chance(0.03) && room()) {
      const other = newPerson(rng.chance(0.55) ? 'kvinna' : 'man', adultBorn(dayMs, 45), false, PROTECTION_OTHER.draw(rng), createdAt, worker.id);
      members.push({ personId: other.id, role: 'other' });
    }

    const year = Number(intakeDate.slice(0, 4));
    const seq = (perCaseYear.get(year) ?? 0) + 1;
    if (seq > 9999) throw new Error(`more than 9,999 demo cases in ${year}: the case number has four digits`);
    perCaseYear.set(year, seq);
    const status = statusFor(rng, ageDays);
    let closedAt: string | null = null;
    if (status === 'closed') closedAt = isoDate(Math.min(todayMs, dayMs + rng.int(20, Math.max(21, Math.min(400, ageDays))) * DAY_MS));
    // Closing is the last change; it happened in the afternoon, and not after "now".
    const closedStamp = closedAt ? `${closedAt}T15:00:00.000Z` : null;
    const updatedAt = closedStamp && closedStamp > createdAt && closedStamp <= ctx.now.toISOString() ? closedStamp : createdAt;
    const c: DemoCase = {
      id: rng.uuid(),
      caseNumber: `${year}-${String(seq).padStart(4, '0')}`,
      mainPersonId: entry.victimId,
      intakeDate,
      intakeSource: INTAKE_SOURCE_WEIGHTS.draw(rng),
      status,
      assignedWorkerId: worker.id,
      closedAt,
      createdAt,
      createdBy: worker.id,
      updatedAt,
      violenceTypes: violenceTypes(rng, members.some((m) => m.role === 'child')),
      members,
      // Filled by planCaseHistory (its own random stream).
      relation: null,
      firstContactDate: null,
      childrenInHousehold: null,
      closingReason: null,
      statusEvents: [],
      assignments: [],
    };
    ctx.cases.push(c);
  }

  // Every protection level shows up at least once, also in the small vault, so the views' markers can be tried.
  for (const level of ['sekretessmarkering', 'skyddad_folkbokforing', 'fingerade'] as const) {
    if (ctx.persons.some((p) => p.protectionLevel === level) || history.length === 0) continue;
    const victim = history[rng.int(0, history.length - 1)]!;
    victim.protection = level;
    for (const id of [victim.victimId, ...victim.children.map((c) => c.id)]) {
      const person = ctx.persons.find((p) => p.id === id);
      if (person) person.protectionLevel = level;
    }
  }

  // Fill up to the profile's count with other close persons (a new partner, a grandparent…).
  while (ctx.persons.length < target && ctx.cases.length > 0) {
    const c = rng.pick(ctx.cases);
    // Added while the case was open: a closed case takes no one in.
    const openDays = c.closedAt ? Math.round((dateMs(c.closedAt) - dateMs(c.intakeDate)) / DAY_MS) - 1 : 30;
    const createdAt = timeOfDay(rng, dateMs(c.intakeDate), rng.int(1, Math.max(1, Math.min(30, openDays))), nowMs);
    const p = newPerson(rng.chance(0.55) ? 'kvinna' : 'man', adultBorn(dateMs(c.intakeDate), 45), false, PROTECTION_OTHER.draw(rng), createdAt < c.createdAt ? c.createdAt : createdAt, c.assignedWorkerId);
    c.members.push({ personId: p.id, role: 'other', addedAt: p.createdAt });
  }
}

function writePeopleAndCases(ctx: DemoContext): void {
  // Rows go in in primary-key order: the B-trees fill by appending instead of splitting at random.
  const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  const persons = new BulkInsert(ctx, 'persons', ['id', 'first_name', 'last_name', 'number_kind', 'personal_number', 'birth_year', 'gender', 'protection_level', 'created_at', 'created_by', 'updated_at', 'street_address', 'postal_code', 'city', 'phone', 'email', 'language', 'interpreter_needed'], 50);
  const tokens: string[] = [];
  const pairs: string[] = [];
  for (const p of [...ctx.persons].sort(byId)) {
    persons.add(p.id, p.firstName, p.lastName, p.numberKind, p.personalNumber, p.birthYear, p.gender, p.protectionLevel, p.createdAt, p.createdBy, p.createdAt, p.streetAddress, p.postalCode, p.city, p.phone, p.email, p.language, p.interpreterNeeded ? 1 : 0);
    const own = nameTokens(p.firstName, p.lastName);
    for (const t of own) tokens.push(`${t}\u0000${p.id}`);
    for (const pair of namePairs(own)) pairs.push(`${pair}\u0000${p.id}`);
  }
  persons.finish();

  // Key-ordered, like the rows above: "key\0person id" sorts by key, then person.
  for (const [table, column, keyed] of [['person_search', 'token', tokens], ['person_name_pairs', 'pair', pairs]] as const) {
    const rows = new BulkInsert(ctx, table, [column, 'person_id'], 200);
    for (const t of keyed.sort()) {
      const i = t.indexOf('\u0000');
      rows.add(t.slice(0, i), t.slice(i + 1));
    }
    rows.finish();
  }

  const sortedCases = [...ctx.cases].sort(byId);
  const cases = new BulkInsert(ctx, 'cases', ['id', 'case_number', 'main_person_id', 'intake_date', 'intake_source', 'status', 'assigned_worker_id', 'closed_at', 'created_at', 'created_by', 'updated_at', 'relation', 'first_contact_date', 'children_in_household', 'closing_reason'], 60);
  for (const c of sortedCases) {
    cases.add(c.id, c.caseNumber, c.mainPersonId, c.intakeDate, c.intakeSource, c.status, c.assignedWorkerId, c.closedAt, c.createdAt, c.createdBy, c.updatedAt, c.relation, c.firstContactDate, c.childrenInHousehold, c.closingReason);
  }
  cases.finish();
  // Only now: the rows below reference cases that must already be written.
  const types = new BulkInsert(ctx, 'case_violence_types', ['case_id', 'violence_type', 'intake_date'], 200);
  const members = new BulkInsert(ctx, 'case_persons', ['case_id', 'person_id', 'role', 'child_exposure'], 200);
  for (const c of sortedCases) {
    for (const t of [...c.violenceTypes].sort()) types.add(c.id, t, c.intakeDate);
    const seen = new Set<string>();
    for (const m of [...c.members].sort((a, b) => (a.personId < b.personId ? -1 : 1))) {
      const key = `${m.personId}:${m.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      members.add(c.id, m.personId, m.role, m.role === 'child' ? (m.childExposure ?? null) : null);
    }
  }
  types.finish();
  members.finish();

  // Status and assignment history: ids (AUTOINCREMENT) in the order the events happened, as the services append them.
  const statusRows: [string, DemoCase, number][] = [];
  const assignmentRows: [string, DemoCase, number][] = [];
  for (const c of ctx.cases) {
    c.statusEvents.forEach((e, i) => statusRows.push([e.at, c, i]));
    c.assignments.forEach((a, i) => assignmentRows.push([a.at, c, i]));
  }
  const byAt = (a: [string, DemoCase, number], b: [string, DemoCase, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[2] - b[2]);
  statusRows.sort(byAt);
  assignmentRows.sort(byAt);
  const status = new BulkInsert(ctx, 'case_status_events', ['case_id', 'from_status', 'to_status', 'event_date', 'worker_id', 'at'], 150);
  for (const [, c, i] of statusRows) {
    const e = c.statusEvents[i]!;
    status.add(c.id, e.from, e.to, e.date, e.workerId, e.at);
  }
  status.finish();
  const assignments = new BulkInsert(ctx, 'case_assignments', ['case_id', 'worker_id', 'assigned_by', 'at'], 200);
  for (const [, c, i] of assignmentRows) {
    const a = c.assignments[i]!;
    assignments.add(c.id, a.workerId, a.assignedBy, a.at);
  }
  assignments.finish();

  // The write events the services would have logged; the audit step writes them in time order.
  const audit = ctx.audit;
  for (const p of ctx.persons) audit.push([p.createdAt, p.createdBy, 'persons.create', 'person', p.id, null]);
  for (const c of ctx.cases) {
    const atIntake = c.members.filter((m) => m.addedAt === undefined).length;
    audit.push([c.createdAt, c.createdBy, 'cases.create', 'case', c.id, JSON.stringify({ people: atIntake })]);
    for (const [i, e] of c.statusEvents.entries()) {
      if (i > 0) audit.push([e.at, e.workerId, 'cases.set_status', 'case', c.id, JSON.stringify({ from: e.from, to: e.to })]);
    }
    for (const [i, a] of c.assignments.entries()) {
      if (i > 0) audit.push([a.at, a.assignedBy, 'cases.reassign', 'case', c.id, JSON.stringify({ from: c.assignments[i - 1]!.workerId, to: a.workerId })]);
    }
  }
  for (const c of ctx.cases) {
    for (const m of c.members) {
      if (m.addedAt !== undefined) audit.push([m.addedAt, c.createdBy, 'cases.add_person', 'case', c.id, JSON.stringify({ person: m.personId, role: m.role })]);
    }
  }
}
