import { chromium, type Browser, type Page } from '@playwright/test';
import { playwrightPdfOptions, type PdfLayout } from '../../src-main/print/pdf-options.js';
import { PRINT_ROUTE_HASH, type PrintDelivery, type PrintEngine, type PrintModel } from '../../src-main/print/engine.js';
import { CHROMIUM_ARGS, findChromium } from './browser.js';

/**
 * The print engine of the test host and the benchmark: Playwright's
 * Chromium on the same print route the desktop app uses, with the same PDF
 * layout. Started at the first print and kept warm. "Deliver" sends the PDF
 * back to the page, which offers it as a download (browser mode has no
 * save dialog); there is no system printer.
 */
export class PlaywrightPrintEngine implements PrintEngine {
  readonly printer = null;
  #browser: Browser | null = null;
  #page: Promise<Page> | null = null;
  #queue: Promise<unknown> = Promise.resolve();

  /** `rendererUrl`: where the built renderer's index.html is served. */
  constructor(private readonly rendererUrl: string) {}

  #ready(): Promise<Page> {
    this.#page ??= (async () => {
      this.#browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
      const page = await this.#browser.newPage();
      await page.goto(new URL(PRINT_ROUTE_HASH, this.rendererUrl).href);
      await page.waitForFunction(() => typeof (globalThis as unknown as { fristadPrint?: unknown }).fristadPrint === 'function');
      return page;
    })();
    return this.#page;
  }

  toPdf(model: PrintModel, layout: PdfLayout): Promise<Uint8Array> {
    const job = async () => {
      const page = await this.#ready();
      await page.evaluate((json) => (globalThis as unknown as { fristadPrint: (d: unknown) => Promise<void> }).fristadPrint(JSON.parse(json)), JSON.stringify(model));
      return new Uint8Array(await page.pdf(playwrightPdfOptions(layout)));
    };
    const next = this.#queue.then(job, job);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async deliver(pdf: Uint8Array, fileName: string): Promise<PrintDelivery> {
    return { outcome: 'download', fileName, pdfBase64: Buffer.from(pdf).toString('base64') };
  }

  async close(): Promise<void> {
    const b = this.#browser;
    this.#browser = null;
    this.#page = null;
    await b?.close();
  }
}

