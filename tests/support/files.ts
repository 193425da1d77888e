import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** sha256 of every file in a folder (non-recursive), to prove nothing was written. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    try {
      out[name] = createHash('sha256').update(readFileSync(join(dir, name))).digest('hex');
    } catch {
      out[name] = 'dir';
    }
  }
  return out;
}
