import type { SqliteHandle } from '../db/connection.js';
import type { CaseRole, CaseStatus, ChildExposure, ClosingReason, Gender, IntakeSource, PersonNumberKind, ProtectionLevel, Relation, ViolenceType, WorkerRole } from '../domain/vocabulary.js';
import { hashString, Rng } from './prng.js';

/**
 * What the demo generator's steps share. A step (workers, people and cases,
 * settings, and later journal entries, placements, plans…) reads what the
 * earlier steps made from the context, writes its own rows with raw prepared
 * statements, and adds what later steps need back to the context.
 *
 * To add a feature's demo records: write `src-main/demo/<feature>.ts`
 * exporting a `DemoStep`, and append it to `DEMO_STEPS` in `generate.ts`.
 * Each step draws from its own random stream (`ctx.rng(step.name)`), so a new
 * step never changes the data the existing steps produce for a seed.
 */

export type DemoSize = 'small' | 'large';

export interface DemoProfile {
  persons: number;
  cases: number;
  /** Workers besides the first one (the samordnare who set the vault up). */
  extraWorkers: number;
  /** Intake dates are spread over this many years before today. */
  years: number;
  /** Journal entries per case on average (the total is exactly cases × this, rounded). */
  journalPerCase: number;
}

export const DEMO_PROFILES: Readonly<Record<DemoSize, DemoProfile>> = Object.freeze({
  small: { persons: 60, cases: 25, extraWorkers: 3, years: 5, journalPerCase: 8 },
  // 50,000 cases over five years would be 10,000 a year, which does not fit
  // the four-digit case number (YYYY-NNNN); six years keeps every year under 9,999.
  large: { persons: 100_000, cases: 50_000, extraWorkers: 13, years: 6, journalPerCase: 10 },
});

export interface DemoWorker {
  id: string;
  name: string;
  role: WorkerRole;
  active: boolean;
  createdAt: string;
}

export interface DemoPerson {
  id: string;
  firstName: string;
  lastName: string;
  gender: Gender;
  numberKind: PersonNumberKind;
  personalNumber: string | null;
  birthYear: number | null;
  /** The (real, not fictitious-looking) birth date the generator used, `YYYY-MM-DD`; not stored for every person. */
  birthDate: string;
  protectionLevel: ProtectionLevel;
  createdAt: string;
  createdBy: string;
  /** Contact details and language (filled by the contact pass; null where not recorded). */
  streetAddress: string | null;
  postalCode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  language: string | null;
  interpreterNeeded: boolean;
}

export interface DemoCaseMember {
  personId: string;
  role: CaseRole;
  /** Only for children: how the child was exposed (null: not recorded). */
  childExposure?: ChildExposure | null;
  /** Set when the person joined after the intake (cases.addPerson), as an ISO timestamp. */
  addedAt?: string;
}

/** One row of `case_status_events`. */
export interface DemoStatusEvent {
  from: CaseStatus | null;
  to: CaseStatus;
  /** The date the worker gave, `YYYY-MM-DD`. */
  date: string;
  workerId: string;
  /** When it was recorded (ISO timestamp). */
  at: string;
}

/** One row of `case_assignments`. */
export interface DemoAssignment {
  workerId: string;
  assignedBy: string;
  at: string;
}

export interface DemoCase {
  id: string;
  caseNumber: string;
  mainPersonId: string;
  intakeDate: string;
  intakeSource: IntakeSource;
  status: CaseStatus;
  assignedWorkerId: string;
  closedAt: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  violenceTypes: ViolenceType[];
  members: DemoCaseMember[];
  relation: Relation | null;
  firstContactDate: string | null;
  childrenInHousehold: number | null;
  closingReason: ClosingReason | null;
  /** The status path in order, the intake event first; the last one's `to` is `status`. */
  statusEvents: DemoStatusEvent[];
  /** The first assignment (at intake) and any reassignments, in order; the last one's worker is `assignedWorkerId`. */
  assignments: DemoAssignment[];
}

/** A decision as written to `decisions`. */
export interface DemoDecision {
  id: string;
  caseIndex: number;
  personId: string;
  serviceType: string;
  outcome: 'granted' | 'partly_granted' | 'refused';
  decisionDate: string;
  legalGround: string;
  decidedBy: string;
  createdBy: string;
  createdAt: string;
}

