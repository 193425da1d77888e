import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Session } from '../../api/context.js';
import type { Database } from '../../db/schema.js';
import { AppError, ConflictError, NotFoundError } from '../../domain/errors.js';
import { birthDayOfMonth, retentionVerdict, type RetentionReason, type RetentionRule } from '../../domain/retention.js';
import { forgetUnusedJournalTerms } from '../journal/terms.js';
import { foreignKeyProblems, idColumns, optimizeJournalIndex, referencesTo, secureDelete, truncateWal, userTables, vacuum } from '../../db/introspect.js';
import { freezeStatisticsThrough } from '../statistics/month-store.js';
import { readPrivacySettings } from './settings.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface RetentionCase {
  caseId: string;
  caseNumber: string;
  closedAt: string | null;
  lastEntryDate: string;
  dueFrom: string | null;
  deadline: string | null;
  reason: RetentionReason;
  holdReason: string | null;
}

export interface RetentionPreview {
  today: string;
  rule: RetentionRule;
  /** Cases to delete now, with the reason (due, or overdue). */
  due: RetentionCase[];
  /** Cases past their time that are kept, and why (hold, birthday, keep everything). */
  kept: RetentionCase[];
  /** Closed cases whose time has not come, and open cases. */
  notYet: number;
  open: number;
  /** The holds in force, whether or not the case is due. */
  holds: { caseId: string; caseNumber: string; reason: string; at: string }[];
}

export interface RetentionRunRecord {
  id: string;
  runAt: string;
  rule: RetentionRule;
  counts: Record<string, number>;
  durationMs: number;
}

async function facts(db: Db) {
  const r = await sql<{
    id: string;
    case_number: string;
    status: string;
    closed_at: string | null;
    number_kind: string;
    personal_number: string | null;
    hold_reason: string | null;
    last_entry: string;
  }>`SELECT c.id, c.case_number, c.status, c.closed_at, p.number_kind, p.personal_number, h.reason AS hold_reason,
      max(substr(coalesce(c.closed_at, ''), 1, 10), c.intake_date,
          coalesce((SELECT max(entry_date) FROM journal_entries j WHERE j.case_id = c.id), ''),
          coalesce((SELECT max(decision_date) FROM decisions d WHERE d.case_id = c.id), ''),
          coalesce((SELECT max(coalesce(end_date, start_date)) FROM services s WHERE s.case_id = c.id), ''),
          coalesce((SELECT max(event_date) FROM case_status_events e WHERE e.case_id = c.id), ''),
          coalesce((SELECT max(followed_up_on) FROM outcome_followups o WHERE o.case_id = c.id), '')) AS last_entry
    FROM cases c JOIN persons p ON p.id = c.main_person_id LEFT JOIN retention_holds h ON h.case_id = c.id
    WHERE c.status = 'closed'`.execute(db);
  return r.rows;
}

/** What is due under the rule on `today`, with the reason per case. */
export async function previewRetention(db: Db, rule: RetentionRule, today: string): Promise<RetentionPreview> {
  const rows = await facts(db);
  const due: RetentionCase[] = [];
  const kept: RetentionCase[] = [];
  let notYet = 0;
  for (const r of rows) {
    const v = retentionVerdict({ caseId: r.id, closed: true, lastEntryDate: r.last_entry, mainPersonBirthDay: birthDayOfMonth(r.number_kind, r.personal_number), onHold: r.hold_reason !== null }, rule, today);
    const c: RetentionCase = { caseId: r.id, caseNumber: r.case_number, closedAt: r.closed_at, lastEntryDate: r.last_entry, dueFrom: v.dueFrom, deadline: v.deadline, reason: v.reason, holdReason: r.hold_reason };
    if (v.delete) due.push(c);
    else if (v.reason === 'not_yet') notYet++;
    else kept.push(c);
  }
  const byDue = (a: RetentionCase, b: RetentionCase) => (a.dueFrom ?? '').localeCompare(b.dueFrom ?? '') || a.caseNumber.localeCompare(b.caseNumber);
  const open = Number((await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '<>', 'closed').executeTakeFirstOrThrow()).n);
  const holds = await db.selectFrom('retention_holds as h').innerJoin('cases as c', 'c.id', 'h.case_id').select(['h.case_id', 'c.case_number', 'h.reason', 'h.at']).orderBy('c.case_number').execute();
  return { today, rule, due: due.sort(byDue), kept: kept.sort(byDue), notYet, open, holds: holds.map((h) => ({ caseId: h.case_id, caseNumber: h.case_number, reason: h.reason, at: h.at })) };
}

