import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/dates';
import { describeError } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { TextField } from '../../components/TextField';
import { fullName } from '../persons/person-format';
import { formatOre } from './money';
import { PlacementsTable } from './PlacementsTable';
import { usePlacementsStore } from './placements-store';
import { YearCostReport } from './YearCostReport';
import './placements.css';

/** The unit's placements: reminders, what is going on now, and the month's cost for the budget. */
export function PlacementsPage() {
  const { t } = useTranslation();
  const current = usePlacementsStore((s) => s.current);
  const reminders = usePlacementsStore((s) => s.reminders);
  const loaded = usePlacementsStore((s) => s.overviewLoaded);
  const error = usePlacementsStore((s) => s.error);
  const loadOverview = usePlacementsStore((s) => s.loadOverview);

  useEffect(() => {
    void loadOverview();
  }, [loadOverview]);

  return (
    <section className="page">
      <div className="page-head">
        <PageHeading>{t('placements.title')}</PageHeading>
        <button type="button" className="button" onClick={() => navigate({ name: 'placements-import' })}>
          {t('placements.import')}
        </button>
      </div>
      {error ? <Alert>{describeError(error)}</Alert> : null}
      <section className="case-section" aria-labelledby="reminders-title">
        <h2 id="reminders-title">{t('placements.reminders')}</h2>
        {loaded && reminders.length === 0 ? <p className="empty">{t('placements.remindersEmpty')}</p> : null}
        {reminders.length > 0 ? (
          <ul className="reminder-list">
            {reminders.map((r) => (
              <li key={`${r.kind}:${r.placement.id}`} className={r.overdue ? 'reminder-overdue' : undefined}>
                <span className="cell-nowrap">{r.date}</span> {t(r.kind === 'planned_end' ? 'placements.reminderPlannedEnd' : 'placements.reminderFollowUp')}
                {r.overdue ? <span className="flag"> ({t('placements.overdue')})</span> : null}: {fullName(r.placement.person)} <ProtectionMarker level={r.placement.person.protectionLevel} />, {r.placement.shelter.name}{' '}
                <button type="button" className="link-button cell-number" onClick={() => navigate({ name: 'case', caseId: r.placement.caseId })}>
                  {r.placement.caseNumber}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <section className="case-section" aria-labelledby="current-title">
        <h2 id="current-title">{t('placements.current')}</h2>
        {loaded && current.length === 0 ? <p className="empty">{t('placements.currentEmpty')}</p> : null}
        {current.length > 0 ? <PlacementsTable placements={current} showCase /> : null}
        <p className="field-hint">{t('placements.dayRule')}</p>
      </section>
      <MonthlyCostReport />
      <YearCostReport />
    </section>
  );
}

function MonthlyCostReport() {
  const { t } = useTranslation();
  const monthly = usePlacementsStore((s) => s.monthly);
  const load = usePlacementsStore((s) => s.loadMonthly);
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void load(todayIso().slice(0, 7));
  }, [load]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month.trim())) {
      setError(t('validation.required'));
      return;
    }
    setError(null);
    void load(month.trim());
  };

  return (
    <section className="case-section" aria-labelledby="monthly-title">
      <h2 id="monthly-title">{t('placements.monthly')}</h2>
      <form className="form-row search-row" onSubmit={onSubmit} noValidate>
        <TextField id="monthly-month" label={t('placements.month')} hint="ÅÅÅÅ-MM" className="input-short" value={month} onChange={setMonth} error={error} />
        <button type="submit" className="button">{t('placements.monthShow')}</button>
      </form>
      {monthly ? (
        <>
          {monthly.rows.length === 0 ? <p className="empty">{t('placements.monthEmpty')}</p> : (
            <table className="table" aria-describedby="monthly-note">
              <caption className="visually-hidden">{t('placements.monthly')} {monthly.month}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('placements.shelter')}</th>
                  <th scope="col" className="cell-num">{t('placements.placementsCount')}</th>
                  <th scope="col" className="cell-num">{t('placements.adultDays')}</th>
                  <th scope="col" className="cell-num">{t('placements.childDays')}</th>
                  <th scope="col" className="cell-num">{t('placements.adultCost')}</th>
                  <th scope="col" className="cell-num">{t('placements.childCost')}</th>
                  <th scope="col" className="cell-num">{t('placements.cost')}</th>
                </tr>
              </thead>
              <tbody>
                {monthly.rows.map((r) => (
                  <tr key={r.shelterId}>
                    <th scope="row">{r.shelterName}</th>
                    <td className="cell-num">{r.placements}</td>
                    <td className="cell-num">{r.cost.adultDays}</td>
                    <td className="cell-num">{r.cost.childDays}</td>
                    <td className="cell-num cell-nowrap">{formatOre(r.cost.adultOre)}</td>
                    <td className="cell-num cell-nowrap">{formatOre(r.cost.childOre)}</td>
                    <td className="cell-num cell-nowrap">{formatOre(r.cost.totalOre)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="row-total">
                  <th scope="row">{t('placements.total')}</th>
                  <td className="cell-num">{monthly.rows.reduce((n, r) => n + r.placements, 0)}</td>
                  <td className="cell-num">{monthly.total.adultDays}</td>
                  <td className="cell-num">{monthly.total.childDays}</td>
                  <td className="cell-num cell-nowrap">{formatOre(monthly.total.adultOre)}</td>
                  <td className="cell-num cell-nowrap">{formatOre(monthly.total.childOre)}</td>
                  <td className="cell-num cell-nowrap" data-testid="monthly-total">{formatOre(monthly.total.totalOre)}</td>
                </tr>
              </tfoot>
            </table>
          )}
          <p id="monthly-note" className="field-hint">
            {t('placements.countedThrough', { date: monthly.countedThrough })} {t('placements.dayRule')}
            {monthly.total.unpricedDays > 0 ? <span className="flag"> {t('placements.unpriced', { count: monthly.total.unpricedDays })}</span> : null}
          </p>
        </>
      ) : null}
    </section>
  );
}
