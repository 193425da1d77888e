import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { AUDIT_FLAGS, PERSON_OPEN_ACTIONS, REVEAL_ADDRESS_ACTION, UNIT_TIME_ZONE, assignedAt, isExportOrPrint, isOutsideOfficeHours, type AuditFlag } from '../../domain/audit-flags.js';
import { isAddressProtected } from '../../domain/vocabulary.js';
import { readPrivacySettings, type PrivacySettings } from './settings.js';

export interface LogFilter {
  workerId?: string | undefined;
  personId?: string | undefined;
  caseId?: string | undefined;
  action?: string | undefined;
  /** Period in Swedish local dates, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** Continue after this row (newest first). */
  after?: { at: string; id: number } | undefined;
  limit?: number | undefined;
}

export interface LogRow {
  id: number;
  at: string;
  workerId: string | null;
  workerName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** The case the event concerns, when there is one (to open it from the row). */
  caseId: string | null;
  /** The person the event concerns, when it is on a person. */
  personId: string | null;
  /** Whether the record still exists (a deleted one cannot be opened). */
  exists: boolean;
  /** What the row concerns, for the reviewer: the person's name or the case number (null once deleted). */
  label: string | null;
  flags: AuditFlag[];
}

export interface LogPage {
  rows: LogRow[];
  next: { at: string; id: number } | null;
}

/** Midnight of a Swedish calendar date, as a UTC instant (ISO). */
export function localMidnightUtc(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: UNIT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(guess));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (shown - guess)).toISOString();
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The events that match, newest first, one page; each index serves one filter and the others narrow it.
 * A person filter is two index walks — the person's own events on `(entity_id, at)`, the events of their
 * cases on `(case_ref, at)` — each stopped after one page and merged here, instead of one OR that SQLite
 * can only answer by collecting and sorting every matching event.
 */
export async function searchLog(db: Kysely<Database>, f: LogFilter): Promise<LogRow[]> {
  const limit = f.limit ?? 100;
  if (!f.personId) {
    const rows = await searchPart(db, f, limit, {});
    // A case opened by an import has no event of its own: the import's one event (on the batch) is its creation.
    const imported = f.caseId ? await db.selectFrom('cases').select('import_id').where('id', '=', f.caseId).executeTakeFirst() : undefined;
    if (!imported?.import_id) return rows.map(toLogRow);
    return merged([...rows, ...(await searchPart(db, { ...f, caseId: undefined }, limit, { entityId: imported.import_id }))], limit);
  }
  const personId = f.personId;
  const cases = await db.selectFrom('case_persons').select('case_id').where('person_id', '=', personId).execute();
  const caseIds = [...new Set(cases.map((c) => c.case_id))];
  const own = await searchPart(db, f, limit, { entityId: personId });
  const ofCases = caseIds.length > 0 ? await searchPart(db, f, limit, { caseRefs: caseIds }) : [];
  // The imports that registered the person or opened their cases: each wrote one event for all it made.
  const imports = await importsOf(db, personId, caseIds);
  const ofImports = imports.length > 0 ? await searchPart(db, f, limit, { entityIds: imports }) : [];
  return merged([...own, ...ofCases, ...ofImports], limit);
}

/** The import batches that made a person or any of the cases: their ids are the entity of each import's one event. */
export async function importsOf(db: Kysely<Database>, personId: string, caseIds: readonly string[]): Promise<string[]> {
  const person = await db.selectFrom('persons').select('import_id').where('id', '=', personId).executeTakeFirst();
  const cases = caseIds.length > 0 ? await db.selectFrom('cases').select('import_id').where('id', 'in', caseIds).where('import_id', 'is not', null).execute() : [];
  return [...new Set([person?.import_id, ...cases.map((c) => c.import_id)].filter((x): x is string => typeof x === 'string'))];
}

function merged(rows: EventRow[], limit: number): LogRow[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return [...byId.values()]
    .sort((a, b) => (a.at === b.at ? b.id - a.id : a.at < b.at ? 1 : -1))
    .slice(0, limit)
    .map(toLogRow);
}

function searchPart(db: Kysely<Database>, f: LogFilter, limit: number, on: { entityId?: string; entityIds?: string[]; caseRefs?: string[] }) {
  let q = db.selectFrom('audit_events as a').leftJoin('workers as w', 'w.id', 'a.worker_id').select(['a.id', 'a.at', 'a.worker_id', 'w.name as worker_name', 'a.action', 'a.entity_type', 'a.entity_id', 'a.case_ref']);
  if (f.workerId) q = q.where('a.worker_id', '=', f.workerId);
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.caseId) q = q.where('a.case_ref', '=', f.caseId);
  if (on.entityId) q = q.where('a.entity_id', '=', on.entityId);
  if (on.entityIds) q = q.where('a.entity_id', 'in', on.entityIds);
  if (on.caseRefs) q = q.where('a.case_ref', 'in', on.caseRefs);
  if (f.from) q = q.where('a.at', '>=', localMidnightUtc(f.from));
  if (f.to) q = q.where('a.at', '<', localMidnightUtc(nextDay(f.to)));
  if (f.after) {
    const { at, id } = f.after;
    q = q.where((eb) => eb.or([eb('a.at', '<', at), eb.and([eb('a.at', '=', at), eb('a.id', '<', id)])]));
  }
  return q.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
}

