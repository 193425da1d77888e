import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import type { CaseLogReport } from '../../../src-main/features/imports/contract';
import { ImportReportHead } from './ImportReportHead';

/** The dry run or the result of a case-log import: counts, refused rows with reasons, and the cases that are (or were) made. */
export function CaseLogReportView({ report, busy, onCommit }: { report: CaseLogReport; busy: boolean; onCommit: () => void }) {
  const { t } = useTranslation();
  const n = report.accepted.length;
  return (
    <section className="case-section" aria-labelledby="import-step3">
      <h2 id="import-step3">{t('imports.step3')}</h2>
      {report.committed ? <Alert kind="success">{t('caseLogImport.committed', { count: n })}</Alert> : null}
      <ImportReportHead
        committed={report.committed}
        accepted={n}
        refused={report.refused}
        summary={
          <>
            {t('caseLogImport.newCases', { count: report.newCases, persons: report.newPersons })} {report.drafts > 0 ? t('caseLogImport.drafts', { count: report.drafts }) : null}
          </>
        }
      />
      {n > 0 ? (
        <table className="table import-accepted">
          <thead>
            <tr>
              <th scope="col">{t('imports.row')}</th>
              <th scope="col">{t('caseLogImport.caseReference')}</th>
              <th scope="col">{t('imports.fields.personalNumber')}</th>
              <th scope="col">{t('caseLogImport.person')}</th>
              <th scope="col">{t('caseLogImport.intakeDate')}</th>
              <th scope="col">{t('caseLogImport.status')}</th>
              <th scope="col">{t('caseLogImport.worker')}</th>
              <th scope="col">{t('caseLogImport.draft')}</th>
            </tr>
          </thead>
          <tbody>
            {report.accepted.slice(0, 200).map((a) => (
              <tr key={a.rowNumber}>
                <td className="cell-num">{a.rowNumber}</td>
                <td>{a.caseReference ?? '–'}</td>
                <td className="cell-number">{a.personalNumber ?? t('caseLogImport.noNumber')}</td>
                <td>
                  {a.name}
                  {a.newPerson ? <span className="import-new"> ({t('caseLogImport.newPerson')})</span> : null}
                </td>
                <td className="cell-nowrap">{a.intakeDate}</td>
                <td>{t(`caseLogImport.statuses.${a.status}`)}</td>
                <td>{a.workerName}</td>
                <td>{a.draft ? t('caseLogImport.draftYes') : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {!report.committed && n > 0 ? (
        <button type="button" className="button button-primary" onClick={onCommit} disabled={busy}>
          {t('imports.commit', { count: n })}
        </button>
      ) : null}
    </section>
  );
}
