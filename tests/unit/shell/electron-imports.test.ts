import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const srcMain = join(import.meta.dirname, '../../../src-main');

/** The Electron glue: the only files that may load `electron`, so the test host can run everything else in Node. */
const GLUE = ['index.ts', 'ipc-transport.ts', 'preload.ts', 'protocol.ts', 'window.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(d.name) ? [p] : [];
  });
}

/**
 * Loads of `electron` (or `electron/…`) that survive compilation: static and
 * dynamic imports, re-exports and require. `import type` is erased and so
 * does not count.
 */
function loadsElectron(code: string): boolean {
  const withoutTypeImports = code.replace(/\b(import|export)\s+type\s[^;]*?from\s*['"][^'"]+['"]/g, '');
  return /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"]electron(?:\/[^'"]*)?['"]/.test(withoutTypeImports);
}

describe('who imports electron', () => {
  it('the scanner sees the forms that matter', () => {
    expect(loadsElectron("import { app } from 'electron';")).toBe(true);
    expect(loadsElectron('import electron from "electron"')).toBe(true);
    expect(loadsElectron("import 'electron';")).toBe(true);
    expect(loadsElectron("const e = await import('electron');")).toBe(true);
    expect(loadsElectron("const { app } = require('electron');")).toBe(true);
    expect(loadsElectron("export { app } from 'electron/main';")).toBe(true);
    expect(loadsElectron("import type { WebContents } from 'electron';")).toBe(false);
    expect(loadsElectron("import { x } from './electron-ish.js';")).toBe(false);
  });

  it('only index.ts, window.ts, preload.ts, ipc-transport.ts and protocol.ts in src-main', () => {
    const offenders = sources(srcMain)
      .filter((f) => loadsElectron(readFileSync(f, 'utf8')))
      .map((f) => relative(srcMain, f).split(sep).join('/'))
      .filter((f) => !GLUE.includes(f));
    expect(offenders).toEqual([]);
  });

  it('each glue file exists and is the one that loads electron', () => {
    for (const f of GLUE) expect(loadsElectron(readFileSync(join(srcMain, f), 'utf8')), f).toBe(true);
  });
});
