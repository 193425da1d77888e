import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createLogger, type Logger } from './log.js';

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * The desktop app's log: JSON lines appended to `file`, readable only by the
 * user; the previous file kept as `.1` once it passes 5 MB. Writing never
 * throws: a full disk must not stop a worker. What goes in is the Logger's
 * business, and it takes codes and ids only, never personal data.
 */
export function createFileLogger(file: string): Logger {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) > MAX_BYTES) renameSync(file, `${file}.1`);
  } catch {
    // Logging is best effort.
  }
  return createLogger((line) => {
    try {
      appendFileSync(file, `${line}\n`, { mode: 0o600 });
    } catch {
      // Best effort, as above.
    }
  });
}
