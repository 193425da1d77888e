import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { navigate, selectCaseFilters, useNavigationStore, type CaseFilters } from '../../app/navigation-store';
import { useVirtualRows } from '../../app/use-virtual-rows';
import { checkDate } from '../../app/validation';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { CASE_STATUSES, INTAKE_SOURCES, VIOLENCE_TYPES, type CaseStatus, type IntakeSource, type ViolenceType } from '../../../src-main/domain/vocabulary';
import type { CaseListItem } from '../../../src-main/features/cases/contract';
import { fullName } from '../persons/person-format';
import { useWorkersStore } from '../workers/workers-store';
import { selectHasMore, useCasesStore } from './cases-store';
import './cases.css';

/** Fixed row height of the list (px): the virtual window is computed from it, and the CSS holds every row to it. */
export const CASE_ROW_HEIGHT = 52;
/** When the window comes this close to the last loaded row, the next page is fetched. */
const LOAD_AHEAD_ROWS = 30;

/** The unit's cases, newest intake first: filtered, paged with a keyset, and virtualised so 50,000 stay smooth. */
export function CaseListPage() {
  const { t } = useTranslation();
  const filters = useNavigationStore(selectCaseFilters);
  const items = useCasesStore((s) => s.items);
  const loading = useCasesStore((s) => s.loadingList);
  const loaded = useCasesStore((s) => s.listLoaded);
  const error = useCasesStore((s) => s.listError);
  const hasMore = useCasesStore(selectHasMore);
  const loadList = useCasesStore((s) => s.loadList);
  const loadMore = useCasesStore((s) => s.loadMore);

  // Read afresh whenever the list is shown or the filters change: colleagues may have opened cases since.
  useEffect(() => {
    void loadList(filters);
  }, [loadList, filters]);

  const filtered = Object.keys(filters).length > 0;

  return (
    <section className="page">
      <div className="page-head">
        <PageHeading>{t('cases.title')}</PageHeading>
        <div className="button-row">
          <button type="button" className="button" onClick={() => navigate({ name: 'placements-import', kind: 'case_log' })}>
            {t('caseLogImport.open')}
          </button>
          <button type="button" className="button button-primary" onClick={() => navigate({ name: 'case-new' })}>
            {t('cases.newIntake')}
          </button>
        </div>
      </div>
      <CaseFiltersBar filters={filters} />
      {error ? (
        <Alert>
          <p>{describeError(error)}</p>
        </Alert>
      ) : null}
      {loaded && items.length === 0 ? <p className="empty">{filtered ? t('cases.emptyFiltered') : t('cases.empty')}</p> : null}
      {items.length > 0 ? (
        <>
          <CaseTable items={items} hasMore={hasMore} loading={loading} stalled={Boolean(error)} onNearEnd={loadMore} />
          <div className="list-foot">
            <p role="status">{hasMore ? t('cases.shownMore', { count: items.length }) : t('cases.shown', { count: items.length })}</p>
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

function CaseTable({ items, hasMore, loading, stalled, onNearEnd }: { items: CaseListItem[]; hasMore: boolean; loading: boolean; stalled: boolean; onNearEnd: () => Promise<void> }) {
  const { t } = useTranslation();
  const v = useVirtualRows<HTMLDivElement>(items.length, { rowHeight: CASE_ROW_HEIGHT, offsetTop: 44 });

  // Scrolling near the end fetches the next page (not after a failure: then "Visa fler" retries).
  useEffect(() => {
    if (hasMore && !loading && !stalled && v.end >= items.length - LOAD_AHEAD_ROWS) void onNearEnd();
  }, [hasMore, loading, stalled, v.end, items.length, onNearEnd]);

  const visible = items.slice(v.start, v.end);
  return (
    <div ref={v.ref} onScroll={v.onScroll} className="virtual-scroll" data-testid="case-list" tabIndex={-1}>
      <table className="table table-fixed case-table" aria-rowcount={items.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" className="col-number">
              {t('cases.colNumber')}
            </th>
            <th scope="col" className="col-date">
              {t('cases.colIntake')}
            </th>
            <th scope="col">{t('cases.colSource')}</th>
            <th scope="col" className="col-person">
              {t('cases.colMainPerson')}
            </th>
            <th scope="col" className="col-status">
              {t('cases.colStatus')}
            </th>
            <th scope="col">{t('cases.colWorker')}</th>
          </tr>
        </thead>
        <tbody>
          {v.padTop > 0 ? (
            <tr className="virtual-pad" aria-hidden="true" style={{ height: v.padTop }}>
              <td colSpan={6} />
            </tr>
          ) : null}
          {visible.map((c, i) => (
            <tr key={c.id} aria-rowindex={v.start + i + 2} className={c.mainPerson.protectionLevel === 'none' ? 'case-row' : 'case-row row-protected'}>
              <td>
                <button type="button" className="link-button cell-number" onClick={() => navigate({ name: 'case', caseId: c.id })}>
                  {c.caseNumber}
                </button>
              </td>
              <td className="cell-nowrap">{c.intakeDate}</td>
              <td className="cell-clip">{t(`vocab.intakeSource.${c.intakeSource}`)}</td>
              <td className="cell-clip">
                <span className="person-cell">
                  {fullName(c.mainPerson)} <ProtectionMarker level={c.mainPerson.protectionLevel} />
                </span>
              </td>
              <td className="cell-clip">{t(`vocab.status.${c.status}`)}</td>
              <td className="cell-clip">{c.assignedWorkerName}</td>
            </tr>
          ))}
          {v.padBottom > 0 ? (
            <tr className="virtual-pad" aria-hidden="true" style={{ height: v.padBottom }}>
              <td colSpan={6} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

/** Status, worker, violence type, source and intake period. Choices apply at once; a date applies when it is a whole date. */
function CaseFiltersBar({ filters }: { filters: CaseFilters }) {
  const { t } = useTranslation();
  const setFilters = useNavigationStore((s) => s.setCaseFilters);
  const workers = useWorkersStore((s) => s.workers);
  const loadWorkers = useWorkersStore((s) => s.load);
  const [from, setFrom] = useState(filters.from ?? '');
  const [to, setTo] = useState(filters.to ?? '');
  const [dateErrors, setDateErrors] = useState<{ from?: string | undefined; to?: string | undefined }>({});

  useEffect(() => {
    void loadWorkers();
  }, [loadWorkers]);

  const apply = (patch: CaseFilters) => setFilters({ ...filters, ...patch });

  const onDate = (which: 'from' | 'to', value: string, final: boolean) => {
    (which === 'from' ? setFrom : setTo)(value);
    const finding = checkDate(value);
    const other = which === 'from' ? to : from;
    const [f, tt] = which === 'from' ? [value.trim(), other.trim()] : [other.trim(), value.trim()];
    if (finding) {
      // Half-typed dates wait; the message comes when the worker leaves the field.
      setDateErrors((e) => ({ ...e, [which]: final ? t(`validation.${finding}`) : undefined }));
      return;
    }
    if (f && tt && !checkDate(f) && !checkDate(tt) && f > tt) {
      setDateErrors({ to: t('validation.periodOrder') });
      return;
    }
    setDateErrors({});
    if ((filters[which] ?? '') !== value.trim()) apply({ [which]: value.trim() || undefined });
  };

  const clearAll = () => {
    setFrom('');
    setTo('');
    setDateErrors({});
    setFilters({});
  };

  return (
    <div className="toolbar filters" role="search" aria-label={t('cases.filtersLabel')}>
      <SelectField
        id="case-status-filter"
        label={t('cases.statusFilter')}
        value={filters.status ?? ''}
        onChange={(v) => apply({ status: (v || undefined) as CaseStatus | undefined })}
        options={[{ value: '', label: t('cases.allStatuses') }, ...CASE_STATUSES.map((s) => ({ value: s, label: t(`vocab.status.${s}`) }))]}
      />
      <SelectField
        id="case-worker-filter"
        label={t('cases.workerFilter')}
        value={filters.workerId ?? ''}
        onChange={(v) => apply({ workerId: v || undefined })}
        options={[{ value: '', label: t('cases.allWorkers') }, ...workers.map((w) => ({ value: w.id, label: w.active ? w.name : t('cases.inactiveWorker', { name: w.name }) }))]}
      />
      <SelectField
        id="case-type-filter"
        label={t('cases.typeFilter')}
        value={filters.violenceType ?? ''}
        onChange={(v) => apply({ violenceType: (v || undefined) as ViolenceType | undefined })}
        options={[{ value: '', label: t('cases.allTypes') }, ...VIOLENCE_TYPES.map((x) => ({ value: x, label: t(`vocab.violenceType.${x}`) }))]}
      />
      <SelectField
        id="case-source-filter"
        label={t('cases.sourceFilter')}
        value={filters.intakeSource ?? ''}
        onChange={(v) => apply({ intakeSource: (v || undefined) as IntakeSource | undefined })}
        options={[{ value: '', label: t('cases.allSources') }, ...INTAKE_SOURCES.map((x) => ({ value: x, label: t(`vocab.intakeSource.${x}`) }))]}
      />
      <TextField
        id="case-from-filter"
        label={t('cases.fromFilter')}
        hint={t('common.dateHint')}
        value={from}
        onChange={(v) => onDate('from', v, false)}
        onBlur={() => onDate('from', from, true)}
        error={dateErrors.from}
        inputMode="numeric"
        autoComplete="off"
        className="input-date"
      />
      <TextField
        id="case-to-filter"
        label={t('cases.toFilter')}
        hint={t('common.dateHint')}
        value={to}
        onChange={(v) => onDate('to', v, false)}
        onBlur={() => onDate('to', to, true)}
        error={dateErrors.to}
        inputMode="numeric"
        autoComplete="off"
        className="input-date"
      />
      {Object.keys(filters).length > 0 || from || to ? (
        <div className="field filter-clear">
          <button type="button" className="button" onClick={clearAll}>
            {t('cases.clearFilters')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