type EventRow = Awaited<ReturnType<typeof searchPart>>[number];

function toLogRow(r: EventRow): LogRow {
  return {
    id: r.id,
    at: r.at,
    workerId: r.worker_id,
    workerName: r.worker_name,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    caseId: r.case_ref,
    personId: r.entity_type === 'person' ? r.entity_id : null,
    exists: true,
    label: null,
    flags: [],
  };
}

/** Marks the rows of one page with the flags that point the review at them. */
export async function flagRows(db: Kysely<Database>, rows: LogRow[], settings: PrivacySettings): Promise<LogRow[]> {
  if (rows.length === 0) return rows;
  const personIds = [...new Set(rows.map((r) => r.personId).filter((x): x is string => x !== null))];
  const caseIds = [...new Set(rows.map((r) => r.caseId).filter((x): x is string => x !== null))];
  const persons = personIds.length ? await db.selectFrom('persons').select(['id', 'protection_level', 'first_name', 'last_name']).where('id', 'in', personIds).execute() : [];
  const protection = new Map(persons.map((p) => [p.id, p.protection_level]));
  const personNames = new Map(persons.map((p) => [p.id, `${p.first_name} ${p.last_name}`]));
  const cases = caseIds.length ? await db.selectFrom('cases').select(['id', 'case_number']).where('id', 'in', caseIds).execute() : [];
  const caseExists = new Set(cases.map((c) => c.id));
  const caseNumbers = new Map(cases.map((c) => [c.id, c.case_number]));
  const assignments = caseIds.length ? await db.selectFrom('case_assignments').select(['case_id', 'at', 'worker_id']).where('case_id', 'in', caseIds).execute() : [];
  const byCase = new Map<string, [string, string][]>();
  for (const a of assignments) byCase.set(a.case_id, [...(byCase.get(a.case_id) ?? []), [a.at, a.worker_id]]);
  const protectedCases = caseIds.length
    ? new Set(
        (
          await db
            .selectFrom('case_persons as cp')
            .innerJoin('persons as p', 'p.id', 'cp.person_id')
            .select('cp.case_id')
            .where('cp.case_id', 'in', caseIds)
            .where('p.protection_level', '<>', 'none')
            .execute()
        ).map((r) => r.case_id),
      )
    : new Set<string>();
  const windowMs = settings.manyPersons.minutes * 60_000;
  const manyAt = await manyPersonsOpened(db, rows, settings.manyPersons.count, windowMs);

  for (const r of rows) {
    const flags = new Set<AuditFlag>();
    const level = r.personId ? protection.get(r.personId) : undefined;
    if (r.personId) {
      r.exists = level !== undefined;
      r.label = personNames.get(r.personId) ?? null;
    } else if (r.caseId) {
      r.exists = caseExists.has(r.caseId);
      r.label = caseNumbers.get(r.caseId) ?? null;
    }
    if (PERSON_OPEN_ACTIONS.includes(r.action) && level !== undefined && level !== 'none') flags.add('protected_person');
    if (r.action === 'cases.read' && r.caseId && protectedCases.has(r.caseId)) flags.add('protected_person');
    if (r.action === REVEAL_ADDRESS_ACTION && (level === undefined || isAddressProtected(level))) flags.add('revealed_address');
    if (r.caseId && r.workerId && caseExists.has(r.caseId) && r.action !== 'cases.create' && assignedAt(byCase.get(r.caseId) ?? [], r.at) !== r.workerId) flags.add('not_assigned');
    if (isOutsideOfficeHours(r.at, settings.officeHours)) flags.add('outside_office_hours');
    if (isExportOrPrint(r.action)) flags.add('export_or_print');
    if (manyAt.has(r.id)) flags.add('many_persons');
    r.flags = AUDIT_FLAGS.filter((f) => flags.has(f));
  }
  return rows;
}

/**
 * The rows (ids) where their worker opened at least `count` different persons
 * within `windowMs` before or after. A worker's rows on the page are grouped
 * into runs whose windows touch; each run is one query on
 * `(worker_id, action, at)` over just its own span. A dense page (unfiltered,
 * one period) is one run per worker; a page that spans years (one person's
 * events) is a small query per row — never a scan of the years between.
 */
