import type { CaseStatus } from '../domain/vocabulary.js';
import { isAddressProtected } from '../domain/vocabulary.js';
import { stampAfter } from './case-history.js';
import { BulkInsert, DAY_MS, dateMs, isoDate, isoDay, isoTimestamp, type DemoCase, type DemoContext, type DemoDecision, type DemoStep } from './context.js';
import { composeTexts, KIND_CODE, KIND_CODES, type ComposeJob } from './journal-compose.js';
import { kindFits, TAGS, type NoteCase, type NoteChild, type NoteFacts, type NoteKind } from './journal-text.js';
import { uuidFromWords, Weighted, type Rng } from './prng.js';

/**
 * Journal entries, as the journal feature writes them: dated notes by the
 * worker who had the case (now and then a colleague covering), most signed
 * soon after they were written (`signed_at` and `signed_by` together), the
 * newest ones often still drafts, and now and then a correction — a new
 * entry in the same case referring to an earlier signed one, which itself
 * stays unchanged.
 *
 * Every case has an intake note on its intake date; a decision gets a note
 * on its date; a closed case ends with a closing note. The other notes
 * spread over the life of the case, thicker around its status changes, and
 * their kind follows the phase the case was in (calls, meetings, safety,
 * children, school, police, housing, money, interpreters…). The total is
 * exactly cases × `journalPerCase`; long, eventful cases get more.
 *
 * Rows go in in the order they were written (created_at), as they would
 * have over the years, so "newest first" (highest rowid) means the same as
 * in a real vault. The full-text index is filled by FTS5's 'rebuild' once
 * the rows are in, with the schema's insert trigger set aside meanwhile and
 * put back from its own stored SQL: the same index the trigger builds row
 * by row (a test compares the two, term by term). Each note's text comes
 * from its own random stream, so it is made only when its row is written —
 * in a worker thread when there are many.
 *
 * Not generated: the journal's own audit events (journal.create, .sign,
 * .correct — about a million at the large size); they would double the
 * access log and add seconds to the build for no view that needs them.
 */

const CORRECTION_SHARE = 0.016;

const PHASE_KINDS: Readonly<Record<Exclude<CaseStatus, 'closed'>, Weighted<NoteKind>>> = {
  intake: new Weighted<NoteKind>([
    ['phone', 24], ['no_answer', 8], ['message', 5], ['meeting', 14], ['safety', 14], ['collab', 4], ['police', 8],
    ['housing', 5], ['interpreter', 4], ['school', 4], ['preschool', 2], ['assessment', 8], ['economy', 3], ['home_visit', 3],
  ]),
  investigation: new Weighted<NoteKind>([
    ['phone', 18], ['no_answer', 6], ['message', 4], ['meeting', 15], ['home_visit', 7], ['child_talk', 9], ['school', 7], ['preschool', 4], ['collab', 7],
    ['police', 7], ['safety', 7], ['assessment', 9], ['perpetrator', 4], ['economy', 4], ['housing', 4], ['interpreter', 3],
  ]),
  ongoing: new Weighted<NoteKind>([
    ['phone', 18], ['no_answer', 6], ['message', 5], ['meeting', 12], ['followup', 18], ['housing', 7], ['economy', 7], ['school', 4], ['preschool', 2],
    ['police', 5], ['safety', 5], ['collab', 5], ['child_talk', 3], ['interpreter', 3], ['home_visit', 3],
  ]),
};

/** Schools and preschools (made-up names) for the children in the notes. */
const SCHOOL_STEMS = ['Björkhaga', 'Ekbacka', 'Solberga', 'Lindholm', 'Ängsdal', 'Rönnskog', 'Kvarnbacka', 'Tallbacken', 'Hasselgård', 'Sjövik', 'Påhitt', 'Exempel', 'Låtsas', 'Mallby', 'Sagoby', 'Skissinge', 'Kulissby', 'Attrappby'];
const PRESCHOOLS = ['Förskolan Myran', 'Förskolan Regnbågen', 'Förskolan Humlan', 'Förskolan Solstrålen', 'Förskolan Trollskogen', 'Förskolan Lärkan', 'Förskolan Blåsippan', 'Förskolan Nyckelpigan', 'Förskolan Ekorren', 'Förskolan Snigeln'];

/** A decision note's facts: the outcome, legal ground, the service's label and who applied (when not the victim). */
interface DecisionFacts {
  outcome: DemoDecision['outcome'];
  legalGround: string;
  label: string;
  applicant?: string;
}

