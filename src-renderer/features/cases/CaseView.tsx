import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/dates';
import { describeError } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { fullName, numberText } from '../persons/person-format';
import { useCasesStore } from './cases-store';

/** One case: its facts and the people in it with their roles and protection. */
export function CaseView({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const open = useCasesStore((s) => s.open);
  const close = useCasesStore((s) => s.close);
  const detail = useCasesStore((s) => (s.current?.id === caseId ? s.current : null));
  const loading = useCasesStore((s) => s.loadingCase);
  const error = useCasesStore((s) => s.caseError);

  useEffect(() => {
    void open(caseId);
    return () => close();
  }, [caseId, open, close]);

  if (error) return <Alert>{describeError(error)}</Alert>;
  if (!detail) return <p className="loading">{loading ? t('common.loading') : ''}</p>;

  return (
    <section className="page">
      <div className="page-head">
        <PageHeading>{t('caseView.title', { number: detail.caseNumber })}</PageHeading>
        <span className={`status-pill status-${detail.status}`}>{t(`vocab.status.${detail.status}`)}</span>
      </div>
      <dl className="facts">
        <div>
          <dt>{t('caseView.intakeDate')}</dt>
          <dd>{detail.intakeDate}</dd>
        </div>
        <div>
          <dt>{t('caseView.source')}</dt>
          <dd>{t(`vocab.intakeSource.${detail.intakeSource}`)}</dd>
        </div>
        <div>
          <dt>{t('caseView.worker')}</dt>
          <dd>{detail.assignedWorkerName}</dd>
        </div>
        <div>
          <dt>{t('caseView.created')}</dt>
          <dd>{formatDate(detail.createdAt)}</dd>
        </div>
        {detail.closedAt ? (
          <div>
            <dt>{t('caseView.closedAt')}</dt>
            <dd>{formatDate(detail.closedAt)}</dd>
          </div>
        ) : null}
      </dl>
      <h2>{t('caseView.violenceTypes')}</h2>
      <ul className="tag-list">
        {detail.violenceTypes.map((v) => (
          <li key={v} className="tag">
            {t(`vocab.violenceType.${v}`)}
          </li>
        ))}
      </ul>
      <h2>{t('caseView.persons')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('caseView.colName')}</th>
            <th scope="col">{t('caseView.colNumber')}</th>
            <th scope="col">{t('caseView.colRole')}</th>
            <th scope="col">{t('caseView.colProtection')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.persons.map((p) => (
            <tr key={`${p.personId}-${p.role}`} className={p.protectionLevel === 'none' ? undefined : 'row-protected'}>
              <td>
                <button type="button" className="link-button" onClick={() => navigate({ name: 'person', personId: p.personId })}>
                  {fullName(p)}
                </button>
              </td>
              <td className="cell-number">{numberText(p.personalNumber)}</td>
              <td>{t(`vocab.role.${p.role}`)}</td>
              <td>
                <ProtectionMarker level={p.protectionLevel} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
