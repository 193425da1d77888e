import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import type { CaseDetail } from '../../../src-main/features/cases/contract';
import type { Placement } from '../../../src-main/features/placements/contract';
import { EndPlacementForm } from './EndPlacementForm';
import { PlacementForm } from './PlacementForm';
import { PlacementsTable } from './PlacementsTable';
import { selectPlacementsOf, usePlacementsStore } from './placements-store';
import './placements.css';

/** The case's placements in protected housing: list with cost so far, "Ny placering", "Avsluta". */
export function PlacementsSection({ detail, readOnly }: { detail: CaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const placements = usePlacementsStore(selectPlacementsOf(detail.id));
  const loaded = usePlacementsStore((s) => s.caseId === detail.id && s.caseLoaded);
  const error = usePlacementsStore((s) => (s.caseId === detail.id ? s.error : null));
  const load = usePlacementsStore((s) => s.loadCase);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Placement | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    void load(detail.id);
  }, [detail.id, load]);

  return (
    <section className="case-section" aria-labelledby="placements-title">
      <div className="section-head">
        <h2 id="placements-title">{t('placements.sectionTitle')}</h2>
        {!readOnly && !adding ? (
          <button type="button" className="button" onClick={() => { setDone(null); setAdding(true); }}>
            {t('placements.new')}
          </button>
        ) : null}
      </div>
      {error ? <Alert>{describeError(error)}</Alert> : null}
      {done ? <Alert kind="success">{done}</Alert> : null}
      {loaded && placements.length === 0 ? <p className="empty">{t('placements.empty')}</p> : null}
      {placements.length > 0 ? (
        <PlacementsTable
          placements={placements}
          action={readOnly ? undefined : (p) => (p.endDate === null ? (
            <button type="button" className="button button-small" onClick={() => { setDone(null); setEnding(p); }}>
              {t('placements.endAction')}
            </button>
          ) : null)}
        />
      ) : null}
      {placements.length > 0 ? <p className="field-hint">{t('placements.dayRule')}</p> : null}
      {ending ? (
        <EndPlacementForm
          key={ending.id}
          placement={ending}
          onDone={() => { setEnding(null); setDone(t('placements.ended')); }}
          onCancel={() => setEnding(null)}
        />
      ) : null}
      {adding ? (
        <PlacementForm
          detail={detail}
          onDone={() => { setAdding(false); setDone(t('placements.saved')); }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
    </section>
  );
}
