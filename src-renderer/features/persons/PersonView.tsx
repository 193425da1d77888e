import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/dates';
import { describeError } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { isAddressProtected } from '../../../src-main/domain/vocabulary';
import type { PersonAddress, PersonDetail } from '../../../src-main/features/persons/contract';
import { fullName, identityText } from './person-format';
import { usePersonsStore } from './persons-store';
import { RevealAddressButton } from './RevealAddressButton';
import { PersonRiskHistory } from '../risk-assessments/RiskAssessmentsPanel';
import '../cases/documents.css';

/** One person: who they are, how to reach them, their protection, their cases, and "Öppna ärende". */
export function PersonView({ personId, notice }: { personId: string; notice?: 'already_registered' | 'saved' | undefined }) {
  const { t } = useTranslation();
  const open = usePersonsStore((s) => s.open);
  const hideAddress = usePersonsStore((s) => s.hideAddress);
  const person = usePersonsStore((s) => (s.current?.id === personId ? s.current : null));
  const loading = usePersonsStore((s) => s.loadingPerson);
  const error = usePersonsStore((s) => s.personError);

  useEffect(() => {
    void open(personId);
    // A protected address shown on purpose is hidden again when the page closes.
    return () => hideAddress();
  }, [personId, open, hideAddress]);

  if (error) return <Alert>{describeError(error)}</Alert>;
  if (!person) return <p className="loading">{loading ? t('common.loading') : ''}</p>;

  return (
    <section className="page">
      {notice === 'already_registered' ? <Alert kind="warning">{t('personView.alreadyRegistered')}</Alert> : null}
      {notice === 'saved' ? <Alert kind="success">{t('personView.saved')}</Alert> : null}
      <div className="page-head">
        <PageHeading>{fullName(person)}</PageHeading>
        <ProtectionMarker level={person.protectionLevel} />
        <button type="button" className="button" onClick={() => navigate({ name: 'person-edit', personId: person.id })}>
          {t('personView.edit')}
        </button>
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
      <h2>{t('contact.title')}</h2>
      <dl className="facts">
        <div className="facts-wide">
          <dt>{t('contact.address')}</dt>
          <dd>
            <AddressFact person={person} />
          </dd>
        </div>
        <div>
          <dt>{t('contact.phone')}</dt>
          <dd>{person.phone ?? t('common.missing')}</dd>
        </div>
        <div>
          <dt>{t('contact.email')}</dt>
          <dd>{person.email ?? t('common.missing')}</dd>
        </div>
        <div>
          <dt>{t('contact.language')}</dt>
          <dd>{person.language ?? t('common.missing')}</dd>
        </div>
        <div>
          <dt>{t('contact.interpreter')}</dt>
          <dd>{person.interpreterNeeded ? t('contact.interpreterYes') : t('contact.interpreterNo')}</dd>
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
              <tr key={`${c.caseId}-${c.role}`}>
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
      <PersonRiskHistory personId={person.id} />
    </section>
  );
}

export function formatAddress(a: PersonAddress): string {
  const place = [a.postalCode, a.city].filter(Boolean).join(' ');
  return [a.streetAddress, place].filter(Boolean).join(', ');
}

/** The address as the person's protection allows: shown, missing, or withheld until a deliberate (logged) look. */
function AddressFact({ person }: { person: PersonDetail }) {
  const { t } = useTranslation();
  const revealed = usePersonsStore((s) => (s.revealed?.personId === person.id ? s.revealed.address : null));
  const hideAddress = usePersonsStore((s) => s.hideAddress);
  if (person.address.kind === 'none') return <>{t('common.missing')}</>;
  if (person.address.kind === 'shown') return <>{formatAddress(person.address.address)}</>;
  if (revealed) {
    return (
      <span className="address-revealed">
        <span data-testid="revealed-address">{formatAddress(revealed) || t('common.missing')}</span>
        <span className="reveal-note">{t('address.revealedNote')}</span>
        <button type="button" className="button button-small" onClick={hideAddress}>
          {t('address.hide')}
        </button>
      </span>
    );
  }
  return (
    <span className="address-withheld">
      <span className="withheld-text">{t('address.withheld')}</span>
      <RevealAddressButton personId={person.id} personName={fullName(person)} />
    </span>
  );
}