/**
 * The planned entries, one array per column (500,000 small objects and their
 * id strings would mostly keep the garbage collector busy). Entry i's id is
 * made from four random words when its row is written.
 */
export class JournalPlan {
  n = 0;
  readonly caseIndex: Int32Array;
  /** Seed of the note's own random stream. */
  readonly seed: Uint32Array;
  readonly idWords: Uint32Array;
  readonly kind: Uint8Array;
  readonly day: Float64Array;
  readonly created: Float64Array;
  readonly updated: Float64Array;
  /** 0 for a draft. */
  readonly signed: Float64Array;
  /** Indexes into ctx.workers; signer -1 for a draft. */
  readonly author: Int16Array;
  readonly signer: Int16Array;
  /** The corrected entry, or -1. */
  readonly corrects: Int32Array;
  /** Index into `decisions`, or -1. */
  readonly decision: Int32Array;
  readonly decisions: DecisionFacts[] = [];

  constructor(readonly capacity: number) {
    this.caseIndex = new Int32Array(capacity);
    this.seed = new Uint32Array(capacity);
    this.idWords = new Uint32Array(capacity * 4);
    this.kind = new Uint8Array(capacity);
    this.day = new Float64Array(capacity);
    this.created = new Float64Array(capacity);
    this.updated = new Float64Array(capacity);
    this.signed = new Float64Array(capacity);
    this.author = new Int16Array(capacity);
    this.signer = new Int16Array(capacity);
    this.corrects = new Int32Array(capacity);
    this.decision = new Int32Array(capacity);
  }

  id(i: number): string {
    const w = this.idWords;
    return uuidFromWords(w[4 * i]!, w[4 * i + 1]!, w[4 * i + 2]!, w[4 * i + 3]!);
  }

  /** Entry positions in the order they were written (created_at, then id). */
  writeOrder(): Uint32Array {
    const order = new Uint32Array(this.n);
    for (let i = 0; i < this.n; i++) order[i] = i;
    const ids = new Map<number, string>();
    const idOf = (i: number) => {
      let id = ids.get(i);
      if (id === undefined) ids.set(i, (id = this.id(i)));
      return id;
    };
    return order.sort((a, b) => this.created[a]! - this.created[b]! || (a === b ? 0 : idOf(a) < idOf(b) ? -1 : 1));
  }
}

export const journalStep: DemoStep = {
  name: 'journal',
  run(ctx) {
    const t0 = performance.now();
    const { plan, notes } = planJournal(ctx);
    ctx.timings['journal: plan'] = performance.now() - t0;
    writeJournal(ctx, plan, notes);
  },
};

