import { useTranslation } from 'react-i18next';
import type { PrintedDocument } from '../../../src-main/features/print/models';
import { PrintInternalNote, PrintLayout, PrintSection } from '../../components/print/PrintLayout';

type Doc = Extract<PrintedDocument, { kind: 'action_plan' }>;

/** The printed action plan: goals, who does what by when, follow-up; signed by the person and the worker. */
export function ActionPlanPrint({ doc }: { doc: Doc }) {
  const { t } = useTranslation();
  const dash = '–';
  return (
    <PrintLayout
      letterhead={doc.letterhead}
      person={doc.person}
      facts={[
        { label: t('print.status'), value: t(`documents.actionPlan.status.${doc.status}`) },
        { label: t('print.responsibleWorker'), value: doc.workerName },
        { label: t('print.followUpOn'), value: doc.followUpOn ?? dash },
      ]}
      signatures={[
        doc.personSignedOn ? t('print.signedPersonOn', { date: doc.personSignedOn }) : t('print.signaturePerson'),
        doc.workerSignedOn ? t('print.signedWorkerOn', { date: doc.workerSignedOn }) : t('print.signatureWorker'),
      ]}
    >
      <PrintSection title={t('print.goals')}>
        <ol className="print-list">
          {doc.goals.map((g, i) => (
            <li key={i}>
              <span className="print-text">{g}</span>
            </li>
          ))}
        </ol>
      </PrintSection>
      <PrintSection title={t('print.actions')}>
        {doc.actions.length === 0 ? (
          <p>{t('print.noActions')}</p>
        ) : (
          <table className="print-table">
            <thead>
              <tr>
                <th scope="col">{t('print.what')}</th>
                <th scope="col">{t('print.who')}</th>
                <th scope="col">{t('print.byDate')}</th>
                <th scope="col">{t('print.followedUp')}</th>
                <th scope="col">{t('print.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {doc.actions.map((a, i) => (
                <tr key={i}>
                  <td className="print-text">{a.what}</td>
                  <td>{a.who}</td>
                  <td className="print-date">{a.byDate ?? dash}</td>
                  <td className="print-date">{a.followUpOn ?? dash}</td>
                  <td className="print-text">{a.outcome ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PrintSection>
      <PrintInternalNote note={doc.internalNote} />
    </PrintLayout>
  );
}
