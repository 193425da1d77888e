/**
 * Small-cell suppression for statistics that leave the unit (pure, no I/O).
 *
 * A table is a grid of counts with optional row totals, column totals and a
 * grand total. Primary suppression hides every count from 1 to threshold − 1
 * (shown as "<5"). Secondary suppression then hides further counts until no
 * hidden count can be pinned down from what is shown — not from row or column
 * totals, not from the bounds the marks themselves give away ("<5" means
 * 1…4, a secondary mark means ≥ threshold), and not from another table in the
 * same export that shows the same figure (a shared key, e.g. the number of
 * new cases in the period shown as the total of several breakdowns).
 *
 * Why it holds (the model): each table's counts, totals and grand total are
 * the edges of a bipartite graph between its row nodes (plus a total row) and
 * its column nodes (plus a total column); every shown sum is one node's
 * equation. The values an outsider cannot tell apart from the true ones are
 * exactly the true ones plus moves that add and subtract the same amount
 * around a cycle of hidden edges. So a hidden count is protected when some
 * cycle through it can move by one in either direction with every hidden
 * edge staying inside the bounds its mark reveals. A cycle may pass through
 * one figure shared with other tables only if each of those tables can move
 * that figure the same way on a cycle of its own. Every hidden count gets such
 * a cycle before the export is allowed; `alternativeFor` returns the other
 * table it proves possible, so tests check the proof independently.
 */

/** The threshold never goes below this, whatever the setting says. */
export const MIN_SUPPRESSION_THRESHOLD = 3;
export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** The threshold in force for a setting: whole number, at least 3; anything unreadable gives the default. */
export function effectiveThreshold(setting: number | null | undefined): number {
  if (typeof setting !== 'number' || !Number.isFinite(setting)) return DEFAULT_SUPPRESSION_THRESHOLD;
  return Math.max(MIN_SUPPRESSION_THRESHOLD, Math.floor(setting));
}

/** Where a value sits in a table: a count, a row total, a column total, or the grand total. */
export type CellRef = { kind: 'cell'; row: number; col: number } | { kind: 'rowTotal'; row: number } | { kind: 'colTotal'; col: number } | { kind: 'grand' };

export interface CountTable {
  /** Stable id within the export, e.g. `new_cases_by_source`. */
  id: string;
  /** counts[row][col]; whole numbers ≥ 0, every row as long as the first. */
  counts: number[][];
  showRowTotals: boolean;
  showColTotals: boolean;
  showGrandTotal: boolean;
  /**
   * Values that other tables in the same export also show (key → where it is
   * in this table). Every table sharing a key must hold the same value there.
   */
  shared?: Readonly<Record<string, CellRef>>;
}

/** How a value leaves: shown, hidden as small (`primary`, "<5"), hidden to protect another (`secondary`), or not part of the table (`absent`, a total not shown). */
export type Mark = { kind: 'shown'; value: number } | { kind: 'primary' } | { kind: 'secondary' } | { kind: 'absent' };

export interface SuppressedTable {
  id: string;
  cells: Mark[][];
  rowTotals: Mark[];
  colTotals: Mark[];
  grand: Mark;
}

export interface SuppressionResult {
  threshold: number;
  tables: SuppressedTable[];
  /** Tables that could not be protected by hiding cells and are left out whole (never expected; kept for safety). */
  withheld: string[];
}

// ---------------------------------------------------------------------------
// Internal model: one edge per value.

interface Edge {
  ref: CellRef;
  /** Row node (0…m, m = the total row) and column node (0…n, n = the total column). */
  u: number;
  v: number;
  value: number;
  /** Row and column totals enter the node equations with the opposite sign of counts. */
  sign: 1 | -1;
  state: 'shown' | 'primary' | 'secondary' | 'free';
  sharedKey: string | null;
}

interface Model {
  table: CountTable;
  m: number;
  n: number;
  edges: Edge[];
}

function refKey(ref: CellRef): string {
  switch (ref.kind) {
    case 'cell':
      return `c:${ref.row}:${ref.col}`;
    case 'rowTotal':
      return `r:${ref.row}`;
    case 'colTotal':
      return `k:${ref.col}`;
    case 'grand':
      return 'g';
  }
}

function checkTable(t: CountTable): void {
  const m = t.counts.length;
  if (m === 0) throw new RangeError(`table ${t.id}: no rows`);
  const n = t.counts[0]!.length;
  if (n === 0) throw new RangeError(`table ${t.id}: no columns`);
  for (const row of t.counts) {
    if (row.length !== n) throw new RangeError(`table ${t.id}: ragged rows`);
    for (const c of row) if (!Number.isInteger(c) || c < 0) throw new RangeError(`table ${t.id}: counts must be whole numbers ≥ 0`);
  }
}

