import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { composeNote, type NoteCase, type NoteFacts, type NoteKind } from './journal-text.js';
import { Rng } from './prng.js';

/**
 * Writing the texts of a large journal is the one big piece of pure
 * JavaScript in the demo build, and the rows' insertion is the one big piece
 * of SQLite work; they can run side by side. `composeTexts` yields the notes
 * in row order — from a worker thread that writes them ahead while the
 * caller inserts, or in the calling thread when a worker cannot be started
 * (or is not worth it). Each note depends only on its own seed and its
 * case, so both ways give exactly the same texts.
 */

export interface ComposeJob {
  notes: NoteCase[];
  /** Per entry, in row order. */
  seeds: Uint32Array;
  caseIndexes: Int32Array;
  kinds: Uint8Array;
  days: Float64Array;
  /** Facts beyond the date, by entry position (decisions, corrections, closing notes). */
  extra: Map<number, NoteFacts>;
}

export const KIND_CODES: readonly NoteKind[] = [
  'intake', 'phone', 'no_answer', 'message', 'meeting', 'home_visit', 'safety', 'child_talk', 'school', 'preschool',
  'police', 'housing', 'economy', 'interpreter', 'collab', 'assessment', 'perpetrator', 'followup', 'decision', 'closing', 'correction',
];
export const KIND_CODE: Readonly<Record<NoteKind, number>> = Object.fromEntries(KIND_CODES.map((k, i) => [k, i])) as Record<NoteKind, number>;

/** Below this many notes a thread costs more than it saves. */
export const WORKER_MIN_NOTES = 20_000;
const CHUNK = 4096;
/** The worker waits when this many chunks are written but not yet taken, so texts do not pile up in memory. */
const AHEAD = 6;
/** Give up on a worker that has not delivered anything for this long. */
const STALL_MS = 120_000;

function composeOne(job: ComposeJob, i: number): string {
  const facts = job.extra.get(i) ?? { dayMs: job.days[i]! };
  return composeNote(new Rng(job.seeds[i]!), job.notes[job.caseIndexes[i]!]!, KIND_CODES[job.kinds[i]!]!, facts);
}

function* inThread(job: ComposeJob, from = 0): Generator<string> {
  if (mode === 'worker') mode = 'fallback';
  for (let i = from; i < job.seeds.length; i++) yield composeOne(job, i);
}

/** The worker's code: loads this module (through tsx's loader when the sources are TypeScript) and runs `composeWorkerMain`. */
const BOOT = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsxApi) (await import(workerData.tsxApi)).register();
  (await import(workerData.moduleUrl)).composeWorkerMain();
})().catch(() => {
  const state = new Int32Array(workerData.state);
  Atomics.store(state, 1, 1);
  Atomics.notify(state, 0);
});
`;

/**
 * Runs in the worker: composes every note and posts them in chunks. The
 * shared state counts chunks posted [0], a failure [1], and chunks taken by
 * the consumer [2].
 */
export function composeWorkerMain(): void {
  const data = workerData as { job: ComposeJob; port: MessagePort; state: SharedArrayBuffer };
  const state = new Int32Array(data.state);
  const n = data.job.seeds.length;
  for (let from = 0, chunk = 0; from < n; from += CHUNK, chunk++) {
    for (let taken = Atomics.load(state, 2); chunk - taken >= AHEAD; taken = Atomics.load(state, 2)) Atomics.wait(state, 2, taken, 1000);
    const texts: string[] = [];
    for (let i = from; i < Math.min(n, from + CHUNK); i++) texts.push(composeOne(data.job, i));
    data.port.postMessage(texts);
    Atomics.add(state, 0, 1);
    Atomics.notify(state, 0);
  }
}

/** Where tsx's loader API is, when this module runs as TypeScript source (a worker needs it to load the same sources). */
function tsxApiUrl(): string | null | undefined {
  if (!import.meta.url.endsWith('.ts')) return null;
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
}

function* fromWorker(job: ComposeJob): Generator<string> {
  const tsxApi = tsxApiUrl();
  if (tsxApi === undefined) {
    yield* inThread(job);
    return;
  }
  const { port1, port2 } = new MessageChannel();
  const state = new Int32Array(new SharedArrayBuffer(12));
  let worker: Worker;
  try {
    worker = new Worker(BOOT, { eval: true, workerData: { job, port: port2, state: state.buffer, moduleUrl: import.meta.url, tsxApi }, transferList: [port2] });
  } catch {
    port1.close();
    yield* inThread(job);
    return;
  }
  worker.unref();
  // Seen only once this thread is idle again; the boot code reports failures through `state` itself.
  worker.on('error', () => {
    Atomics.store(state, 1, 1);
    Atomics.notify(state, 0);
  });
  let given = 0;
  try {
    let lastProgress = performance.now();
    while (given < job.seeds.length) {
      const m = receiveMessageOnPort(port1);
      if (m) {
        Atomics.add(state, 2, 1);
        Atomics.notify(state, 2);
        for (const t of m.message as string[]) yield t;
        given += (m.message as string[]).length;
        lastProgress = performance.now();
        continue;
      }
      if (Atomics.load(state, 1) !== 0 || performance.now() - lastProgress > STALL_MS) {
        // The worker could not start (or stopped): write the rest here.
        yield* inThread(job, given);
        return;
      }
      Atomics.wait(state, 0, Atomics.load(state, 0), 50);
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
}

let mode: 'thread' | 'worker' | 'fallback' | null = null;

/** How the last job's notes were written: in the calling thread, by a worker, or here after a worker could not start. */
export function lastComposeMode(): 'thread' | 'worker' | 'fallback' | null {
  return mode;
}

/** The notes of `job`, in order. */
export function composeTexts(job: ComposeJob, useWorker = job.seeds.length >= WORKER_MIN_NOTES): Iterable<string> {
  mode = useWorker ? 'worker' : 'thread';
  return useWorker ? fromWorker(job) : inThread(job);
}
