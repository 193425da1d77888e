import type { ErrorPayload } from '../domain/errors.js';

/** What every invoke answers, over IPC and over the test host alike. */
export type InvokeResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ErrorPayload };
