import type { PdfLayout } from './pdf-options.js';

/**
 * Turning a printable route into PDF (or paper).
 *
 * The renderer bundle has a print route (`index.html#print`): it mounts no
 * app, calls no channel, and waits for `window.fristadPrint(model)`, which
 * renders the document and resolves when it is ready to print. An engine
 * loads that route once (warm), hands it each model, and prints the page
 * through Chromium: Electron's `webContents.printToPDF` / `print` in the
 * desktop app (electron-engine.ts), Playwright's `page.pdf` in the test host
 * and the benchmark (tests/support/playwright-print-engine.ts). Both take
 * the same layout (pdf-options.ts).
 *
 * To add a printable document:
 * 1. Main: build its model in a feature (`src-main/features/print/documents.ts`
 *    shows how), marking internal-only values with `internalOnly()`; never
 *    put an address in it except through `personForDocument`.
 * 2. Main: call `printDocument` (features/print/service.ts) — it filters the
 *    model for the variant (`forVariant`, the one client-copy rule), logs the
 *    print, and hands the result to the engine.
 * 3. Renderer: add a component for the model's `kind` to the print route's
 *    registry (`src-renderer/app/PrintApp.tsx`), inside `<PrintLayout>`.
 */

/** The model the print route receives: already filtered for its variant. `kind` picks the renderer component. */
export interface PrintModel {
  kind: string;
  [field: string]: unknown;
}

export type PrintDelivery =
  | { outcome: 'saved'; fileName: string }
  | { outcome: 'cancelled' }
  /** Browser mode: the PDF goes back to the page, which offers it as a download. */
  | { outcome: 'download'; fileName: string; pdfBase64: string }
  | { outcome: 'sent' };

export interface PrintEngine {
  /** Renders the model on the print route and returns the PDF. */
  toPdf(model: PrintModel, layout: PdfLayout): Promise<Uint8Array>;
  /** Hands a PDF to the worker: a save dialog in the desktop app, a download in the browser. */
  deliver(pdf: Uint8Array, fileName: string): Promise<PrintDelivery>;
  /** Prints through the system print dialog; null where there is none (browser mode). */
  readonly printer: ((model: PrintModel) => Promise<PrintDelivery>) | null;
  close(): Promise<void>;
}

/** The print route's address relative to the renderer's index. */
export const PRINT_ROUTE_HASH = '#print';

/** What an engine runs in the print route's page: render one model, resolve when ready. */
export function renderCall(model: PrintModel): string {
  // JSON text inside a JSON string: no way for model text to end the call.
  return `window.fristadPrint(JSON.parse(${JSON.stringify(JSON.stringify(model))}))`;
}