function buildModel(t: CountTable, threshold: number): Model {
  checkTable(t);
  const m = t.counts.length;
  const n = t.counts[0]!.length;
  const sharedByRef = new Map<string, string>();
  for (const [key, ref] of Object.entries(t.shared ?? {})) sharedByRef.set(refKey(ref), key);
  const initial = (value: number, shown: boolean): Edge['state'] => (!shown ? 'free' : value > 0 && value < threshold ? 'primary' : 'shown');
  const edges: Edge[] = [];
  const push = (ref: CellRef, u: number, v: number, value: number, sign: 1 | -1, shown: boolean) =>
    edges.push({ ref, u, v, value, sign, state: initial(value, shown), sharedKey: sharedByRef.get(refKey(ref)) ?? null });
  const rowSum = (i: number) => t.counts[i]!.reduce((a, b) => a + b, 0);
  const colSum = (j: number) => t.counts.reduce((a, r) => a + r[j]!, 0);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) push({ kind: 'cell', row: i, col: j }, i, j, t.counts[i]![j]!, 1, true);
  for (let i = 0; i < m; i++) push({ kind: 'rowTotal', row: i }, i, n, rowSum(i), -1, t.showRowTotals);
  for (let j = 0; j < n; j++) push({ kind: 'colTotal', col: j }, m, j, colSum(j), -1, t.showColTotals);
  let grand = 0;
  for (let i = 0; i < m; i++) grand += rowSum(i);
  push({ kind: 'grand' }, m, n, grand, 1, t.showGrandTotal);
  return { table: t, m, n, edges };
}

function hidden(e: Edge): boolean {
  return e.state !== 'shown';
}

/** Whether the true value of a hidden edge may change by `delta` (±1) and stay within what its mark reveals. */
function canShift(e: Edge, delta: 1 | -1, threshold: number): boolean {
  const next = e.value + delta;
  switch (e.state) {
    case 'shown':
      return false;
    case 'primary':
      return next >= 1 && next <= threshold - 1;
    case 'secondary':
      return next >= threshold;
    case 'free':
      return next >= 0;
  }
}

/**
 * A cycle of hidden edges through `start` along which the real values move by
 * ±1 (start moving by `dir`), or null. `allowShared` names the one shared key
 * the cycle may pass through besides `start`'s own (already cleared by the caller).
 */
function findCycle(model: Model, start: Edge, dir: 1 | -1, threshold: number, allowShared: string | null): Map<Edge, 1 | -1> | null {
  // Moving an edge by +1 in the signed ("primed") sense goes row→column; −1 goes column→row.
  const startPrimed = (dir * start.sign) as 1 | -1;
  if (!canShift(start, dir, threshold)) return null;
  const rowsOffset = 0;
  const colsOffset = model.m + 1;
  const nodeU = (e: Edge) => rowsOffset + e.u;
  const nodeV = (e: Edge) => colsOffset + e.v;
  const from = startPrimed === 1 ? nodeV(start) : nodeU(start);
  const to = startPrimed === 1 ? nodeU(start) : nodeV(start);
  // Arcs: for each other hidden edge, the directions it may move.
  const arcs = new Map<number, { to: number; edge: Edge; realDelta: 1 | -1 }[]>();
  const add = (a: number, b: number, edge: Edge, realDelta: 1 | -1) => {
    const list = arcs.get(a) ?? [];
    list.push({ to: b, edge, realDelta });
    arcs.set(a, list);
  };
  for (const e of model.edges) {
    if (e === start || !hidden(e)) continue;
    if (e.sharedKey !== null && e.sharedKey !== allowShared) continue;
    // primed +1 (row→col) means real +sign; primed −1 (col→row) means real −sign.
    if (canShift(e, e.sign, threshold)) add(nodeU(e), nodeV(e), e, e.sign);
    const back = (-e.sign) as 1 | -1;
    if (canShift(e, back, threshold)) add(nodeV(e), nodeU(e), e, back);
  }
  const prev = new Map<number, { node: number; edge: Edge; realDelta: 1 | -1 }>();
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (node === to) break;
    for (const arc of arcs.get(node) ?? []) {
      if (seen.has(arc.to)) continue;
      seen.add(arc.to);
      prev.set(arc.to, { node, edge: arc.edge, realDelta: arc.realDelta });
      queue.push(arc.to);
    }
  }
  if (!seen.has(to)) return null;
  const moves = new Map<Edge, 1 | -1>([[start, dir]]);
  for (let node = to; node !== from; ) {
    const p = prev.get(node)!;
    moves.set(p.edge, p.realDelta);
    node = p.node;
  }
  return moves;
}

interface Plan {
  /** The table whose cycle moves the target. */
  moves: Map<Edge, 1 | -1>;
  /** Compensating cycles in other tables for the one shared figure the cycle moved. */
  others: Map<Edge, 1 | -1>[];
}