function noteCases(ctx: DemoContext, rng: Rng): NoteCase[] {
  const persons = new Map(ctx.persons.map((p) => [p.id, p]));
  const labels = new Map((ctx.sqlite.prepare('SELECT code, label FROM service_types').all() as { code: string; label: string }[]).map((r) => [r.code, r.label]));
  const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  const servicesByCase = new Map<number, string[]>();
  for (const s of ctx.services) {
    // The services the notes follow up are those granted by a decision (not an interpreter or a referral).
    if (s.decisionId === null) continue;
    const label = labels.get(s.serviceType);
    if (!label) continue;
    const list = servicesByCase.get(s.caseIndex) ?? [];
    if (!list.includes(lower(label))) list.push(lower(label));
    servicesByCase.set(s.caseIndex, list);
  }
  const housing = new Set(ctx.services.filter((s) => s.serviceType === 'protected_housing').map((s) => s.caseIndex));
  const colleagues = ctx.workers.filter((w) => w.active).map((w) => w.name.split(' ')[0]!);
  const schools = new Map<string, string>();
  const schoolFor = (id: string, age: number) => {
    let s = schools.get(id);
    if (!s) {
      s = age < 6 ? rng.pick(PRESCHOOLS) : age >= 16 ? `${rng.pick(SCHOOL_STEMS)}gymnasiet` : `${rng.pick(SCHOOL_STEMS)}skolan`;
      schools.set(id, s);
    }
    return s;
  };

  return ctx.cases.map((c, i) => {
    const victim = persons.get(c.mainPersonId)!;
    const perpMember = c.members.find((m) => m.role === 'perpetrator');
    const perp = perpMember ? persons.get(perpMember.personId) : undefined;
    const intakeYear = Number(c.intakeDate.slice(0, 4));
    const children: NoteChild[] = c.members
      .filter((m) => m.role === 'child')
      .map((m) => persons.get(m.personId)!)
      .map((p) => {
        const age = Math.max(0, intakeYear - Number(p.birthDate.slice(0, 4)));
        return { first: p.firstName, gender: p.gender, age, school: schoolFor(p.id, age) };
      });
    const interpreter = c.members.map((m) => persons.get(m.personId)!).find((p) => p.interpreterNeeded && p.language);
    let mask = 0;
    if (children.length > 0) mask |= TAGS.b;
    if (children.some((k) => k.age >= 6)) mask |= TAGS.s;
    if (children.some((k) => k.age < 6)) mask |= TAGS.f;
    if (children.some((k) => k.age >= 4)) mask |= TAGS.o;
    if (perp) mask |= TAGS.P;
    if (interpreter) mask |= TAGS.t;
    if (housing.has(i)) mask |= TAGS.h;
    if (isAddressProtected(victim.protectionLevel)) mask |= TAGS.k;
    if (c.relation === 'ex_partner') mask |= TAGS.x;
    if (c.relation === 'partner') mask |= TAGS.c;
    if (c.violenceTypes.includes('economic')) mask |= TAGS.e;
    if (c.violenceTypes.includes('digital')) mask |= TAGS.d;
    if (c.violenceTypes.includes('honour_related')) mask |= TAGS.r;
    if (c.violenceTypes.includes('physical')) mask |= TAGS.y;
    if (c.violenceTypes.includes('sexual')) mask |= TAGS.q;
    if ((servicesByCase.get(i) ?? []).length > 0) mask |= TAGS.u;
    if (victim.gender === 'kvinna') mask |= TAGS.w;
    return {
      victim: { first: victim.firstName.split(' ')[0]!, gender: victim.gender },
      perpetrator: perp ? { first: perp.firstName.split(' ')[0]!, gender: perp.gender } : null,
      relation: c.relation,
      children,
      interpreterLanguage: interpreter?.language ?? null,
      violence: c.violenceTypes,
      source: c.intakeSource,
      city: victim.city ?? 'Påhittköping',
      services: servicesByCase.get(i) ?? [],
      colleagues: colleagues.filter((n) => n !== victim.firstName),
      mask,
    };
  });
}

/** Entries per case: one intake note each, the rest shared out by how long and eventful the case was (largest remainder, so the total is exact). */
function entryCounts(ctx: DemoContext, rng: Rng, total: number, todayMs: number): number[] {
  const n = ctx.cases.length;
  const weights = ctx.cases.map((c) => {
    const last = c.closedAt ? dateMs(c.closedAt) : todayMs;
    const days = Math.max(0, (last - dateMs(c.intakeDate)) / DAY_MS);
    return (1 + 0.6 * (c.statusEvents.length - 1)) * (1 + Math.sqrt(days) / 4) * (0.6 + 0.8 * rng.next());
  });
  const sum = weights.reduce((a, b) => a + b, 0);
  const rest = Math.max(0, total - n);
  const counts = new Array<number>(n);
  const frac: [number, number][] = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    const q = (rest * weights[i]!) / sum;
    counts[i] = 1 + Math.floor(q);
    given += Math.floor(q);
    frac.push([q - Math.floor(q), i]);
  }
  frac.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < rest - given; k++) counts[frac[k]![1]]! += 1;
  return counts;
}

function phaseAt(c: DemoCase, dayMs: number): Exclude<CaseStatus, 'closed'> {
  let phase: CaseStatus = 'intake';
  for (const e of c.statusEvents) if (dateMs(e.date) <= dayMs && e.to !== 'closed') phase = e.to;
  return phase as Exclude<CaseStatus, 'closed'>;
}

