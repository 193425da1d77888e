import type { Core } from '../../core.js';
import { AppError } from '../../domain/errors.js';
import type { MonthPeriod } from '../../domain/statistics-period.js';
import type { PrintDelivery, PrintModel } from '../../print/engine.js';
import { pdfLayout, SECRECY_MARKING, type PdfLayout } from '../../print/pdf-options.js';
import type { ExportPreview } from './contract.js';

/** The print route's model of the board report: the unit's name and the suppressed export, nothing else. */
export interface StatisticsReportPrint {
  kind: 'statistics_report';
  unitName: string;
  preview: ExportPreview;
}

/** The report's page frame: the unit and what it is in the header; in the footer that it is anonymised (it holds no secret of a person), and the page. */
export function reportLayout(unitName: string): PdfLayout {
  const l = pdfLayout({ unitName, copyLabel: 'Statistik för nämnden' });
  return { ...l, footerTemplate: l.footerTemplate.replace(SECRECY_MARKING, 'Avidentifierad statistik – små antal är dolda') };
}

/** A file name with the period only. */
export function reportFileName(period: MonthPeriod): string {
  return `fristad-namndrapport-${period.from === period.to ? period.from : `${period.from}_${period.to}`}.pdf`;
}

/**
 * The board report as a PDF through the print engine: exactly the cells of
 * the anonymised export (`preview`, made and logged by the caller in one
 * transaction), laid out for A4.
 */
export async function reportToPdf(core: Core, unitName: string, preview: ExportPreview): Promise<PrintDelivery> {
  const engine = core.printEngine;
  if (!engine) throw new AppError('conflict', 'Utskrift är inte tillgänglig i den här miljön.');
  const model: StatisticsReportPrint = { kind: 'statistics_report', unitName, preview };
  const pdf = await engine.toPdf(model as unknown as PrintModel, reportLayout(unitName));
  return engine.deliver(pdf, reportFileName(preview.period));
}
