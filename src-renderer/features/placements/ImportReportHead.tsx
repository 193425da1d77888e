import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RefusedRow } from '../../../src-main/features/imports/contract';

/**
 * The part every import report shares: rows accepted and refused, what the
 * import will make (before the commit), the refused rows each with every
 * reason so the worker can correct the file, and the heading of the
 * accepted rows that follow.
 */
export function ImportReportHead({ committed, accepted, refused, summary }: { committed: boolean; accepted: number; refused: readonly RefusedRow[]; summary: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
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
      {accepted > 0 ? <h3 className="sub-title">{t(committed ? 'imports.importedTitle' : 'imports.acceptedTitle')}</h3> : null}
    </>
  );
}
