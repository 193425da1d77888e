import type { BrowserWindow, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { basename } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { electronPdfOptions, type PdfLayout } from './pdf-options.js';
import { renderCall, type PrintDelivery, type PrintEngine, type PrintModel } from './engine.js';

/**
 * The desktop app's print engine: one hidden, locked-down window on the
 * print route (made by window.ts), kept warm between jobs. Thin glue: the
 * Electron pieces come in from index.ts, so this file loads no `electron`.
 */
export interface ElectronPrintDeps {
  /** A hidden window with the app's secure preferences and no preload, already loading `url`. */
  createWindow: () => BrowserWindow;
  /** The window the save dialog belongs to. */
  parent: () => BrowserWindow | null;
  showSaveDialog: (parent: BrowserWindow | null, options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
}

export function createElectronPrintEngine(deps: ElectronPrintDeps): PrintEngine {
  let win: BrowserWindow | null = null;
  let loaded: Promise<void> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const ready = (): Promise<BrowserWindow> => {
    if (!win || win.isDestroyed()) {
      win = deps.createWindow();
      const w = win;
      loaded = new Promise<void>((ok, fail) => {
        w.webContents.once('did-finish-load', () => ok());
        w.webContents.once('did-fail-load', () => fail(new Error('print route failed to load')));
      });
    }
    const w = win;
    return loaded!.then(() => w);
  };

  /** One job at a time: the print window shows one document. */
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };

  const render = async (model: PrintModel) => {
    const w = await ready();
    await w.webContents.executeJavaScript(renderCall(model));
    return w;
  };

  return {
    toPdf: (model: PrintModel, layout: PdfLayout) =>
      serial(async () => {
        const w = await render(model);
        return new Uint8Array(await w.webContents.printToPDF(electronPdfOptions(layout)));
      }),
    async deliver(pdf: Uint8Array, fileName: string): Promise<PrintDelivery> {
      const r = await deps.showSaveDialog(deps.parent(), { title: 'Spara som PDF', defaultPath: fileName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      if (r.canceled || !r.filePath) return { outcome: 'cancelled' };
      await writeFile(r.filePath, pdf);
      return { outcome: 'saved', fileName: basename(r.filePath) };
    },
    printer: (model: PrintModel) =>
      serial(async () => {
        const w = await render(model);
        return new Promise<PrintDelivery>((ok, fail) => {
          w.webContents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success, reason) => {
            if (success) ok({ outcome: 'sent' });
            else if (reason === 'cancelled') ok({ outcome: 'cancelled' });
            else fail(new Error('print failed'));
          });
        });
      }),
    async close() {
      if (win && !win.isDestroyed()) win.destroy();
      win = null;
    },
  };
}
