import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { showDate } from '../../app/dates';
import { describeError } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { DecisionsSection } from '../decisions/DecisionsSection';
import { JournalSection } from '../journal/JournalSection';
import { fullName } from '../persons/person-format';
import { ServicesSection } from '../services/ServicesSection';
import { PlacementsSection } from '../placements/PlacementsSection';
import { OutcomesPanel } from '../outcomes/OutcomesPanel';
import { CaseAssignmentPanel } from './CaseAssignmentPanel';
import { CaseDocuments } from './CaseDocuments';
import { CaseFactsPanel } from './CaseFactsPanel';
import { CaseHistoryPanel } from './CaseHistoryPanel';
import { CasePeoplePanel } from './CasePeoplePanel';
import { CaseStatusPanel } from './CaseStatusPanel';
import { useCasesStore } from './cases-store';
import './cases.css';

/**
 * One case: status and its next steps, the worker, the facts, the people,
 * the journal, decisions and services, and the history. A closed case is
 * read-only, and says so.
 */
export function CaseView({ caseId, entryId }: { caseId: string; entryId?: string | undefined }) {
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

  const closed = detail.status === 'closed';
  const main = detail.persons.find((p) => p.personId === detail.mainPersonId);

  return (
    <section className="page case-page">
      <div className="page-head">
        <PageHeading>{t('caseView.title', { number: detail.caseNumber })}</PageHeading>
        <span className={`status-pill status-${detail.status}`}>{t(`vocab.status.${detail.status}`)}</span>
      </div>
      {detail.externalRef ? (
        <p className="case-external-ref">
          <span className="muted">{t('caseView.externalRef')}:</span> {detail.externalRef}
        </p>
      ) : null}
      {main ? (
        <p className="case-main-person">
          <span className="muted">{t('caseView.mainPerson')}:</span>{' '}
          <button type="button" className="link-button" onClick={() => navigate({ name: 'person', personId: main.personId })}>
            {fullName(main)}
          </button>{' '}
          <ProtectionMarker level={main.protectionLevel} />
        </p>
      ) : null}
      {closed ? (
        <Alert kind="info">
          {t('caseView.closedNote', { date: detail.closedAt ? showDate(detail.closedAt) : '', reason: detail.closingReason ? t(`vocab.closingReason.${detail.closingReason}`) : '' })}
        </Alert>
      ) : null}
      <div className="case-columns">
        <CaseStatusPanel detail={detail} />
        <CaseAssignmentPanel detail={detail} readOnly={closed} />
      </div>
      <CaseFactsPanel detail={detail} readOnly={closed} />
      <CasePeoplePanel detail={detail} readOnly={closed} />
      <CaseDocuments detail={detail} readOnly={closed} />
      <OutcomesPanel detail={detail} />
      <JournalSection caseId={detail.id} readOnly={closed} focusEntryId={entryId} />
      <DecisionsSection detail={detail} readOnly={closed} />
      <ServicesSection detail={detail} readOnly={closed} />
      <PlacementsSection detail={detail} readOnly={closed} />
      <CaseHistoryPanel detail={detail} />
    </section>
  );
}