export function planJournal(ctx: DemoContext): { plan: JournalPlan; notes: NoteCase[] } {
  const rng = ctx.rng('journal');
  const nowMs = ctx.now.getTime();
  const todayMs = dateMs(isoDate(nowMs));
  const notes = noteCases(ctx, rng.fork('note-cases'));
  const total = Math.round(ctx.cases.length * ctx.profile.journalPerCase);
  const counts = entryCounts(ctx, rng, total, todayMs);
  const decisionsByCase = new Map<number, DemoDecision[]>();
  for (const d of ctx.decisions) {
    const list = decisionsByCase.get(d.caseIndex);
    if (list) list.push(d);
    else decisionsByCase.set(d.caseIndex, [d]);
  }
  const workerIndex = new Map(ctx.workers.map((w, i) => [w.id, i]));
  const active = ctx.workers.map((w, i) => (w.active ? i : -1)).filter((i) => i >= 0);
  const coordinators = active.filter((i) => ctx.workers[i]!.role === 'samordnare');
  const labels = new Map((ctx.sqlite.prepare('SELECT code, label FROM service_types').all() as { code: string; label: string }[]).map((r) => [r.code, r.label.charAt(0).toLowerCase() + r.label.slice(1)]));
  const persons = new Map(ctx.persons.map((p) => [p.id, p]));
  const plan = new JournalPlan(counts.reduce((a, b) => a + b, 0));

  for (const [caseIndex, c] of ctx.cases.entries()) {
    const nc = notes[caseIndex]!;
    const intakeMs = dateMs(c.intakeDate);
    const lastMs = c.closedAt ? dateMs(c.closedAt) : todayMs;
    const caseCreatedMs = Date.parse(c.createdAt);
    const spanDays = Math.round((lastMs - intakeMs) / DAY_MS);
    let n = counts[caseIndex]!;
    const first = plan.n;
    const assignedMs = c.assignments.map((a) => Date.parse(a.at));
    const assignedWorker = c.assignments.map((a) => workerIndex.get(a.workerId)!);
    const assignee = (ms: number) => {
      let w = assignedWorker[0]!;
      for (let k = 0; k < assignedMs.length; k++) if (assignedMs[k]! <= ms) w = assignedWorker[k]!;
      return w;
    };

    /** Plans one entry; -1 when it cannot be written before "now". */
    const entry = (kind: NoteKind, dayMs: number, afterMs: number, decision = -1, lag = rng.chance(0.75) ? 0 : rng.int(1, 3)): number => {
      const createdMs = stampAfter(rng, dayMs, afterMs, nowMs, lag);
      if (createdMs >= nowMs) return -1;
      const i = plan.n++;
      const author = rng.chance(0.9) || active.length < 2 ? assignee(createdMs) : rng.pick(active);
      plan.caseIndex[i] = caseIndex;
      for (let k = 0; k < 4; k++) plan.idWords[4 * i + k] = rng.u32();
      plan.seed[i] = rng.u32();
      plan.kind[i] = KIND_CODE[kind];
      plan.day[i] = dayMs;
      plan.created[i] = createdMs;
      plan.updated[i] = createdMs;
      plan.author[i] = author;
      plan.corrects[i] = -1;
      plan.decision[i] = decision;
      // Signed in the same sitting, later that day, or a few days on; the newest are often still drafts.
      const r = rng.next();
      const delay = r < 0.6 ? rng.int(1, 40) * 60_000 : r < 0.85 ? rng.int(1, 6) * 3600_000 : rng.int(1, 5) * DAY_MS;
      const signedMs = createdMs + delay + rng.int(0, 59_999);
      const recent = nowMs - createdMs < 10 * DAY_MS;
      const draft = signedMs >= nowMs - 1000 || (recent && rng.chance(0.35)) || (!c.closedAt && rng.chance(0.01)) || rng.chance(0.003);
      if (draft) {
        plan.signed[i] = 0;
        plan.signer[i] = -1;
        if (rng.chance(0.3)) plan.updated[i] = Math.min(nowMs - 1000, createdMs + rng.int(5, 600) * 60_000);
      } else {
        plan.signed[i] = signedMs;
        plan.updated[i] = signedMs;
        plan.signer[i] = coordinators.length > 0 && rng.chance(0.04) ? rng.pick(coordinators) : author;
      }
      return i;
    };

    // The intake note, written when the case was opened.
    entry('intake', intakeMs, caseCreatedMs, -1, 0);
    n--;
    let closingDay = 0;
    if (c.closedAt && n > 0) {
      closingDay = lastMs;
      n--;
    }
    for (const d of decisionsByCase.get(caseIndex) ?? []) {
      if (n <= 0) break;
      const perpetrator = c.members.some((m) => m.role === 'perpetrator' && m.personId === d.personId);
      const facts: DecisionFacts = { outcome: d.outcome, legalGround: d.legalGround, label: labels.get(d.serviceType) ?? d.serviceType };
      if (perpetrator) facts.applicant = persons.get(d.personId)!.firstName.split(' ')[0]!;
      plan.decisions.push(facts);
      entry('decision', dateMs(d.decisionDate), caseCreatedMs, plan.decisions.length - 1, 0);
      n--;
    }
    // The rest: near a status change or anywhere in the life of the case.
    let corrections = 0;
    const anchors = c.statusEvents.map((e) => dateMs(e.date));
    for (let i = 0; i < n; i++) {
      if (rng.chance(CORRECTION_SHARE)) {
        corrections++;
        continue;
      }
      let day: number;
      if (spanDays === 0) day = intakeMs;
      else if (rng.chance(0.5)) day = Math.min(lastMs, rng.pick(anchors) + Math.floor(-Math.log(1 - rng.next()) * 4) * DAY_MS);
      else day = intakeMs + rng.int(0, spanDays) * DAY_MS;
      let kind: NoteKind = 'phone';
      const table = PHASE_KINDS[phaseAt(c, day)];
      for (let t = 0; t < 6; t++) {
        const k = table.draw(rng);
        if (kindFits(k, nc)) {
          kind = k;
          break;
        }
      }
      entry(kind, day, caseCreatedMs);
    }
    if (closingDay) entry('closing', closingDay, caseCreatedMs, -1, 0);

    // Corrections: each refers to an earlier signed entry of the case and is written after that was signed.
    for (let k = 0; k < corrections; k++) {
      const signed: number[] = [];
      for (let i = first; i < plan.n; i++) if (plan.signed[i]! > 0 && plan.corrects[i] === -1) signed.push(i);
      let fix = -1;
      if (signed.length > 0) {
        const target = rng.pick(signed);
        const signedMs = plan.signed[target]!;
        const signedDay = dateMs(isoDate(signedMs));
        const day = Math.min(Math.max(plan.day[target]!, signedDay) + rng.int(0, 7) * DAY_MS, Math.max(lastMs, signedDay));
        fix = entry('correction', Math.min(day, todayMs), signedMs + rng.int(10, 600) * 60_000, -1, 0);
        if (fix >= 0) plan.corrects[fix] = target;
      }
      // No signed entry to correct (yet): an ordinary note instead, so the count holds.
      if (fix < 0) entry(PHASE_KINDS[phaseAt(c, lastMs)].draw(rng), lastMs, caseCreatedMs);
    }
  }
  return { plan, notes };
}

