import { useEffect, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, issuesOf } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { FigureWithTable, MonthlyFigure, useCategoryLabel } from './FigureCharts';
import { ExportSection } from './ExportSection';
import { KeyFigures, PlacementSection, QualitySection } from './KeyFigures';
import { StatisticsValues } from '../settings/RuleSections';
import { SettingsLink } from '../settings/SettingsLink';
import '../settings/settings.css';
import { OutcomesSection } from './OutcomesSection';
import { periodLabel, periodOf, type PeriodKind } from './period';
import { useStatisticsStore } from './statistics-store';
import './statistics.css';

/** "Statistik": the dashboard for a period against the same period a year earlier, and the anonymised export. */
export function StatisticsPage() {
  const { t } = useTranslation();
  const dashboard = useStatisticsStore((s) => s.dashboard);
  const loading = useStatisticsStore((s) => s.loading);
  const error = useStatisticsStore((s) => s.error);
  const load = useStatisticsStore((s) => s.load);
  const categoryLabel = useCategoryLabel();

  useEffect(() => {
    if (!useStatisticsStore.getState().dashboard) void load();
  }, [load]);

  return (
    <section className="page statistics-page">
      <PageHeading>{t('statistics.title')}</PageHeading>
      <p className="internal-print-banner">{t('statistics.internalPrint')}</p>
      <p className="lead">{t('statistics.intro')}</p>
      <PeriodPicker />
      <p role="status" className="search-status">
        {loading ? t('statistics.loading') : dashboard ? t('statistics.period.showing', { period: periodLabel(dashboard.period), comparison: periodLabel(dashboard.comparison) }) : ''}
      </p>
      {error ? <Alert>{[describeError(error), ...issuesOf(error).map((i) => i.message)].join(' ')}</Alert> : null}
      {dashboard ? (
        <>
          <KeyFigures dashboard={dashboard} />
          <MonthlyFigure monthly={dashboard.monthly} />
          <div className="figure-grid">
            {dashboard.breakdowns.map((b) => (
              <FigureWithTable
                key={b.id}
                id={b.id}
                title={t(`statistics.breakdowns.${b.id}`)}
                rows={b.categories.filter((c) => c.current > 0 || c.previous > 0).map((c) => ({ label: categoryLabel(b, c), current: c.current, previous: c.previous }))}
                total={b.currentTotal !== null && b.previousTotal !== null ? { current: b.currentTotal, previous: b.previousTotal } : null}
                currentLabel={periodLabel(dashboard.period)}
                previousLabel={periodLabel(dashboard.comparison)}
                categoryLabel={t('statistics.columns.category')}
              />
            ))}
          </div>
          <QualitySection dashboard={dashboard} />
          <PlacementSection dashboard={dashboard} />
          <OutcomesSection dashboard={dashboard} />
          <ExportSection />
          <section className="figure figure-wide no-print" aria-labelledby="stat-settings-title">
            <h2 id="stat-settings-title" className="figure-title">
              {t('statistics.settings.title')}
            </h2>
            <StatisticsValues statistics={dashboard.settings} />
            <SettingsLink section="statistics">{t('unitSettings.links.statistics')}</SettingsLink>
          </section>
        </>
      ) : null}
    </section>
  );
}

function PeriodPicker() {
  const { t } = useTranslation();
  const choice = useStatisticsStore((s) => s.choice);
  const setChoice = useStatisticsStore((s) => s.setChoice);
  const load = useStatisticsStore((s) => s.load);
  const valid = periodOf(choice) !== null;
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 11 }, (_, i) => String(thisYear - i)).map((y) => ({ value: y, label: y }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void load();
  };
  return (
    <form className="period-picker no-print" onSubmit={onSubmit} aria-label={t('statistics.period.legend')}>
      <SelectField
        id="period-kind"
        label={t('statistics.period.kind')}
        value={choice.kind}
        onChange={(v) => setChoice({ kind: v as PeriodKind })}
        options={(['month', 'quarter', 'year', 'custom'] as const).map((k) => ({ value: k, label: t(`statistics.period.kinds.${k}`) }))}
      />
      {choice.kind !== 'custom' ? <SelectField id="period-year" label={t('statistics.period.year')} value={String(choice.year)} onChange={(v) => setChoice({ year: Number(v) })} options={years} /> : null}
      {choice.kind === 'month' ? (
        <SelectField
          id="period-month"
          label={t('statistics.period.month')}
          value={String(choice.month)}
          onChange={(v) => setChoice({ month: Number(v) })}
          options={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: new Date(2000, i, 1).toLocaleDateString('sv-SE', { month: 'long' }) }))}
        />
      ) : null}
      {choice.kind === 'quarter' ? (
        <SelectField id="period-quarter" label={t('statistics.period.quarter')} value={String(choice.quarter)} onChange={(v) => setChoice({ quarter: Number(v) })} options={[1, 2, 3, 4].map((n) => ({ value: String(n), label: t('statistics.period.quarterN', { n }) }))} />
      ) : null}
      {choice.kind === 'custom' ? (
        <>
          <TextField id="period-from" label={t('statistics.period.from')} value={choice.from} onChange={(v) => setChoice({ from: v.trim() })} placeholder="ÅÅÅÅ-MM" inputMode="numeric" maxLength={7} error={valid ? null : t('statistics.period.invalid')} />
          <TextField id="period-to" label={t('statistics.period.to')} value={choice.to} onChange={(v) => setChoice({ to: v.trim() })} placeholder="ÅÅÅÅ-MM" inputMode="numeric" maxLength={7} />
        </>
      ) : null}
      <button type="submit" className="button button-primary" disabled={!valid}>
        {t('statistics.period.show')}
      </button>
    </form>
  );
}
