import { useTranslation } from 'react-i18next';
import { formatDateTime, showDate } from '../../app/dates';
import type { AccessLogPrint } from '../../../src-main/features/privacy/log-pdf';
import { LogTableHead, useActionLabel } from './log-table';
import './privacy.css';

/**
 * The filtered access log as a document for the minutes of a log review, on
 * the print route (PrintApp). Calls no channel: main hands it the rows,
 * already flagged, and the filters in words.
 */
export function AccessLogDocument({ doc }: { doc: AccessLogPrint }) {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const f = doc.filter;
  const all = t('privacy.log.pdfAll');
  const period = f.from || f.to ? `${f.from ? showDate(f.from) : '…'} – ${f.to ? showDate(f.to) : '…'}` : t('privacy.log.pdfNoPeriod');
  const flagged = doc.rows.filter((r) => r.flags.length > 0).length;
  return (
    <article className="extract-document access-log-document" aria-labelledby="access-log-title">
      <p className="extract-confidential">{t('privacy.extract.confidential')}</p>
      <h2 id="access-log-title">{t('privacy.log.pdfTitle')}</h2>
      <p>{t('privacy.log.pdfProduced', { unit: doc.unitName, date: formatDateTime(doc.producedAt), name: doc.producedByName })}</p>
      <h3>{t('privacy.log.pdfSelection')}</h3>
      <dl className="facts">
        <dt>{t('privacy.log.period')}</dt>
        <dd>{period}</dd>
        <dt>{t('privacy.log.worker')}</dt>
        <dd>{f.workerName ?? all}</dd>
        <dt>{t('privacy.log.action')}</dt>
        <dd>{f.action ? actionLabel(f.action) : all}</dd>
        {f.personLabel ? (
          <>
            <dt>{t('privacy.log.personFilter')}</dt>
            <dd>{f.personLabel}</dd>
          </>
        ) : null}
        {f.caseLabel ? (
          <>
            <dt>{t('privacy.log.caseFilter')}</dt>
            <dd>{f.caseLabel}</dd>
          </>
        ) : null}
      </dl>
      <p>{t('privacy.log.pdfCount', { count: doc.rows.length, flagged })}</p>
      {doc.truncated ? <p className="access-log-truncated">{t('privacy.log.pdfTruncated', { limit: doc.limit })}</p> : null}
      {doc.rows.length === 0 ? (
        <p>{t('privacy.log.empty')}</p>
      ) : (
        <table className="table access-log-table">
          <LogTableHead />
          <tbody>
            {doc.rows.map((r) => (
              <tr key={r.id} className={r.flags.length ? 'log-row-flagged' : undefined}>
                <td className="cell-nowrap">{formatDateTime(r.at)}</td>
                <td>{r.workerName ?? '—'}</td>
                <td>{actionLabel(r.action)}</td>
                <td>{r.personId ? `${t('privacy.log.person')}: ${r.label ?? t('privacy.log.deleted')}` : r.caseId ? `${t('privacy.log.case')}: ${r.label ?? t('privacy.log.deleted')}` : '—'}</td>
                <td>{r.flags.map((x) => t(`privacy.log.flags.${x}`)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}
