import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { Dashboard } from '../../../src-main/features/statistics/contract';
import type { OutcomeMean, OutcomeRow } from '../../../src-main/features/statistics/figures/outcomes';

const SAFETY = '#1f5f8b';
const WELL_BEING = '#7a9a3a';
const NUMBER_COLUMNS = ['pairs', 'safetyChange', 'wellBeingChange', 'stoppedIntake', 'stoppedClosing', 'help'] as const;

/**
 * "Utfall": the change between the intake and the closing follow-up in cases
 * closed in the period, by service and for everyone followed up, and everyone
 * followed up in the same period a year earlier — a chart of the mean changes
 * with the full table beside it.
 */
export function OutcomesSection({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const o = dashboard.outcomes;
  const locale = i18n.language === 'sv' ? 'sv-SE' : 'en-GB';
  const label = (r: OutcomeRow) => (r.code === 'all' ? t('outcomes.stats.total') : r.code === 'none' ? t('outcomes.stats.none') : (r.label ?? t('statistics.otherCode')));
  const mean = (m: OutcomeMean, signed: boolean) => {
    if (m.mean === null) return '–';
    const text = m.mean.toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' });
    return `${text} (${t('outcomes.stats.answered', { count: m.answered })})`;
  };
  const share = (part: number, whole: number) => (whole === 0 ? '–' : t('outcomes.stats.share', { percent: Math.round((part / whole) * 100), part, whole }));
  const previousLabel = t('outcomes.stats.previousTotal');
  // The year before as a bar only when someone was followed up then: no bar is not a change of nought.
  const bars: [string, OutcomeRow][] = [...o.rows.map((r): [string, OutcomeRow] => [label(r), r]), [label(o.total), o.total], ...(o.previousTotal.pairs > 0 ? [[previousLabel, o.previousTotal] as [string, OutcomeRow]] : [])];
  const data = bars.map(([name, r]) => ({ label: name, safety: r.safetyChange.mean ?? 0, wellBeing: r.wellBeingChange.mean ?? 0 }));
  const anyPairs = o.total.pairs > 0 || o.previousTotal.pairs > 0;
  return (
    <section className="figure figure-wide" aria-labelledby="outcomes-stats-title" data-testid="outcome-figures">
      <h2 id="outcomes-stats-title" className="figure-title">
        {t('outcomes.stats.title')}
      </h2>
      <p className="field-hint">{t('outcomes.stats.intro')}</p>
      {o.total.pairs === 0 ? <p className="empty">{t('outcomes.stats.empty')}</p> : null}
      {!anyPairs ? null : (
        <div className="figure-body">
          <div className="figure-chart" aria-hidden="true">
            <BarChart width={420} height={Math.max(180, data.length * 44 + 70)} data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} />
              <XAxis type="number" domain={[-4, 4]} ticks={[-4, -2, 0, 2, 4]} />
              <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
              <ReferenceLine x={0} stroke="#555" />
              <Tooltip formatter={(v) => (typeof v === 'number' ? v.toLocaleString(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }) : v)} />
              <Legend />
              <Bar dataKey="safety" name={t('outcomes.stats.safetyChange')} fill={SAFETY} isAnimationActive={false} />
              <Bar dataKey="wellBeing" name={t('outcomes.stats.wellBeingChange')} fill={WELL_BEING} isAnimationActive={false} />
            </BarChart>
          </div>
          <table className="figure-table outcome-table">
            <caption className="visually-hidden">{t('outcomes.stats.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outcomes.stats.service')}</th>
                {NUMBER_COLUMNS.map((k) => (
                  <th key={k} scope="col" className="num">
                    {t(`outcomes.stats.${k}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {o.rows.map((r) => (
                <OutcomeTableRow key={r.code} r={r} label={label(r)} mean={mean} share={share} />
              ))}
            </tbody>
            <tfoot>
              <OutcomeTableRow r={o.total} label={label(o.total)} mean={mean} share={share} />
              <OutcomeTableRow r={o.previousTotal} label={previousLabel} mean={mean} share={share} />
            </tfoot>
          </table>
        </div>
      )}
      {o.total.pairs > 0 ? (
        <>
          <p className="field-hint">{t('outcomes.stats.multiNote')}</p>
          <p className="field-hint">{t('outcomes.stats.exportNote', { threshold: dashboard.settings.suppressionThreshold })}</p>
        </>
      ) : null}
    </section>
  );
}

function OutcomeTableRow({ r, label, mean, share }: { r: OutcomeRow; label: string; mean: (m: OutcomeMean, signed: boolean) => string; share: (part: number, whole: number) => string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{r.pairs}</td>
      <td className="num">{mean(r.safetyChange, true)}</td>
      <td className="num">{mean(r.wellBeingChange, true)}</td>
      <td className="num">{share(r.stoppedAtIntake.yes, r.pairs)}</td>
      <td className="num">{share(r.stoppedAtClosing.yes, r.pairs)}</td>
      <td className="num">{mean(r.help, false)}</td>
    </tr>
  );
}