const NOT_SCANNED = new Set(['audit_events', 'retention_runs', 'log_reviews', 'statistics_months', 'statistics_counted']);

async function tableCounts(db: Db, tables: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const t of tables) out.set(t, Number((await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(db)).rows[0]!.n));
  return out;
}

/**
 * Deletes the confirmed cases — each must still be due today under the unit's
 * rule — and everything that hangs on them (foreign keys with ON DELETE
 * CASCADE, whatever tables other features add), then the persons no longer in
 * any case, in one transaction. Before deleting, the monthly aggregates are
 * refreshed and frozen; afterwards the transaction checks every foreign key
 * and that no table still holds a deleted id, and keeps a record with counts
 * only. With `secure_delete` on, freed content is overwritten; the full-text
 * index is merged and the WAL truncated so no old copy of a page stays.
 */
export async function runRetention(session: Session, caseIds: string[], today: string, opts: { vacuum?: boolean } = {}): Promise<RetentionRunRecord> {
  const started = Date.now();
  const { retention: rule } = await readPrivacySettings(session.db);
  const preview = await previewRetention(session.db, rule, today);
  const dueById = new Map(preview.due.map((c) => [c.caseId, c]));
  const notDue = caseIds.filter((id) => !dueById.has(id));
  if (notDue.length > 0) throw new ConflictError(`${notDue.length} av de valda ärendena ska inte gallras i dag (de har ändrats, spärrats eller finns inte). Förhandsgranska igen.`);
  if (caseIds.length === 0) throw new AppError('validation', 'Inga ärenden att gallra.');
  const ids = JSON.stringify([...new Set(caseIds)]);
  const lastMonth = [...dueById.values()].filter((c) => caseIds.includes(c.caseId)).reduce((m, c) => (c.lastEntryDate.slice(0, 7) > m ? c.lastEntryDate.slice(0, 7) : m), '0000-00');
  const runId = randomUUID();
  const runAt = new Date().toISOString();

  await secureDelete(session.db, true);
  let record: RetentionRunRecord;
  try {
    record = await session.db.transaction().execute(async (trx) => {
      await freezeStatisticsThrough(trx, lastMonth);
      const tables = (await userTables(trx)).filter((t) => !NOT_SCANNED.has(t));
      const before = await tableCounts(trx, tables);

      const personRefs = await referencesTo(trx, 'persons');
      const candidates = new Set<string>();
      for (const ref of personRefs) {
        if (ref.onDelete === 'CASCADE') continue;
        for (const caseCol of await caseColumnsOf(trx, ref.table)) {
          const r = await sql<{ p: string }>`SELECT DISTINCT ${sql.ref(ref.column)} AS p FROM ${sql.table(ref.table)} WHERE ${sql.ref(caseCol)} IN (SELECT value FROM json_each(${ids}))`.execute(trx);
          for (const row of r.rows) if (row.p) candidates.add(row.p);
        }
      }

      await deleteCaseRows(trx, ids);
      await sql`DELETE FROM cases WHERE id IN (SELECT value FROM json_each(${ids}))`.execute(trx);

      const blocking = personRefs.filter((r) => r.onDelete !== 'CASCADE');
      const candidateJson = JSON.stringify([...candidates]);
      const stillUsed = blocking.length
        ? sql.join(blocking.map((r) => sql`EXISTS (SELECT 1 FROM ${sql.table(r.table)} x WHERE x.${sql.ref(r.column)} = persons.id)`), sql` OR `)
        : sql`0`;
      const gone = await sql<{ id: string }>`DELETE FROM persons WHERE id IN (SELECT value FROM json_each(${candidateJson})) AND NOT (${stillUsed}) RETURNING id`.execute(trx);
      const deletedIds = JSON.stringify([...JSON.parse(ids), ...gone.rows.map((r) => r.id)]);

      const problems = await foreignKeyProblems(trx);
      if (problems.length > 0) throw new AppError('internal', `Gallringen avbröts: kopplingar i ${problems[0]!.table} pekar på borttagna uppgifter. Inget har ändrats.`);
      for (const t of tables) {
        for (const col of await idColumns(trx, t)) {
          const left = await sql<{ one: number }>`SELECT 1 AS one FROM ${sql.table(t)} WHERE ${sql.ref(col)} IN (SELECT value FROM json_each(${deletedIds})) LIMIT 1`.execute(trx);
          if (left.rows.length > 0) throw new AppError('internal', `Gallringen avbröts: tabellen ${t} har kvar uppgifter om ett gallrat ärende. Inget har ändrats.`);
        }
      }

      const after = await tableCounts(trx, tables);
      const counts: Record<string, number> = { cases: caseIds.length, persons: gone.rows.length, personsKept: candidates.size - gone.rows.length };
      for (const t of tables) {
        const n = (before.get(t) ?? 0) - (after.get(t) ?? 0);
        if (n > 0 && t !== 'cases' && t !== 'persons') counts[t] = n;
      }
      // The journal's word list forgets the words only deleted entries held (a name, a street).
      await forgetUnusedJournalTerms(trx);
      const durationMs = Date.now() - started;
      await trx.insertInto('retention_runs').values({ id: runId, run_at: runAt, run_by: session.worker.id, rule: JSON.stringify(rule), counts: JSON.stringify(counts), duration_ms: durationMs }).execute();
      await session.audit.record(trx, { action: 'privacy.retention_run', entityType: 'retention_run', entityId: runId, detail: { cases: counts.cases!, persons: counts.persons! } });
      return { id: runId, runAt, rule, counts, durationMs };
    });
    await optimizeJournalIndex(session.db);
    if (opts.vacuum) await vacuum(session.db);
    await truncateWal(session.db);
  } finally {
    await secureDelete(session.db, false);
  }
  return record;
}