class Export {
  readonly models: Model[];
  constructor(
    tables: CountTable[],
    readonly threshold: number,
  ) {
    this.models = tables.map((t) => buildModel(t, threshold));
    this.#checkSharedValues();
    this.#syncShared();
  }

  #checkSharedValues(): void {
    const seen = new Map<string, number>();
    for (const model of this.models) {
      for (const e of model.edges) {
        if (e.sharedKey === null) continue;
        const v = seen.get(e.sharedKey);
        if (v !== undefined && v !== e.value) throw new RangeError(`shared figure ${e.sharedKey} differs between tables (${v} ≠ ${e.value})`);
        seen.set(e.sharedKey, e.value);
      }
    }
  }

  /** A shared figure hidden in one table is hidden in all (as secondary where it is not small). */
  #syncShared(): boolean {
    let changed = false;
    const hiddenKeys = new Set<string>();
    for (const model of this.models) for (const e of model.edges) if (e.sharedKey !== null && hidden(e)) hiddenKeys.add(e.sharedKey);
    for (const model of this.models) {
      for (const e of model.edges) {
        if (e.sharedKey !== null && hiddenKeys.has(e.sharedKey) && e.state === 'shown') {
          e.state = e.value > 0 && e.value < this.threshold ? 'primary' : 'secondary';
          changed = true;
        }
      }
    }
    return changed;
  }

  #holders(key: string): { model: Model; edge: Edge }[] {
    const out: { model: Model; edge: Edge }[] = [];
    for (const model of this.models) for (const edge of model.edges) if (edge.sharedKey === key) out.push({ model, edge });
    return out;
  }

  /** Cycles in every table but `except` that move shared figure `key` by `dir` without touching another shared figure. */
  #compensate(key: string, dir: 1 | -1, except: Model): Map<Edge, 1 | -1>[] | null {
    const out: Map<Edge, 1 | -1>[] = [];
    for (const h of this.#holders(key)) {
      if (h.model === except) continue;
      const c = findCycle(h.model, h.edge, dir, this.threshold, null);
      if (!c) return null;
      out.push(c);
    }
    return out;
  }

  /** A proof that the hidden `edge` of `model` is not pinned down, or null. */
  plan(model: Model, edge: Edge): Plan | null {
    for (const dir of [1, -1] as const) {
      if (edge.sharedKey !== null) {
        const others = this.#compensate(edge.sharedKey, dir, model);
        if (!others) continue;
        const moves = findCycle(model, edge, dir, this.threshold, null);
        if (moves) return { moves, others };
        continue;
      }
      const local = findCycle(model, edge, dir, this.threshold, null);
      if (local) return { moves: local, others: [] };
      const keys = new Set(model.edges.filter((e) => e.sharedKey !== null && hidden(e)).map((e) => e.sharedKey!));
      for (const key of keys) {
        const moves = findCycle(model, edge, dir, this.threshold, key);
        if (!moves) continue;
        const sharedEdge = [...moves.keys()].find((e) => e.sharedKey === key);
        if (!sharedEdge) return { moves, others: [] };
        const others = this.#compensate(key, moves.get(sharedEdge)!, model);
        if (others) return { moves, others };
      }
    }
    return null;
  }

  #firstUnprotected(model: Model): Edge | null {
    for (const e of model.edges) if ((e.state === 'primary' || e.state === 'secondary') && !this.plan(model, e)) return e;
    return null;
  }

  /** Hides more until every hidden value in every table has a proof; returns the tables that had to be withheld. */
  run(): string[] {
    const withheld: string[] = [];
    for (let guard = 0; guard < 10_000; guard++) {
      let progress = false;
      let allSafe = true;
      for (const model of this.models) {
        if (withheld.includes(model.table.id)) continue;
        const weak = this.#firstUnprotected(model);
        if (!weak) continue;
        allSafe = false;
        if (this.#protect(model, weak)) {
          progress = true;
          break;
        }
        // Last resort: hide every non-zero value of the table; failing that, leave it out.
        if (this.#hideAll(model)) {
          progress = true;
          break;
        }
        withheld.push(model.table.id);
        this.#drop(model);
        progress = true;
        break;
      }
      if (allSafe) return withheld;
      if (!progress) break;
    }
    throw new Error('suppression did not converge');
  }

  /** Hides the one further value that protects `weak`, preferring small counts in the same row or column. */
  #protect(model: Model, weak: Edge): boolean {
    const candidates = model.edges
      .filter((e) => e.state === 'shown' && e.value > 0)
      .sort((a, b) => rank(a, weak) - rank(b, weak) || a.value - b.value);
    for (const c of candidates) {
      const snapshot = this.#snapshot();
      c.state = 'secondary';
      this.#syncShared();
      if (this.plan(model, weak)) return true;
      this.#restore(snapshot);
    }
    return false;
  }

  #hideAll(model: Model): boolean {
    let changed = false;
    for (const e of model.edges) {
      if (e.state === 'shown' && e.value > 0) {
        e.state = e.value < this.threshold ? 'primary' : 'secondary';
        changed = true;
      }
    }
    if (this.#syncShared()) changed = true;
    return changed;
  }

  #drop(model: Model): void {
    const index = this.models.indexOf(model);
    this.models.splice(index, 1);
  }

  #snapshot(): Edge['state'][][] {
    return this.models.map((m) => m.edges.map((e) => e.state));
  }

  #restore(s: Edge['state'][][]): void {
    this.models.forEach((m, i) => m.edges.forEach((e, j) => (e.state = s[i]![j]!)));
  }
}

