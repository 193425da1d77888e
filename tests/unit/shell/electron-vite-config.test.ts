import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';

const root = join(import.meta.dirname, '../../..');

describe('electron.vite.config.ts', () => {
  it('builds main, a CommonJS preload at out/preload/preload.cjs, and the renderer into out/renderer', async () => {
    const config = (await import('../../../electron.vite.config.js')).default as Record<string, { build?: { outDir?: string; rollupOptions?: { output?: unknown } } }>;
    expect(config.main?.build?.outDir).toBe('out/main');
    expect(config.preload?.build?.outDir).toBe('out/preload');
    expect(config.preload?.build?.rollupOptions?.output).toEqual({ format: 'cjs', entryFileNames: '[name].cjs' });
    expect(config.renderer?.build?.outDir).toBe('out/renderer');
  });

  it('drops the strict CSP meta tag only from the dev server’s page (the shell sends the dev policy as a header)', async () => {
    const config = (await import('../../../electron.vite.config.js')).default as { renderer: { plugins: unknown[] } };
    const plugin = config.renderer.plugins.flat(3).find((p): p is Plugin => (p as Plugin | null)?.name === 'fristad:dev-server-csp');
    expect(plugin?.apply).toBe('serve');
    const transform = plugin?.transformIndexHtml as (html: string) => string;
    const html = readFileSync(join(root, 'src-renderer/index.html'), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    const dev = transform(html);
    expect(dev).not.toContain('Content-Security-Policy');
    expect(dev).toContain('<title>Fristad</title>');
  });
});