async function manyPersonsOpened(db: Kysely<Database>, rows: LogRow[], count: number, windowMs: number): Promise<Set<number>> {
  const out = new Set<number>();
  const byWorker = new Map<string, { id: number; t: number }[]>();
  for (const r of rows) {
    if (!r.workerId || !PERSON_OPEN_ACTIONS.includes(r.action)) continue;
    byWorker.set(r.workerId, [...(byWorker.get(r.workerId) ?? []), { id: r.id, t: Date.parse(r.at) }]);
  }
  const iso = (t: number) => new Date(t).toISOString();
  for (const [workerId, list] of byWorker) {
    list.sort((a, b) => a.t - b.t);
    const runs: { id: number; t: number }[][] = [];
    for (const r of list) {
      const run = runs.at(-1);
      if (run && r.t - run.at(-1)!.t <= 2 * windowMs) run.push(r);
      else runs.push([r]);
    }
    for (const run of runs) {
      const events = await db
        .selectFrom('audit_events')
        .select(['at', 'entity_id'])
        .where('worker_id', '=', workerId)
        .where('action', 'in', PERSON_OPEN_ACTIONS)
        .where('at', '>=', iso(run[0]!.t - windowMs))
        .where('at', '<=', iso(run.at(-1)!.t + windowMs))
        .execute();
      const times = events.map((e) => ({ t: Date.parse(e.at), p: e.entity_id }));
      for (const r of run) {
        const seen = new Set<string>();
        for (const e of times) if (e.p && e.t >= r.t - windowMs && e.t <= r.t + windowMs) seen.add(e.p);
        if (seen.size >= count) out.add(r.id);
      }
    }
  }
  return out;
}

/** The review screen's search: one page, flagged; reading the log is itself logged. */
export async function reviewLog(session: Session, f: LogFilter): Promise<LogPage> {
  const limit = f.limit ?? 100;
  const rows = await searchLog(session.db, { ...f, limit: limit + 1 });
  const page = rows.slice(0, limit);
  await flagRows(session.db, page, await readPrivacySettings(session.db));
  session.audit.note({
    action: 'privacy.log_read',
    entityType: 'audit_log',
    detail: { results: page.length, filters: ['workerId', 'personId', 'caseId', 'action', 'from', 'to'].filter((k) => f[k as keyof LogFilter]).join(',') },
  });
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { at: last.at, id: last.id } : null };
}

export interface LogReview {
  id: string;
  reviewedBy: string;
  reviewerName: string;
  periodFrom: string;
  periodTo: string;
  comment: string;
  flaggedEvents: number;
  at: string;
}

/** Records that a coordinator reviewed a period, with their comment and how many events of the period carry the cheap flags (shown addresses, exports, prints). */
export async function saveReview(session: Session, input: { periodFrom: string; periodTo: string; comment: string }): Promise<LogReview> {
  const id = randomUUID();
  const at = new Date().toISOString();
  const from = localMidnightUtc(input.periodFrom);
  const to = localMidnightUtc(nextDay(input.periodTo));
  const flaggedActions = (await session.db.selectFrom('audit_events').select('action').distinct().execute()).map((r) => r.action).filter((a) => a === REVEAL_ADDRESS_ACTION || isExportOrPrint(a));
  const flagged = flaggedActions.length
    ? Number((await session.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).where('action', 'in', flaggedActions).where('at', '>=', from).where('at', '<', to).executeTakeFirstOrThrow()).n)
    : 0;
  await session.db.transaction().execute(async (trx) => {
    await trx.insertInto('log_reviews').values({ id, reviewed_by: session.worker.id, period_from: input.periodFrom, period_to: input.periodTo, comment: input.comment, flagged_events: flagged, at }).execute();
    await session.audit.record(trx, { action: 'privacy.log_review', entityType: 'log_review', entityId: id, detail: { flagged } });
  });
  return { id, reviewedBy: session.worker.id, reviewerName: session.worker.name, periodFrom: input.periodFrom, periodTo: input.periodTo, comment: input.comment, flaggedEvents: flagged, at };
}

export async function listReviews(session: Session): Promise<LogReview[]> {
  const rows = await session.db
    .selectFrom('log_reviews as r')
    .innerJoin('workers as w', 'w.id', 'r.reviewed_by')
    .select(['r.id', 'r.reviewed_by', 'w.name', 'r.period_from', 'r.period_to', 'r.comment', 'r.flagged_events', 'r.at'])
    .orderBy('r.at', 'desc')
    .limit(200)
    .execute();
  session.audit.note({ action: 'privacy.log_reviews_read', entityType: 'log_review', detail: { results: rows.length } });
  return rows.map((r) => ({ id: r.id, reviewedBy: r.reviewed_by, reviewerName: r.name, periodFrom: r.period_from, periodTo: r.period_to, comment: r.comment, flaggedEvents: r.flagged_events, at: r.at }));
}
