import type { SqliteHandle } from './connection.js';

/** The last checkpoint scheduled by `withCheckpointAfter`: its duration in ms (0 when the vault had closed, -1 when it failed). */
let lastCheckpoint: Promise<number> = Promise.resolve(0);

/**
 * Runs a large write (an import of thousands of rows) without SQLite's
 * automatic checkpoint at its commit, and checkpoints on the next turn of
 * the event loop instead — after the caller has answered the worker.
 *
 * In WAL mode a commit that leaves more than `wal_autocheckpoint` pages in
 * the log copies them into the database file at once, inside the commit
 * call: for a 10,000-row import a few hundred milliseconds the worker would
 * wait for with the report already made. The commit itself is as durable
 * either way (`synchronous=FULL` syncs the log); the copy only moves later.
 * If the vault is locked first, closing it checkpoints anyway.
 */
export async function withCheckpointAfter<T>(sqlite: SqliteHandle, work: () => Promise<T>): Promise<T> {
  const pages = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  try {
    return await work();
  } finally {
    sqlite.pragma(`wal_autocheckpoint = ${pages}`);
    lastCheckpoint = new Promise((resolve) => {
      setTimeout(() => {
        if (!sqlite.open) return resolve(0);
        const t = performance.now();
        try {
          sqlite.pragma('wal_checkpoint(PASSIVE)');
          resolve(performance.now() - t);
        } catch {
          // A checkpoint that cannot run now runs at the next commit past the threshold, or when the vault closes.
          resolve(-1);
        }
      }, 0);
    });
  }
}

/** Waits for the checkpoint scheduled last (for the benchmark, which reports it apart from the import). */
export function checkpointSettled(): Promise<number> {
  return lastCheckpoint;
}
