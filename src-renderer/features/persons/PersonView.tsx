import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/dates';
import { describeError } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { isAddressProtected } from '../../../src-main/domain/vocabulary';
import { fullName, identityText } from './person-format';
import { usePersonsStore } from './persons-store';

/** One person: who they are, their protection, their cases, and "Öppna ärende". */
export function PersonView({ personId, notice }: { personId: string; notice?: 'already_registered' | undefined }) {
  const { t } = useTranslation();
  const open = usePersonsStore((s) => s.open);
  const person = usePersonsStore((s) => (s.current?.id === personId ? s.current : null));
  const loading = usePersonsStore((s) => s.loadingPerson);
  const error = usePersonsStore((s) => s.personError);

  useEffect(() => {
    void open(personId);
  }, [personId, open]);

  if (error) return <Alert>{describeError(error)}</Alert>;
  if (!person) return <p className="loading">{loading ? t('common.loading') : ''}</p>;

  return (
    <section className="page">
      {notice === 'already_registered' ? <Alert kind="warning">{t('personView.alreadyRegistered')}</Alert> : null}
      <div className="page-head">
        <PageHeading>{fullName(person)}</PageHeading>
        <ProtectionMarker level={person.protectionLevel} />
      </div>
      {isAddressProtected(person.protectionLevel) ? <Alert kind="warning">{t('personView.addressProtected')}</Alert> : null}
      <dl className="facts">
        <div>
          <dt>{t('personView.number')}</dt>
          <dd className="cell-number">{identityText(person)}</dd>
        </div>
        <div>
          <dt>{t('personView.gender')}</dt>
          <dd>{t(`vocab.gender.${person.gender}`)}</dd>
        </div>
        <div>
          <dt>{t('personForm.protection')}</dt>
          <dd>{t(`vocab.protection.${person.protectionLevel}`)}</dd>
        </div>
        <div>
          <dt>{t('personView.registered')}</dt>
          <dd>{formatDate(person.createdAt)}</dd>
        </div>
      </dl>
      <div className="section-head">
        <h2>{t('personView.cases')}</h2>
        <button type="button" className="button button-primary" onClick={() => navigate({ name: 'case-new', personId: person.id })}>
          {t('personView.openCase')}
        </button>
      </div>
      {person.cases.length === 0 ? (
        <p className="empty">{t('personView.noCases')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('personView.colCase')}</th>
              <th scope="col">{t('personView.colRole')}</th>
              <th scope="col">{t('personView.colStatus')}</th>
              <th scope="col">{t('personView.colIntake')}</th>
            </tr>
          </thead>
          <tbody>
            {person.cases.map((c) => (
              <tr key={c.caseId}>
                <td>
                  <button type="button" className="link-button cell-number" onClick={() => navigate({ name: 'case', caseId: c.caseId })}>
                    {c.caseNumber}
                  </button>
                </td>
                <td>{t(`vocab.role.${c.role}`)}</td>
                <td>{t(`vocab.status.${c.status}`)}</td>
                <td>{c.intakeDate}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
