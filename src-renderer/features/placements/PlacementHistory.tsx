import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { PlacementsTable } from './PlacementsTable';
import { selectHistoryOf, usePlacementsStore } from './placements-store';
import './placements.css';

/** A person's placements, as the placed person or as an accompanying child, newest first. */
export function PlacementHistory({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const history = usePlacementsStore(selectHistoryOf(personId));
  const loaded = usePlacementsStore((s) => s.personId === personId);
  const load = usePlacementsStore((s) => s.loadHistory);

  useEffect(() => {
    void load(personId);
  }, [load, personId]);

  return (
    <section className="case-section" aria-labelledby="placement-history-title">
      <h2 id="placement-history-title">{t('placements.history')}</h2>
      {loaded && history.length === 0 ? <p className="empty">{t('placements.historyEmpty')}</p> : null}
      {history.length > 0 ? <PlacementsTable placements={history} showCase /> : null}
    </section>
  );
}
