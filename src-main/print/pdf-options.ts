/**
 * The one PDF layout every print engine uses: A4, margins, and the header
 * and footer Chromium prints on every page (the secrecy marking, the copy's
 * kind, page X of Y). Electron's printToPDF and Playwright's page.pdf take
 * the same layout through the two converters below.
 */

export const SECRECY_MARKING = 'Omfattas av sekretess enligt 26 kap. OSL';

export interface PdfLayout {
  headerTemplate: string;
  footerTemplate: string;
  /** Millimetres. */
  margin: { top: number; bottom: number; left: number; right: number };
}

/** Escapes text for Chromium's header/footer templates (HTML). */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const BAR = 'font-family: Arial, Helvetica, sans-serif; font-size: 8pt; color: #333; width: 100%; margin: 0 18mm; display: flex; justify-content: space-between;';

/** The layout for one document: its title and the kind of copy in the header of every page. */
export function pdfLayout(header: { unitName: string; copyLabel: string }): PdfLayout {
  return {
    headerTemplate: `<div style="${BAR}"><span>${escapeHtml(header.unitName)}</span><span style="font-weight: bold;">${escapeHtml(header.copyLabel)}</span></div>`,
    footerTemplate: `<div style="${BAR}"><span style="font-weight: bold;">${SECRECY_MARKING}</span><span>Sida <span class="pageNumber"></span> av <span class="totalPages"></span></span></div>`,
    margin: { top: 20, bottom: 18, left: 18, right: 18 },
  };
}

/** Playwright's `page.pdf` options. */
export function playwrightPdfOptions(l: PdfLayout) {
  const mm = (n: number) => `${n}mm`;
  return {
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: l.headerTemplate,
    footerTemplate: l.footerTemplate,
    margin: { top: mm(l.margin.top), bottom: mm(l.margin.bottom), left: mm(l.margin.left), right: mm(l.margin.right) },
  } as const;
}

/** Electron's `webContents.printToPDF` options (margins in inches). */
export function electronPdfOptions(l: PdfLayout) {
  const inch = (n: number) => n / 25.4;
  return {
    pageSize: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: l.headerTemplate,
    footerTemplate: l.footerTemplate,
    margins: { top: inch(l.margin.top), bottom: inch(l.margin.bottom), left: inch(l.margin.left), right: inch(l.margin.right) },
  } as const;
}
