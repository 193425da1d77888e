import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import type { RefusedRow } from '../../../src-main/features/imports/contract';

/** Accepted rows listed in the report; the rest are counted. */
export const ACCEPTED_ROWS_SHOWN = 200;

/**
 * Step 3 of every import, the dry run or its result: rows accepted and
 * refused, what the import will make (before the commit), the refused rows
 * each with every reason so the worker can correct the file, the accepted
 * rows (the kind's own columns, at most ACCEPTED_ROWS_SHOWN), and the commit
 * button until committed.
 */
export function ImportReportSection({
  committed,
  committedText,
  accepted,
  refused,
  summary,
  columns,
  rows,
  busy,
  onCommit,
}: {
  committed: boolean;
  committedText: string;
  accepted: number;
  refused: readonly RefusedRow[];
  summary: ReactNode;
  /** The header cells of the accepted rows' table. */
  columns: ReactNode;
  /** Its body rows. */
  rows: ReactNode;
  busy: boolean;
  onCommit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="case-section" aria-labelledby="import-step3">
      <h2 id="import-step3">{t('imports.step3')}</h2>
      {committed ? <Alert kind="success">{committedText}</Alert> : null}
      <p className="import-counts">
        <span className="count-accepted">{t(committed ? 'imports.imported' : 'imports.accepted', { count: accepted })}</span>
        {' · '}
        <span className="count-refused">{t('imports.refused', { count: refused.length })}</span>
      </p>
      {!committed && accepted > 0 ? <p>{summary}</p> : null}
      {refused.length > 0 ? (
        <>
          <h3 className="sub-title">{t('imports.refusedTitle')}</h3>
          <table className="table import-refused">
            <thead>
              <tr>
                <th scope="col">{t('imports.row')}</th>
                <th scope="col">{t('imports.reasons')}</th>
              </tr>
            </thead>
            <tbody>
              {refused.map((r) => (
                <tr key={r.rowNumber}>
                  <td className="cell-num">{r.rowNumber}</td>
                  <td>{r.reasons.join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {accepted > 0 ? (
        <>
          <h3 className="sub-title">{t(committed ? 'imports.importedTitle' : 'imports.acceptedTitle')}</h3>
          <table className="table import-accepted">
            <thead>
              <tr>
                <th scope="col">{t('imports.row')}</th>
                {columns}
              </tr>
            </thead>
            <tbody>{rows}</tbody>
          </table>
        </>
      ) : null}
      {!committed && accepted > 0 ? (
        <button type="button" className="button button-primary" onClick={onCommit} disabled={busy}>
          {t('imports.commit', { count: accepted })}
        </button>
      ) : null}
    </section>
  );
}
