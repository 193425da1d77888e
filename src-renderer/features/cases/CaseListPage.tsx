import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { SelectField } from '../../components/SelectField';
import { CASE_STATUSES, type CaseStatus } from '../../../src-main/domain/vocabulary';
import { fullName } from '../persons/person-format';
import { selectHasMore, useCasesStore } from './cases-store';

/** The unit's cases, newest intake first, fifty at a time. */
export function CaseListPage() {
  const { t } = useTranslation();
  const items = useCasesStore((s) => s.items);
  const statusFilter = useCasesStore((s) => s.statusFilter);
  const loading = useCasesStore((s) => s.loadingList);
  const loaded = useCasesStore((s) => s.listLoaded);
  const error = useCasesStore((s) => s.listError);
  const hasMore = useCasesStore(selectHasMore);
  const loadList = useCasesStore((s) => s.loadList);
  const loadMore = useCasesStore((s) => s.loadMore);

  // Read afresh each time the list is shown: colleagues may have opened cases since.
  useEffect(() => {
    void loadList(useCasesStore.getState().statusFilter);
  }, [loadList]);

  return (
    <section className="page">
      <div className="page-head">
        <PageHeading>{t('cases.title')}</PageHeading>
      </div>
      <div className="toolbar">
        <SelectField
          id="case-status-filter"
          label={t('cases.statusFilter')}
          value={statusFilter ?? ''}
          onChange={(v) => void loadList(v === '' ? null : (v as CaseStatus))}
          options={[{ value: '', label: t('cases.allStatuses') }, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`vocab.status.${s}`) }))]}
        />
        <p className="toolbar-note">{t('cases.newHint')}</p>
      </div>
      {error ? <Alert>{describeError(error)}</Alert> : null}
      {loaded && items.length === 0 ? <p className="empty">{statusFilter ? t('cases.emptyFiltered') : t('cases.empty')}</p> : null}
      {items.length > 0 ? (
        <>
          <table className="table" data-testid="case-list">
            <thead>
              <tr>
                <th scope="col">{t('cases.colNumber')}</th>
                <th scope="col">{t('cases.colIntake')}</th>
                <th scope="col">{t('cases.colSource')}</th>
                <th scope="col">{t('cases.colMainPerson')}</th>
                <th scope="col">{t('cases.colStatus')}</th>
                <th scope="col">{t('cases.colWorker')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id} className={c.mainPerson.protectionLevel === 'none' ? undefined : 'row-protected'}>
                  <td>
                    <button type="button" className="link-button cell-number" onClick={() => navigate({ name: 'case', caseId: c.id })}>
                      {c.caseNumber}
                    </button>
                  </td>
                  <td className="cell-nowrap">{c.intakeDate}</td>
                  <td>{t(`vocab.intakeSource.${c.intakeSource}`)}</td>
                  <td>
                    <span className="person-cell">
                      {fullName(c.mainPerson)} <ProtectionMarker level={c.mainPerson.protectionLevel} />
                    </span>
                  </td>
                  <td>{t(`vocab.status.${c.status}`)}</td>
                  <td>{c.assignedWorkerName}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="list-foot">
            <p role="status">{t('cases.shown', { count: items.length })}</p>
            {hasMore ? (
              <button type="button" className="button" onClick={() => void loadMore()} disabled={loading}>
                {loading ? t('common.loading') : t('cases.more')}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
      {loading && items.length === 0 ? <p className="loading">{t('common.loading')}</p> : null}
    </section>
  );
}
