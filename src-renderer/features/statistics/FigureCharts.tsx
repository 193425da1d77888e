import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { Breakdown, Dashboard } from '../../../src-main/features/statistics/contract';

/** One row of a figure: a label and the two periods' counts. */
export interface FigureRow {
  label: string;
  current: number;
  previous: number;
}

const CURRENT = '#1f5f8b';
const PREVIOUS = '#9fb7c9';

/**
 * A chart with its table beside it: the table is the figure for screen
 * readers and for people who would rather read numbers; the chart is hidden
 * from assistive technology (it says the same).
 */
export function FigureWithTable({ id, title, rows, total, currentLabel, previousLabel, categoryLabel }: { id: string; title: string; rows: FigureRow[]; total: { current: number; previous: number } | null; currentLabel: string; previousLabel: string; categoryLabel: string }) {
  const height = Math.max(160, rows.length * 34 + 60);
  return (
    <section className="figure" aria-labelledby={`${id}-title`} data-testid={`figure-${id}`}>
      <h2 id={`${id}-title`} className="figure-title">
        {title}
      </h2>
      <div className="figure-body">
        <div className="figure-chart" aria-hidden="true">
          <BarChart width={420} height={height} data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            <Bar dataKey="current" name={currentLabel} fill={CURRENT} isAnimationActive={false} />
            <Bar dataKey="previous" name={previousLabel} fill={PREVIOUS} isAnimationActive={false} />
          </BarChart>
        </div>
        <FigureTable caption={title} rows={rows} total={total} currentLabel={currentLabel} previousLabel={previousLabel} categoryLabel={categoryLabel} />
      </div>
    </section>
  );
}

/** The numbers of a figure as a table: the figure itself for screen readers and for people who would rather read numbers. */
function FigureTable({ caption, rows, total, currentLabel, previousLabel, categoryLabel }: { caption: string; rows: FigureRow[]; total: { current: number; previous: number } | null; currentLabel: string; previousLabel: string; categoryLabel: string }) {
  const { t } = useTranslation();
  return (
    <table className="figure-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{categoryLabel}</th>
          <th scope="col" className="num">
            {currentLabel}
          </th>
          <th scope="col" className="num">
            {previousLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.current}</td>
            <td className="num">{r.previous}</td>
          </tr>
        ))}
      </tbody>
      {total ? (
        <tfoot>
          <tr>
            <th scope="row">{t('statistics.columns.total')}</th>
            <td className="num">{total.current}</td>
            <td className="num">{total.previous}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** The label of a breakdown's category in the worker's language. */
export function useCategoryLabel(): (b: Breakdown, c: Breakdown['categories'][number]) => string {
  const { t, i18n } = useTranslation();
  return (b, c) => {
    if (b.id === 'services') return c.label ?? t('statistics.otherCode');
    if (c.code === 'unknown') return b.id === 'age_band' ? t('statistics.ageBand.unknown') : t('statistics.unknown');
    const key: Record<string, string> = {
      source: 'vocab.intakeSource',
      violence_type: 'vocab.violenceType',
      gender: 'vocab.gender',
      age_band: 'statistics.ageBand',
      relation: 'vocab.relation',
      children: 'vocab.exposure',
      decisions: 'vocab.outcome',
      closing_reason: 'vocab.closingReason',
      risk_level: 'documents.level',
      placement_destination: 'placementVocab.destination',
      placed_children_consent: 'placementVocab.consent',
    };
    const full = `${key[b.id]}.${c.code}`;
    return i18n.exists(full) ? t(full as 'statistics.unknown') : t('statistics.otherCode');
  };
}

/** New cases per month, this year against last: the board's question. */
export function MonthlyFigure({ monthly }: { monthly: Dashboard['monthly'] }) {
  const { t, i18n } = useTranslation();
  const monthName = (m: number) => new Date(2000, m - 1, 1).toLocaleDateString(i18n.language === 'sv' ? 'sv-SE' : 'en-GB', { month: 'short' });
  const data = monthly.months.map((m) => ({ label: monthName(m.month), current: m.current, previous: m.previous }));
  const cur = String(monthly.year);
  const prev = String(monthly.year - 1);
  return (
    <section className="figure figure-wide" aria-labelledby="monthly-title" data-testid="figure-monthly">
      <h2 id="monthly-title" className="figure-title">
        {t('statistics.monthly.caption', { year: cur, previous: prev })}
      </h2>
      <div className="figure-body">
        <div className="figure-chart" aria-hidden="true">
          <BarChart width={620} height={260} data={data} margin={{ top: 4, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            <Bar dataKey="current" name={cur} fill={CURRENT} isAnimationActive={false} />
            <Bar dataKey="previous" name={prev} fill={PREVIOUS} isAnimationActive={false} />
          </BarChart>
        </div>
        <FigureTable
          caption={t('statistics.monthly.title')}
          rows={data}
          total={{ current: data.reduce((a, r) => a + r.current, 0), previous: data.reduce((a, r) => a + r.previous, 0) }}
          currentLabel={cur}
          previousLabel={prev}
          categoryLabel={t('statistics.columns.month')}
        />
      </div>
    </section>
  );
}