/**
 * The schema's triggers that copy a new entry into the full-text index
 * (found in sqlite_schema, so they are exactly what the migration made).
 */
function ftsInsertTriggers(ctx: DemoContext): { name: string; sql: string }[] {
  const all = ctx.sqlite.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'journal_entries'`).all() as { name: string; sql: string }[];
  return all.filter((t) => /\bAFTER\s+INSERT\s+ON\b/i.test(t.sql) && /\b(journal_fts|journal_terms_new)\b/.test(t.sql));
}

function writeJournal(ctx: DemoContext, plan: JournalPlan, notes: NoteCase[]): void {
  // Bulk load: with the insert trigger set aside, FTS5 then indexes every entry in one 'rebuild' — the
  // same index the trigger would have built row by row, in a fraction of the time. The trigger is put
  // back from its own stored SQL. (Inside the step's transaction: if anything fails, all of it rolls back.)
  const triggers = ctx.fts === 'rebuild' ? ftsInsertTriggers(ctx) : [];
  if (ctx.fts === 'rebuild') {
    const rows = ctx.sqlite.prepare('SELECT count(*) AS n FROM journal_entries').get() as { n: number };
    if (rows.n > 0) throw new Error('the journal step expects an empty journal_entries table');
    if (triggers.length === 0) throw new Error('no full-text insert trigger on journal_entries: the schema has changed');
    for (const t of triggers) ctx.sqlite.exec(`DROP TRIGGER "${t.name.replace(/"/g, '""')}"`);
  }
  const t0 = performance.now();
  writeEntries(ctx, plan, notes);
  ctx.timings['journal: write'] = performance.now() - t0;
  if (ctx.fts === 'rebuild') {
    const t1 = performance.now();
    // FTS5 gathers terms in memory and writes a segment each time that passes its 'hashsize' (1 MiB
    // by default), merging segments level by level as it goes. The rebuild keeps that default, so the
    // index has the shape of one that grew entry by entry (and of migration 0030's rebuild): segments
    // on several levels, each about four times the one above. A larger hash built faster (few, huge
    // segments on the top level), but then the first large write in the app — an import of two
    // thousand notes — met a merge that rewrote the whole index (half a gigabyte, seven seconds), a
    // cost a real vault never meets and that made the benchmark measure the demo, not the app.
    ctx.sqlite.exec(`INSERT INTO journal_fts (journal_fts) VALUES ('rebuild')`);
    ctx.timings['journal: full-text index'] = performance.now() - t1;
    for (const t of triggers) ctx.sqlite.exec(t.sql);
  }
  // The search's word list (journal/terms.ts): after a rebuild from the new index's words, else from the words the trigger kept.
  const t2 = performance.now();
  if (ctx.fts === 'rebuild') {
    ctx.sqlite.exec(`CREATE VIRTUAL TABLE temp.demo_journal_vocab USING fts5vocab(main, journal_fts, row)`);
    ctx.sqlite.exec(`INSERT OR IGNORE INTO journal_terms (term) SELECT term FROM temp.demo_journal_vocab`);
    ctx.sqlite.exec(`DROP TABLE temp.demo_journal_vocab`);
  } else {
    ctx.sqlite.exec(`INSERT OR IGNORE INTO journal_terms (term) SELECT term FROM journal_terms_new_vocab`);
    ctx.sqlite.exec(`INSERT INTO journal_terms_new (journal_terms_new) VALUES ('delete-all')`);
  }
  ctx.timings['journal: word list'] = performance.now() - t2;
}

