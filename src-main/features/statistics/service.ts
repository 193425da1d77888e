import type { Session } from '../../api/context.js';
import type { Core } from '../../core.js';
import type { PrintDelivery } from '../../print/engine.js';
import { reportToPdf } from './report-pdf.js';
import { localIsoDate } from '../../domain/dates.js';
import { sameTimeLastYear, type MonthPeriod } from '../../domain/statistics-period.js';
import type { Dashboard, ExportFile, ExportFormat, ExportPreview, StatisticsSettings } from './contract.js';
import { MonthCounts } from './figures/counts.js';
import { dashboardFrom } from './figures/dashboard.js';
import { buildExport } from './export-sheet.js';
import { MIME, toCsv, toXlsx } from './export-files.js';
import { monthCountsFor } from './month-store.js';
import { serviceTypeLabels } from './queries.js';
import { readStatisticsSettings, writeStatisticsSettings } from './settings.js';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.js';

/**
 * The months a dashboard reads: the period, the same months a year earlier,
 * and the two calendar years of the per-month chart — from the kept monthly
 * counts (month-store.ts), recounting only months a change has struck off.
 */
async function monthCounts(trx: Transaction<Database>, period: MonthPeriod): Promise<MonthCounts> {
  const year = Number(period.to.slice(0, 4));
  const previous = sameTimeLastYear(period);
  const from = previous.from < `${year - 1}-01` ? previous.from : `${year - 1}-01`;
  return new MonthCounts(await monthCountsFor(trx, { from, to: `${year}-12` }));
}

async function compute(db: Transaction<Database>, period: MonthPeriod): Promise<{ dashboard: Dashboard; counts: MonthCounts }> {
  const settings = await readStatisticsSettings(db);
  const counts = await monthCounts(db, period);
  return { dashboard: dashboardFrom(counts, period, settings, await serviceTypeLabels(db)), counts };
}

/** The dashboard for a period of months. Aggregates only; the look is noted in the access log. */
export async function getDashboard(session: Session, period: MonthPeriod): Promise<Dashboard> {
  const { dashboard } = await session.db.transaction().execute((trx) => compute(trx, period));
  session.audit.note({ action: 'statistics.read', entityType: 'statistics', detail: { from: period.from, to: period.to } });
  return dashboard;
}

/** Exactly what an export of the period would write, cell by cell. */
export async function previewExport(session: Session, period: MonthPeriod, now: Date = new Date()): Promise<ExportPreview> {
  const { dashboard, counts } = await session.db.transaction().execute((trx) => compute(trx, period));
  session.audit.note({ action: 'statistics.preview', entityType: 'statistics', detail: { from: period.from, to: period.to } });
  return buildExport(dashboard, counts, dashboard.settings.suppressionThreshold, localIsoDate(now).slice(0, 7));
}

/** Writes the export file's bytes; the export is an audit event (who, when, which period, which format) in the same transaction as the read. */
export async function exportStatistics(session: Session, period: MonthPeriod, format: ExportFormat, now: Date = new Date()): Promise<ExportFile> {
  return session.db.transaction().execute(async (trx) => {
    const { dashboard, counts } = await compute(trx, period);
    const preview = buildExport(dashboard, counts, dashboard.settings.suppressionThreshold, localIsoDate(now).slice(0, 7));
    const bytes = format === 'csv' ? toCsv(preview.rows) : await toXlsx(preview.rows);
    await session.audit.record(trx, {
      action: 'statistics.export',
      entityType: 'statistics',
      detail: { from: period.from, to: period.to, format, threshold: preview.threshold, withheld: preview.withheld.length },
    });
    const name = period.from === period.to ? period.from : `${period.from}_${period.to}`;
    return { fileName: `fristad-statistik-${name}.${format}`, mimeType: MIME[format], base64: bytes.toString('base64'), preview };
  });
}

/**
 * The board report: the anonymised export's cells as an A4 PDF through the
 * print engine. Logged like every export (who, when, which period), in the
 * same transaction as the read.
 */
export async function exportReportPdf(core: Core, session: Session, period: MonthPeriod, now: Date = new Date()): Promise<PrintDelivery> {
  const preview = await session.db.transaction().execute(async (trx) => {
    const { dashboard, counts } = await compute(trx, period);
    const built = buildExport(dashboard, counts, dashboard.settings.suppressionThreshold, localIsoDate(now).slice(0, 7));
    await session.audit.record(trx, {
      action: 'statistics.export',
      entityType: 'statistics',
      detail: { from: period.from, to: period.to, format: 'pdf', threshold: built.threshold, withheld: built.withheld.length },
    });
    return built;
  });
  return reportToPdf(core, core.settings.unitName, preview);
}

export async function getStatisticsSettings(session: Session): Promise<StatisticsSettings> {
  return readStatisticsSettings(session.db);
}

/** Changes statistics settings (samordnare), logged. */
export async function updateStatisticsSettings(session: Session, patch: Partial<StatisticsSettings>): Promise<StatisticsSettings> {
  await session.db.transaction().execute(async (trx) => {
    await writeStatisticsSettings(trx, patch);
    await session.audit.record(trx, { action: 'statistics.settings', entityType: 'settings', detail: { keys: Object.keys(patch).join(',') } });
  });
  return readStatisticsSettings(session.db);
}