/** A service as written to `services`. */
export interface DemoService {
  id: string;
  caseIndex: number;
  personId: string;
  serviceType: string;
  decisionId: string | null;
  startDate: string;
  endDate: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** An audit event as the services append it: [at, workerId, action, entityType, entityId, detail JSON]. */
export type DemoAuditEvent = [at: string, workerId: string, action: string, entityType: string, entityId: string | null, detail: string | null];

export interface DemoContext {
  readonly sqlite: SqliteHandle;
  readonly profile: DemoProfile;
  readonly seed: number;
  /** The reference "now": every generated date lies before it. */
  readonly now: Date;
  readonly firstWorkerId: string;
  readonly workers: DemoWorker[];
  readonly persons: DemoPerson[];
  readonly cases: DemoCase[];
  readonly decisions: DemoDecision[];
  readonly services: DemoService[];
  /**
   * The write events the services would have logged. Steps add to it; the
   * audit step writes them all at the end, in time order (as they would
   * have been appended).
   */
  readonly audit: DemoAuditEvent[];
  /** Rows written, per table. */
  readonly rowCounts: Record<string, number>;
  /** Time (ms) of parts of steps, reported with the steps' own times. */
  readonly timings: Record<string, number>;
  /** How the journal step fills the full-text index (see FillOptions.fts). */
  readonly fts: 'rebuild' | 'triggers';
  /** Whether the journal's texts are written in a worker thread (undefined: when there are many). */
  readonly composeInWorker?: boolean;
  /** The random stream of a named step. */
  rng(stepName: string): Rng;
}

export interface DemoStep {
  readonly name: string;
  run(ctx: DemoContext): void;
}

export function createContext(sqlite: SqliteHandle, profile: DemoProfile, seed: number, now: Date, firstWorkerId: string, fts: 'rebuild' | 'triggers' = 'rebuild', composeInWorker?: boolean): DemoContext {
  return {
    sqlite,
    fts,
    composeInWorker,
    profile,
    seed,
    now,
    firstWorkerId,
    workers: [],
    persons: [],
    cases: [],
    decisions: [],
    services: [],
    audit: [],
    rowCounts: {},
    timings: {},
    rng: (stepName: string) => new Rng((seed ^ hashString(stepName)) >>> 0),
  };
}

/**
 * Inserts many rows fast: one prepared multi-row INSERT run per batch of
 * rows (far fewer calls into the driver than one per row). Values are passed
 * flat, one row's columns after another.
 */
export class BulkInsert {
  readonly #sqlite: SqliteHandle;
  readonly #sqlHead: string;
  readonly #rowSql: string;
  readonly #columns: number;
  readonly #batchRows: number;
  readonly #batch: ReturnType<SqliteHandle['prepare']>;
  #buffer: unknown[] = [];
  #count = 0;

  constructor(
    private readonly ctx: DemoContext,
    private readonly table: string,
    columns: readonly string[],
    batchRows = 100,
  ) {
    this.#sqlite = ctx.sqlite;
    this.#columns = columns.length;
    this.#batchRows = batchRows;
    this.#rowSql = `(${columns.map(() => '?').join(',')})`;
    this.#sqlHead = `INSERT INTO ${table} (${columns.join(',')}) VALUES `;
    this.#batch = this.#sqlite.prepare(this.#sqlHead + Array(batchRows).fill(this.#rowSql).join(','));
  }

  add(...values: unknown[]): void {
    if (values.length !== this.#columns) throw new Error(`${this.table}: ${values.length} values for ${this.#columns} columns`);
    for (const v of values) this.#buffer.push(v);
    if (this.#buffer.length === this.#columns * this.#batchRows) {
      this.#batch.run(this.#buffer);
      this.#count += this.#batchRows;
      this.#buffer = [];
    }
  }

  /** Writes what is left; returns the number of rows written. */
  finish(): number {
    const rows = this.#buffer.length / this.#columns;
    if (rows > 0) {
      this.#sqlite.prepare(this.#sqlHead + Array(rows).fill(this.#rowSql).join(',')).run(this.#buffer);
      this.#count += rows;
      this.#buffer = [];
    }
    this.ctx.rowCounts[this.table] = (this.ctx.rowCounts[this.table] ?? 0) + this.#count;
    const n = this.#count;
    this.#count = 0;
    return n;
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of a UTC time. */
export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

export const DAY_MS = 86_400_000;

const dayCache = new Map<number, string>();

/** `isoDate` of a day's midnight, cached (the journal writes a few thousand distinct days half a million times). */
export function isoDay(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let s = dayCache.get(day);
  if (s === undefined) {
    s = isoDate(day * DAY_MS);
    dayCache.set(day, s);
  }
  return s;
}

/**
 * `Date#toISOString()` for many timestamps, faster: the date part is made
 * once per day and the time of day from integers. Same output for any time
 * from 1970 on.
 */
export function isoTimestamp(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const prefix = `${isoDay(day * DAY_MS)}T`;
  let r = ms - day * DAY_MS;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const m = Math.floor(r / 60_000);
  r -= m * 60_000;
  const s = Math.floor(r / 1000);
  const milli = r - s * 1000;
  return `${prefix}${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}:${s < 10 ? '0' : ''}${s}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

/** Midnight UTC of a `YYYY-MM-DD`. */
export function dateMs(isoDay: string): number {
  return Date.UTC(Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)) - 1, Number(isoDay.slice(8, 10)));
}
