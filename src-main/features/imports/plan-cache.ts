import { createHash } from 'node:crypto';
import type { Session } from '../../api/context.js';

/**
 * The dry run's plan, kept for the commit that usually follows it a moment
 * later, so that ten thousand rows are not read and checked twice. The
 * commit takes the plan only when nothing at all has been written to the
 * store since: the connection's change counter (`total_changes()`, every
 * row this connection wrote, audit events included) and SQLite's
 * `data_version` (commits by any other connection) must both be as they
 * were when the plan was made. Otherwise — and for a different file,
 * mapping, choice or day — the commit plans again inside its transaction.
 *
 * One plan per session, held in a WeakMap on the session: it goes with the
 * session at lock, and the commit takes it out.
 */
interface Kept {
  key: string;
  changes: number;
  dataVersion: number;
  value: unknown;
}

const kept = new WeakMap<Session, Kept>();

function storeState(session: Session): { changes: number; dataVersion: number } {
  const sqlite = session.vault.sqlite;
  const changes = (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const dataVersion = sqlite.pragma('data_version', { simple: true }) as number;
  return { changes, dataVersion };
}

/** What makes two runs the same: the kind, the file's bytes, the mapping and choices, and the day (dates in the future are refused). */
export function planKey(kind: string, input: { base64: string }, choices: unknown, today: string): string {
  return `${kind}|${createHash('sha256').update(input.base64).digest('hex')}|${JSON.stringify(choices)}|${today}`;
}

/** Keeps the dry run's plan. Call after the dry run's own audit note is written, so that write is not counted as a change. */
export function keepPlan(session: Session, key: string, value: unknown): void {
  kept.set(session, { key, value, ...storeState(session) });
}

/** The kept plan for this key if nothing was written since it was made; taken out either way. Call inside the commit's transaction, before it writes. */
export function takePlan<T>(session: Session, key: string): T | null {
  const k = kept.get(session);
  kept.delete(session);
  if (!k || k.key !== key) return null;
  const now = storeState(session);
  return now.changes === k.changes && now.dataVersion === k.dataVersion ? (k.value as T) : null;
}
