import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../src-main/features/statistics/contract';
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
  const c = dashboard.quality.childrenWithOwnDecision;
  const median = (v: number | null, cases: number) => (v === null ? t('statistics.quality.noMedian') : `${v === 1 ? t('statistics.quality.daysOne') : t('statistics.quality.days', { count: v })} (${t('statistics.quality.basedOn', { count: cases })})`);
  const share = (part: number, whole: number) => (whole === 0 ? t('statistics.quality.noChildren') : t('statistics.quality.share', { part, whole, percent: Math.round((part / whole) * 100) }));
  return (
    <section className="figure figure-wide" aria-labelledby="quality-title" data-testid="quality">
      <h2 id="quality-title" className="figure-title">
        {t('statistics.quality.title')}
      </h2>
      <table className="figure-table">
        <thead>
          <tr>
            <th scope="col">{t('statistics.columns.category')}</th>
            <th scope="col">{periodLabel(dashboard.period)}</th>
            <th scope="col">{periodLabel(dashboard.comparison)}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('statistics.quality.median')}</th>
            <td>{median(m.current, m.currentCases)}</td>
            <td>{median(m.previous, m.previousCases)}</td>
          </tr>
          <tr>
            <th scope="row">{t('statistics.quality.childrenOwn')}</th>
            <td>{share(c.current, c.currentOf)}</td>
            <td>{share(c.previous, c.previousOf)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
