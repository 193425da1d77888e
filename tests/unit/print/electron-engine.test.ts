import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { createElectronPrintEngine } from '../../../src-main/print/electron-engine.js';
import { pdfLayout } from '../../../src-main/print/pdf-options.js';
import { tempDir } from '../../support/temp.js';

/** A stand-in for the hidden print window: records what the engine runs in it. */
function fakeWindow() {
  const webContents = Object.assign(new EventEmitter(), {
    executeJavaScript: vi.fn(async (_code: string) => undefined),
    printToPDF: vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.4 fake')),
    print: vi.fn((_o: unknown, cb: (ok: boolean, reason: string) => void) => cb(false, 'cancelled')),
  });
  const win = { webContents, isDestroyed: () => false, destroy: vi.fn() };
  setTimeout(() => webContents.emit('did-finish-load'), 0);
  return win;
}

describe('the Electron print engine (glue, with Electron replaced)', () => {
  it('loads the print route once, hands each model over as JSON text, prints with the shared layout', async () => {
    const windows: ReturnType<typeof fakeWindow>[] = [];
    const engine = createElectronPrintEngine({
      createWindow: () => {
        const w = fakeWindow();
        windows.push(w);
        return w as unknown as BrowserWindow;
      },
      parent: () => null,
      showSaveDialog: vi.fn(),
    });
    const layout = pdfLayout({ unitName: 'Enheten', copyLabel: 'Klientkopia' });
    const hostile = { kind: 'safety_plan', text: '"); alert(1); ("</script>' };
    await engine.toPdf(hostile, layout);
    await engine.toPdf({ kind: 'safety_plan' }, layout);
    expect(windows).toHaveLength(1);
    const code = windows[0]!.webContents.executeJavaScript.mock.calls[0]![0];
    // The call's only argument is a JSON string literal: evaluating it gives back the model exactly.
    const arg = code.replace(/^window\.fristadPrint\(JSON\.parse\(/, '').replace(/\)\)$/, '');
    expect(JSON.parse(JSON.parse(arg) as string)).toEqual(hostile);
    expect(windows[0]!.webContents.printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', displayHeaderFooter: true, footerTemplate: layout.footerTemplate }));
    expect(await engine.printer!({ kind: 'x' })).toEqual({ outcome: 'cancelled' });
  });

  it('saves where the worker chooses, or reports a cancelled dialog', async () => {
    const dir = tempDir();
    const target = join(dir, 'plan.pdf');
    const showSaveDialog = vi.fn().mockResolvedValueOnce({ canceled: false, filePath: target }).mockResolvedValueOnce({ canceled: true, filePath: '' });
    const engine = createElectronPrintEngine({ createWindow: () => fakeWindow() as unknown as BrowserWindow, parent: () => null, showSaveDialog });
    expect(await engine.deliver(new Uint8Array([37, 80, 68, 70]), 'sakerhetsplan.pdf')).toEqual({ outcome: 'saved', fileName: 'plan.pdf' });
    expect(readFileSync(target, 'utf8')).toBe('%PDF');
    expect(showSaveDialog.mock.calls[0]![1]).toMatchObject({ defaultPath: 'sakerhetsplan.pdf' });
    expect(await engine.deliver(new Uint8Array([1]), 'x.pdf')).toEqual({ outcome: 'cancelled' });
  });
});
