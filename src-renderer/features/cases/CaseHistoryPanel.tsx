import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/dates';
import type { CaseDetail } from '../../../src-main/features/cases/contract';

/** Who moved the case along and when, and who has had it. */
export function CaseHistoryPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  return (
    <section className="case-section" aria-labelledby="case-history-title">
      <h2 id="case-history-title">{t('caseHistory.title')}</h2>
      <div className="history-grid">
        <div>
          <h3 className="sub-title">{t('caseHistory.statusTitle')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('caseHistory.date')}</th>
                <th scope="col">{t('caseHistory.change')}</th>
                <th scope="col">{t('caseHistory.by')}</th>
                <th scope="col">{t('caseHistory.recorded')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.statusHistory.map((h) => (
                <tr key={`${h.at}-${h.to}`}>
                  <td className="cell-nowrap">{h.date}</td>
                  <td>{h.from ? t('caseHistory.fromTo', { from: t(`vocab.status.${h.from}`), to: t(`vocab.status.${h.to}`) }) : t('caseHistory.opened')}</td>
                  <td>{h.workerName}</td>
                  <td className="cell-nowrap muted">{formatDateTime(h.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div>
          <h3 className="sub-title">{t('caseHistory.assignmentsTitle')}</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('caseHistory.worker')}</th>
                <th scope="col">{t('caseHistory.assignedBy')}</th>
                <th scope="col">{t('caseHistory.when')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.assignments.map((a) => (
                <tr key={`${a.at}-${a.workerName}`}>
                  <td>{a.workerName}</td>
                  <td>{a.assignedByName}</td>
                  <td className="cell-nowrap">{formatDateTime(a.at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