/** Candidates in the weak value's row or column first, then totals, then the rest. */
function rank(c: Edge, weak: Edge): number {
  if (c.u === weak.u || c.v === weak.v) return c.ref.kind === 'cell' ? 0 : 1;
  return c.ref.kind === 'cell' ? 2 : 3;
}

function markOf(e: Edge): Mark {
  switch (e.state) {
    case 'shown':
      return { kind: 'shown', value: e.value };
    case 'primary':
      return { kind: 'primary' };
    case 'secondary':
      return { kind: 'secondary' };
    case 'free':
      return { kind: 'absent' };
  }
}

function toResult(model: Model): SuppressedTable {
  const cells: Mark[][] = model.table.counts.map((row) => row.map(() => ({ kind: 'absent' }) as Mark));
  const rowTotals: Mark[] = model.table.counts.map(() => ({ kind: 'absent' }));
  const colTotals: Mark[] = model.table.counts[0]!.map(() => ({ kind: 'absent' }));
  let grand: Mark = { kind: 'absent' };
  for (const e of model.edges) {
    const mark = markOf(e);
    if (e.ref.kind === 'cell') cells[e.ref.row]![e.ref.col] = mark;
    else if (e.ref.kind === 'rowTotal') rowTotals[e.ref.row] = mark;
    else if (e.ref.kind === 'colTotal') colTotals[e.ref.col] = mark;
    else grand = mark;
  }
  return { id: model.table.id, cells, rowTotals, colTotals, grand };
}

/**
 * Suppresses every table of one export together.
 *
 * @example
 * suppress([{ id: 'by_gender', counts: [[12], [3]], showRowTotals: false, showColTotals: true, showGrandTotal: false }], 5)
 * // the 3 is "<5", and the 12 is hidden too: otherwise 15 − 12 would give it away
 */
export function suppress(tables: CountTable[], threshold: number): SuppressionResult {
  const t = effectiveThreshold(threshold);
  const ids = new Set<string>();
  for (const table of tables) {
    if (ids.has(table.id)) throw new RangeError(`duplicate table id ${table.id}`);
    ids.add(table.id);
  }
  const exp = new Export(tables, t);
  const withheld = exp.run();
  return { threshold: t, tables: exp.models.map(toResult), withheld };
}

/**
 * For a hidden value, one other full set of values (table id → counts with
 * totals) that agrees with everything the export shows and with what its
 * marks reveal, yet differs in that value: the proof that it is not
 * disclosed. Null when there is none (which `suppress` never leaves).
 */
export function alternativeFor(tables: CountTable[], threshold: number, tableId: string, ref: CellRef): Map<string, AlternativeTable> | null {
  const t = effectiveThreshold(threshold);
  const exp = new Export(tables, t);
  exp.run();
  const model = exp.models.find((m) => m.table.id === tableId);
  if (!model) return null;
  const edge = model.edges.find((e) => refKey(e.ref) === refKey(ref));
  if (!edge || (edge.state !== 'primary' && edge.state !== 'secondary')) return null;
  const plan = exp.plan(model, edge);
  if (!plan) return null;
  const delta = new Map<Edge, number>();
  for (const moves of [plan.moves, ...plan.others]) for (const [e, d] of moves) delta.set(e, d);
  const out = new Map<string, AlternativeTable>();
  for (const mdl of exp.models) {
    const values = new Map<string, number>();
    for (const e of mdl.edges) values.set(refKey(e.ref), e.value + (delta.get(e) ?? 0));
    out.set(mdl.table.id, {
      counts: mdl.table.counts.map((row, i) => row.map((_, j) => values.get(`c:${i}:${j}`)!)),
      rowTotals: mdl.table.counts.map((_, i) => values.get(`r:${i}`)!),
      colTotals: mdl.table.counts[0]!.map((_, j) => values.get(`k:${j}`)!),
      grand: values.get('g')!,
    });
  }
  return out;
}

export interface AlternativeTable {
  counts: number[][];
  rowTotals: number[];
  colTotals: number[];
  grand: number;
}
