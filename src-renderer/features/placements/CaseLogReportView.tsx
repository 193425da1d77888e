import { useTranslation } from 'react-i18next';
import type { CaseLogReport } from '../../../src-main/features/imports/contract';
import { ACCEPTED_ROWS_SHOWN, ImportReportSection } from './ImportReportSection';

/** The dry run or the result of a case-log import: counts, refused rows with reasons, and the cases that are (or were) made. */
export function CaseLogReportView({ report, busy, onCommit }: { report: CaseLogReport; busy: boolean; onCommit: () => void }) {
  const { t } = useTranslation();
  return (
    <ImportReportSection
      committed={report.committed}
      committedText={t('caseLogImport.committed', { count: report.accepted.length })}
      accepted={report.accepted.length}
      refused={report.refused}
      summary={
        <>
          {t('caseLogImport.newCases', { count: report.newCases, persons: report.newPersons })} {report.drafts > 0 ? t('caseLogImport.drafts', { count: report.drafts }) : null}
        </>
      }
      columns={
        <>
          <th scope="col">{t('caseLogImport.caseReference')}</th>
          <th scope="col">{t('imports.fields.personalNumber')}</th>
          <th scope="col">{t('caseLogImport.person')}</th>
          <th scope="col">{t('caseLogImport.intakeDate')}</th>
          <th scope="col">{t('caseLogImport.status')}</th>
          <th scope="col">{t('caseLogImport.worker')}</th>
          <th scope="col">{t('caseLogImport.draft')}</th>
        </>
      }
      rows={report.accepted.slice(0, ACCEPTED_ROWS_SHOWN).map((a) => (
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
      busy={busy}
      onCommit={onCommit}
    />
  );
}
