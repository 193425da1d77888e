import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sv } from '../../../src-renderer/i18n/sv';
import { en } from '../../../src-renderer/i18n/en';

/** Every `.ts` file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

/**
 * The audit actions the main process writes, read from its source: every
 * `feature.verb` string literal on a line that sets an action, and the
 * print outputs (`print.${output}`).
 */
function writtenActions(): Set<string> {
  const found = new Set<string>(['print.preview', 'print.pdf', 'print.paper']);
  for (const file of sources('src-main')) {
    if (file.includes(`${join('src-main', 'db')}`) || file.includes(join('src-main', 'demo'))) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!/\baction\b/.test(line)) continue;
      for (const m of line.matchAll(/'([a-z_]{3,}\.[a-z_]{2,})'/g)) found.add(m[1]!);
    }
  }
  return found;
}

describe('the access log speaks Swedish', () => {
  it('every action the app writes to the log has a label in the log review, in Swedish and English', () => {
    const actions = writtenActions();
    expect(actions.size).toBeGreaterThan(60);
    const key = (a: string) => a.replace('.', '__');
    const missingSv = [...actions].filter((a) => !(key(a) in sv.privacy.log.actions));
    const missingEn = [...actions].filter((a) => !(key(a) in en.privacy.log.actions));
    expect(missingSv).toEqual([]);
    expect(missingEn).toEqual([]);
  });
});