/** What the composer needs, in row order, packed (it may go to a worker thread). */
function composeJob(ctx: DemoContext, plan: JournalPlan, order: Uint32Array, notes: NoteCase[]): ComposeJob {
  const n = order.length;
  const job: ComposeJob = { notes, seeds: new Uint32Array(n), caseIndexes: new Int32Array(n), kinds: new Uint8Array(n), days: new Float64Array(n), extra: new Map() };
  for (let r = 0; r < n; r++) {
    const i = order[r]!;
    job.seeds[r] = plan.seed[i]!;
    job.caseIndexes[r] = plan.caseIndex[i]!;
    job.kinds[r] = plan.kind[i]!;
    job.days[r] = plan.day[i]!;
    const kind = KIND_CODES[plan.kind[i]!];
    if (plan.decision[i]! >= 0 || plan.corrects[i]! >= 0 || kind === 'closing') {
      const facts: NoteFacts = { dayMs: plan.day[i]! };
      if (plan.decision[i]! >= 0) {
        const d = plan.decisions[plan.decision[i]!]!;
        facts.serviceLabel = d.label;
        facts.legalGround = d.legalGround;
        facts.outcome = d.outcome;
        if (d.applicant) facts.applicant = d.applicant;
      }
      if (plan.corrects[i]! >= 0) facts.correctsDate = isoDate(plan.day[plan.corrects[i]!]!);
      if (kind === 'closing') facts.closingReason = ctx.cases[plan.caseIndex[i]!]!.closingReason;
      job.extra.set(r, facts);
    }
  }
  return job;
}

function writeEntries(ctx: DemoContext, plan: JournalPlan, notes: NoteCase[]): void {
  // In the order they were written: the rowid (and "newest first") follows time, as in a vault used for years.
  const order = plan.writeOrder();
  // The ids are drawn at random, like the app's, then handed out in writing order: the unique
  // index on id then fills by appending instead of at random places (about 2 s of 500,000 inserts).
  const ids: string[] = new Array<string>(order.length);
  const drawn = Array.from(order, (i) => plan.id(i)).sort();
  for (let r = 0; r < order.length; r++) ids[order[r]!] = drawn[r]!;
  const insert = new BulkInsert(ctx, 'journal_entries', ['id', 'case_id', 'entry_date', 'author_id', 'text', 'status', 'signed_at', 'signed_by', 'corrects_entry_id', 'created_at', 'updated_at'], 100);
  const iso = isoTimestamp;
  const workers = ctx.workers.map((w) => w.id);
  const texts = composeTexts(composeJob(ctx, plan, order, notes), ctx.composeInWorker)[Symbol.iterator]();
  try {
    for (let r = 0; r < order.length; r++) {
      const i = order[r]!;
      const next = texts.next();
      if (next.done) throw new Error('fewer journal texts than entries');
      const signed = plan.signed[i]! > 0;
      const corrects = plan.corrects[i]!;
      insert.add(
        ids[i]!,
        ctx.cases[plan.caseIndex[i]!]!.id,
        isoDay(plan.day[i]!),
        workers[plan.author[i]!]!,
        next.value,
        signed ? 'signed' : 'draft',
        signed ? iso(plan.signed[i]!) : null,
        signed ? workers[plan.signer[i]!]! : null,
        corrects >= 0 ? ids[corrects]! : null,
        iso(plan.created[i]!),
        iso(plan.updated[i]!),
      );
    }
  } finally {
    // Stops a worker still writing (after an error here).
    texts.return?.();
  }
  insert.finish();
}
