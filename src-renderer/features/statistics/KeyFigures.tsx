import { useTranslation } from 'react-i18next';
import type { Dashboard, PlacementFigures, Share } from '../../../src-main/features/statistics/contract';
import { periodLabel } from './period';

const decimal = (n: number, lang: string) => n.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The national key figures, as counts and per 10,000 adult inhabitants. */
export function KeyFigures({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const hasPopulation = dashboard.settings.adultPopulation !== null;
  return (
    <section className="figure figure-wide" aria-labelledby="key-figures-title" data-testid="key-figures">
      <h2 id="key-figures-title" className="figure-title">
        {t('statistics.keyFigures.caption')}
      </h2>
      <table className="figure-table key-figures">
        <thead>
          <tr>
            <th scope="col">{t('statistics.columns.category')}</th>
            <th scope="col" className="num">
              {periodLabel(dashboard.period)}
            </th>
            {hasPopulation ? <th scope="col" className="num">{t('statistics.keyFigures.per10k')}</th> : null}
            <th scope="col" className="num">
              {periodLabel(dashboard.comparison)}
            </th>
            {hasPopulation ? <th scope="col" className="num">{t('statistics.keyFigures.per10k')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {dashboard.keyFigures.map((k) => (
            <tr key={k.id}>
              <th scope="row">{t(`statistics.keyFigures.${k.id}`)}</th>
              <td className="num key-number">{k.current}</td>
              {hasPopulation ? <td className="num">{k.currentPer10k === null ? '' : decimal(k.currentPer10k, i18n.language)}</td> : null}
              <td className="num key-number">{k.previous}</td>
              {hasPopulation ? <td className="num">{k.previousPer10k === null ? '' : decimal(k.previousPer10k, i18n.language)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      {hasPopulation ? null : <p className="field-hint">{t('statistics.keyFigures.noPopulation')}</p>}
    </section>
  );
}

/** Quality indicators the records can answer today. */
export function QualitySection({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const m = dashboard.quality.medianDaysToFirstContact;
  const q = dashboard.quality;
  const median = (v: number | null, cases: number) => (v === null ? t('statistics.quality.noMedian') : `${v === 1 ? t('statistics.quality.daysOne') : t('statistics.quality.days', { count: v })} (${t('statistics.quality.basedOn', { count: cases })})`);
  const share = (part: number, whole: number, none: string) => (whole === 0 ? none : t('statistics.quality.share', { part, whole, percent: Math.round((part / whole) * 100) }));
  const rows: [string, Share, string][] = [
    [t('statistics.quality.childrenOwn'), q.childrenWithOwnDecision, t('statistics.quality.noChildren')],
    [t('statistics.quality.riskWithin', { days: dashboard.settings.riskAssessmentDays }), q.riskAssessmentWithinDays, t('statistics.quality.noCases')],
    [t('statistics.quality.safetyPlan'), q.safetyPlan, t('statistics.quality.noCases')],
    [t('statistics.quality.accompanyingOwn'), q.accompanyingChildrenWithOwnDecision, t('statistics.quality.noChildren')],
  ];
  return (
    <section className="figure figure-wide" aria-labelledby="quality-title" data-testid="quality">
      <h2 id="quality-title" className="figure-title">
        {t('statistics.quality.title')}
      </h2>
      <table className="figure-table">
        <PeriodHead dashboard={dashboard} />
        <tbody>
          <tr>
            <th scope="row">{t('statistics.quality.median')}</th>
            <td>{median(m.current, m.currentCases)}</td>
            <td>{median(m.previous, m.previousCases)}</td>
          </tr>
          {rows.map(([label, v, none]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{share(v.current, v.currentOf, none)}</td>
              <td>{share(v.previous, v.previousOf, none)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Placements in protected housing: started, nights, cost, ended and average length, against a year earlier. */
export function PlacementSection({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'sv' ? 'sv-SE' : 'en-GB';
  const kronor = (ore: number) => t('statistics.placements.kronor', { amount: Math.round(ore / 100).toLocaleString(locale) });
  const rows: [string, (f: PlacementFigures) => string][] = [
    [t('statistics.placements.started'), (f) => String(f.started)],
    [t('statistics.placements.adultDays'), (f) => f.adultDays.toLocaleString(locale)],
    [t('statistics.placements.childDays'), (f) => f.childDays.toLocaleString(locale)],
    [t('statistics.placements.cost'), (f) => kronor(f.costOre)],
    [t('statistics.placements.ended'), (f) => String(f.ended)],
    [t('statistics.placements.averageDays'), (f) => (f.averageDays === null ? t('statistics.placements.noneEnded') : decimal(f.averageDays, i18n.language))],
  ];
  return (
    <section className="figure figure-wide" aria-labelledby="placements-title" data-testid="placement-figures">
      <h2 id="placements-title" className="figure-title">
        {t('statistics.placements.title')}
      </h2>
      <table className="figure-table">
        <PeriodHead dashboard={dashboard} numeric />
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td className="num">{value(dashboard.placements.current)}</td>
              <td className="num">{value(dashboard.placements.previous)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The head of a figure table: the category, the period and the same period a year earlier. */
function PeriodHead({ dashboard, numeric = false }: { dashboard: Dashboard; numeric?: boolean }) {
  const { t } = useTranslation();
  const cls = numeric ? 'num' : undefined;
  return (
    <thead>
      <tr>
        <th scope="col">{t('statistics.columns.category')}</th>
        <th scope="col" className={cls}>
          {periodLabel(dashboard.period)}
        </th>
        <th scope="col" className={cls}>
          {periodLabel(dashboard.comparison)}
        </th>
      </tr>
    </thead>
  );
}