/**
 * Deletes the rows that hang on the cases, one set-based statement per table
 * before the cases themselves: what ON DELETE CASCADE would do, but a
 * statement per table instead of a trigger program per case (measured at the
 * large scale: 5,000 cases' rows in about a quarter of the cascade's time).
 * A table that another of them points at without CASCADE (a service's
 * decision) waits until that one is done; whatever is left — a cycle, a
 * grandchild table — the cascade still takes when the cases go.
 */
async function deleteCaseRows(trx: Transaction<Database>, ids: string): Promise<void> {
  const refs = (await referencesTo(trx, 'cases')).filter((r) => r.table !== 'cases' && r.onDelete === 'CASCADE');
  const remaining = new Set(refs.map((r) => r.table));
  const blockers = new Map<string, Set<string>>();
  for (const t of remaining) blockers.set(t, new Set((await referencesTo(trx, t)).filter((r) => r.onDelete !== 'CASCADE' && r.table !== t).map((r) => r.table)));
  while (remaining.size > 0) {
    const next = [...remaining].find((t) => ![...blockers.get(t)!].some((b) => remaining.has(b)));
    if (!next) return;
    for (const r of refs.filter((x) => x.table === next)) await sql`DELETE FROM ${sql.table(r.table)} WHERE ${sql.ref(r.column)} IN (SELECT value FROM json_each(${ids}))`.execute(trx);
    remaining.delete(next);
  }
}

/** The columns of a table that point at a case (its foreign keys to `cases`). */
async function caseColumnsOf(db: Db, table: string): Promise<string[]> {
  if (table === 'cases') return ['id'];
  const refs = await referencesTo(db, 'cases');
  return refs.filter((r) => r.table === table).map((r) => r.column);
}

export async function listRetentionRuns(db: Db): Promise<RetentionRunRecord[]> {
  const rows = await db.selectFrom('retention_runs').selectAll().orderBy('run_at', 'desc').limit(100).execute();
  return rows.map((r) => ({ id: r.id, runAt: r.run_at, rule: JSON.parse(r.rule) as RetentionRule, counts: JSON.parse(r.counts) as Record<string, number>, durationMs: r.duration_ms }));
}

/** Puts a hold on a case (appeal, request from the police): retention leaves it until the hold is lifted. */
export async function holdCase(session: Session, caseId: string, reason: string): Promise<void> {
  await session.db.transaction().execute(async (trx) => {
    const c = await trx.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
    if (!c) throw new NotFoundError('Ärendet');
    const at = new Date().toISOString();
    await trx.insertInto('retention_holds').values({ case_id: caseId, reason, placed_by: session.worker.id, at }).onConflict((oc) => oc.column('case_id').doUpdateSet({ reason, placed_by: session.worker.id, at })).execute();
    await session.audit.record(trx, { action: 'privacy.retention_hold', entityType: 'case', entityId: caseId });
  });
}

export async function releaseHold(session: Session, caseId: string): Promise<void> {
  await session.db.transaction().execute(async (trx) => {
    const r = await trx.deleteFrom('retention_holds').where('case_id', '=', caseId).executeTakeFirst();
    if (Number(r.numDeletedRows) === 0) throw new NotFoundError('Spärren');
    await session.audit.record(trx, { action: 'privacy.retention_release', entityType: 'case', entityId: caseId });
  });
}
