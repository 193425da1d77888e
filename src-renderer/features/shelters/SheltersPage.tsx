import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/dates';
import { describeError } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { Alert } from '../../components/Alert';
import { CheckboxField } from '../../components/CheckboxField';
import { PageHeading } from '../../components/PageHeading';
import { formatOre } from '../placements/money';
import { useSheltersStore } from './shelters-store';
import '../placements/placements.css';

/** The shelter register: name, operator, places, today's occupancy and price; archived ones on request. */
export function SheltersPage() {
  const { t } = useTranslation();
  const list = useSheltersStore((s) => s.list);
  const loaded = useSheltersStore((s) => s.listLoaded);
  const includeArchived = useSheltersStore((s) => s.includeArchived);
  const error = useSheltersStore((s) => s.error);
  const loadList = useSheltersStore((s) => s.loadList);
  const today = todayIso();

  useEffect(() => {
    void loadList();
  }, [loadList]);

  return (
    <section className="page">
      <div className="page-head">
        <PageHeading>{t('shelters.title')}</PageHeading>
        <button type="button" className="button button-primary" onClick={() => navigate({ name: 'shelter-new' })}>
          {t('shelters.new')}
        </button>
      </div>
      <p className="lead">{t('shelters.intro')}</p>
      <CheckboxField id="shelters-archived" label={t('shelters.showArchived')} checked={includeArchived} onChange={(v) => void loadList(v)} />
      {error ? <Alert>{describeError(error)}</Alert> : null}
      {loaded && list.length === 0 ? <p className="empty">{t('shelters.empty')}</p> : null}
      {list.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('shelters.name')}</th>
              <th scope="col">{t('shelters.operatorType')}</th>
              <th scope="col" className="cell-num">{t('shelters.occupied')}</th>
              <th scope="col" className="cell-num">{t('shelters.capacity')}</th>
              <th scope="col">{t('shelters.currentPrice')}</th>
              <th scope="col">{t('shelters.permitValidTo')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id} className={s.archived ? 'row-archived' : undefined}>
                <td>
                  <button type="button" className="link-button" onClick={() => navigate({ name: 'shelter', shelterId: s.id })}>
                    {s.name}
                  </button>
                  {s.archived ? <span className="badge"> {t('shelters.archived')}</span> : null}
                </td>
                <td>{t(`placementVocab.operatorType.${s.operatorType}`)}</td>
                <td className={`cell-num${s.capacity !== null && s.occupiedToday > s.capacity ? ' over-capacity' : ''}`}>{s.occupiedToday}</td>
                <td className="cell-num">{s.capacity ?? '–'}</td>
                <td className="cell-nowrap">{s.currentPrice ? `${formatOre(s.currentPrice.adultOre)} / ${formatOre(s.currentPrice.childOre)}` : t('shelters.noPrice')}</td>
                <td className="cell-nowrap">
                  {s.permitValidTo ?? '–'}
                  {s.permitValidTo && s.permitValidTo < today ? <span className="flag"> {t('shelters.permitExpired')}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
