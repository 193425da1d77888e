import type { Session } from '../../api/context.js';
import type { Core } from '../../core.js';
import { UNIT_TIME_ZONE } from '../../domain/audit-flags.js';
import { localIsoDate } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import type { PrintDelivery, PrintModel } from '../../print/engine.js';
import { pdfLayout } from '../../print/pdf-options.js';
import { flagRows, searchLog, type LogFilter, type LogRow } from './log-review.js';
import { readPrivacySettings } from './settings.js';

/** The most events one PDF holds; a wider filter is told to narrow down (the PDF says so too). */
export const LOG_PDF_LIMIT = 2000;

export type LogPdfFilter = Omit<LogFilter, 'after' | 'limit'>;

/** The print route's model of the filtered access log, for the minutes of a log review. */
export interface AccessLogPrint {
  kind: 'access_log';
  unitName: string;
  producedAt: string;
  producedByName: string;
  /** The filters as the reviewer chose them, in words (names and numbers resolved here). */
  filter: { workerName: string | null; personLabel: string | null; caseLabel: string | null; action: string | null; from: string | null; to: string | null };
  rows: Pick<LogRow, 'id' | 'at' | 'workerName' | 'action' | 'personId' | 'caseId' | 'label' | 'flags'>[];
  /** More events matched than the PDF holds: only the newest `limit` are in it. */
  truncated: boolean;
  limit: number;
}

/** The filtered log as the PDF's model: the same rows and flags as the review screen, newest first, up to the limit. */
export async function buildLogPrint(session: Session, f: LogPdfFilter, unitName: string): Promise<AccessLogPrint> {
  const found = await searchLog(session.db, { ...f, limit: LOG_PDF_LIMIT + 1 });
  const rows = await flagRows(session.db, found.slice(0, LOG_PDF_LIMIT), await readPrivacySettings(session.db));
  const db = session.db;
  const worker = f.workerId ? await db.selectFrom('workers').select('name').where('id', '=', f.workerId).executeTakeFirst() : undefined;
  const person = f.personId ? await db.selectFrom('persons').select(['first_name', 'last_name']).where('id', '=', f.personId).executeTakeFirst() : undefined;
  const kase = f.caseId ? await db.selectFrom('cases').select('case_number').where('id', '=', f.caseId).executeTakeFirst() : undefined;
  // A filter on a record deleted since (retention) is still a filter: say so rather than leave it out.
  const gone = 'gallrad';
  return {
    kind: 'access_log',
    unitName,
    producedAt: new Date().toISOString(),
    producedByName: session.worker.name,
    filter: {
      workerName: f.workerId ? (worker?.name ?? gone) : null,
      personLabel: f.personId ? (person ? `${person.first_name} ${person.last_name}` : gone) : null,
      caseLabel: f.caseId ? (kase?.case_number ?? gone) : null,
      action: f.action ?? null,
      from: f.from ?? null,
      to: f.to ?? null,
    },
    rows: rows.map((r) => ({ id: r.id, at: r.at, workerName: r.workerName, action: r.action, personId: r.personId, caseId: r.caseId, label: r.label, flags: r.flags })),
    truncated: found.length > LOG_PDF_LIMIT,
    limit: LOG_PDF_LIMIT,
  };
}

/**
 * The filtered access log as a PDF through the print engine, with the unit
 * and "Logguppföljning" in the page header and the secrecy marking in the
 * footer. Producing it is an audit event (`privacy.log_pdf`, flagged as an
 * export in the review) with the number of rows and which filters were used.
 */
export async function logToPdf(core: Core, session: Session, f: LogPdfFilter): Promise<PrintDelivery> {
  const engine = core.printEngine;
  if (!engine) throw new AppError('conflict', 'Utskrift är inte tillgänglig i den här miljön.');
  const model = await buildLogPrint(session, f, core.settings.unitName);
  const filters = (['workerId', 'personId', 'caseId', 'action', 'from', 'to'] as const).filter((k) => f[k]).join(',');
  await session.audit.append({ action: 'privacy.log_pdf', entityType: 'audit_log', detail: { results: model.rows.length, truncated: model.truncated, filters } });
  const pdf = await engine.toPdf(model as unknown as PrintModel, pdfLayout({ unitName: model.unitName, copyLabel: 'Logguppföljning' }));
  // The file name names no one: what it is and the date.
  return engine.deliver(pdf, `logguppfoljning-${localIsoDate(new Date(), UNIT_TIME_ZONE)}.pdf`);
}
