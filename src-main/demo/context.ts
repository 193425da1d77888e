import type { SqliteHandle } from '../db/connection.js';
import type { CaseRole, CaseStatus, Gender, IntakeSource, PersonNumberKind, ProtectionLevel, ViolenceType, WorkerRole } from '../domain/vocabulary.js';
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
}

export const DEMO_PROFILES: Readonly<Record<DemoSize, DemoProfile>> = Object.freeze({
  small: { persons: 60, cases: 25, extraWorkers: 3, years: 5 },
  // 50,000 cases over five years would be 10,000 a year, which does not fit
  // the four-digit case number (YYYY-NNNN); six years keeps every year under 9,999.
  large: { persons: 100_000, cases: 50_000, extraWorkers: 13, years: 6 },
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
}

export interface DemoCaseMember {
  personId: string;
  role: CaseRole;
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
}

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
  /** Rows written, per table. */
  readonly rowCounts: Record<string, number>;
  /** The random stream of a named step. */
  rng(stepName: string): Rng;
}

export interface DemoStep {
  readonly name: string;
  run(ctx: DemoContext): void;
}

export function createContext(sqlite: SqliteHandle, profile: DemoProfile, seed: number, now: Date, firstWorkerId: string): DemoContext {
  return {
    sqlite,
    profile,
    seed,
    now,
    firstWorkerId,
    workers: [],
    persons: [],
    cases: [],
    rowCounts: {},
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

/** Midnight UTC of a `YYYY-MM-DD`. */
export function dateMs(isoDay: string): number {
  return Date.UTC(Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)) - 1, Number(isoDay.slice(8, 10)));
}
