import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Cost } from '../../../src-main/domain/placement-cost';
import { todayIso } from '../../app/dates';
import { TextField } from '../../components/TextField';
import { formatOre } from './money';
import { usePlacementsStore } from './placements-store';

const MONTH_NAMES = { sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'], en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] };

/** One line of the year table: a label and twelve months plus the year, adults' or children's cost. */
function CostLine({ label, cells, total, part, rowHead, testId }: { label: string; cells: Cost[]; total: Cost; part: 'adultOre' | 'childOre' | 'totalOre'; rowHead?: ReactNode; testId?: string }) {
  return (
    <tr>
      {rowHead}
      <th scope="row" className="cell-nowrap">{label}</th>
      {cells.map((c, i) => (
        <td key={i} className="cell-num cell-nowrap">{c[part] === 0 ? '–' : formatOre(c[part])}</td>
      ))}
      <td className="cell-num cell-nowrap year-total" data-testid={testId}>{formatOre(total[part])}</td>
    </tr>
  );
}

/** The budget view: a calendar year's cost as months × shelters, adults and children apart. */
export function YearCostReport() {
  const { t, i18n } = useTranslation();
  const yearly = usePlacementsStore((s) => s.yearly);
  const load = usePlacementsStore((s) => s.loadYear);
  const [year, setYear] = useState(todayIso().slice(0, 4));
  const [error, setError] = useState<string | null>(null);
  const names = i18n.language.startsWith('en') ? MONTH_NAMES.en : MONTH_NAMES.sv;

  useEffect(() => {
    void load(Number(todayIso().slice(0, 4)));
  }, [load]);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{4}$/.test(year.trim())) {
      setError(t('placements.yearInvalid'));
      return;
    }
    setError(null);
    void load(Number(year.trim()));
  };

  return (
    <section className="case-section" aria-labelledby="yearly-title">
      <h2 id="yearly-title">{t('placements.yearly')}</h2>
      <form className="form-row search-row" onSubmit={onSubmit} noValidate>
        <TextField id="yearly-year" label={t('placements.year')} hint="ÅÅÅÅ" className="input-short" value={year} onChange={setYear} error={error} />
        <button type="submit" className="button">{t('placements.yearShow')}</button>
      </form>
      {yearly ? (
        <>
          {yearly.rows.length === 0 ? <p className="empty">{t('placements.yearEmpty')}</p> : (
            <div className="table-scroll">
              <table className="table year-table" aria-describedby="yearly-note" data-testid="year-cost">
                <caption className="visually-hidden">{t('placements.yearly')} {yearly.year}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('placements.shelter')}</th>
                    <th scope="col"><span className="visually-hidden">{t('placements.adults')} / {t('placements.kids')}</span></th>
                    {names.map((n) => <th key={n} scope="col" className="cell-num">{n}</th>)}
                    <th scope="col" className="cell-num">{t('placements.yearTotal')}</th>
                  </tr>
                </thead>
                {yearly.rows.map((r) => (
                  <tbody key={r.shelterId} className="year-shelter">
                    <CostLine label={t('placements.adults')} cells={r.months} total={r.total} part="adultOre" rowHead={<th scope="rowgroup" rowSpan={2}>{r.shelterName}</th>} />
                    <CostLine label={t('placements.kids')} cells={r.months} total={r.total} part="childOre" />
                  </tbody>
                ))}
                <tbody className="year-sum">
                  <CostLine label={t('placements.adults')} cells={yearly.monthTotals} total={yearly.total} part="adultOre" rowHead={<th scope="rowgroup" rowSpan={3}>{t('placements.allShelters')}</th>} />
                  <CostLine label={t('placements.kids')} cells={yearly.monthTotals} total={yearly.total} part="childOre" />
                  <CostLine label={t('placements.total')} cells={yearly.monthTotals} total={yearly.total} part="totalOre" testId="year-total" />
                </tbody>
              </table>
            </div>
          )}
          <p id="yearly-note" className="field-hint">
            {t('placements.yearNote')} {t('placements.countedThrough', { date: yearly.countedThrough })}
            {yearly.total.unpricedDays > 0 ? <span className="flag"> {t('placements.unpriced', { count: yearly.total.unpricedDays })}</span> : null}
          </p>
        </>
      ) : null}
    </section>
  );
}
