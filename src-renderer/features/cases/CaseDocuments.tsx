import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../src-main/features/cases/contract';
import { ActionPlanPanel } from '../action-plans/ActionPlanPanel';
import { ChecklistsPanel } from '../checklists/ChecklistsPanel';
import { useChecklistsStore } from '../checklists/checklists-store';
import { RiskAssessmentsPanel } from '../risk-assessments/RiskAssessmentsPanel';
import { SafetyPlanPanel } from '../safety-plans/SafetyPlanPanel';
import './documents.css';

const TABS = ['risk', 'checklists', 'safety', 'action'] as const;
type Tab = (typeof TABS)[number];

/** The case's documents in tabs: risk assessments, checklists (with progress), safety plan, action plan. */
export function CaseDocuments({ detail, readOnly }: { detail: CaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('risk');
  const loadChecklists = useChecklistsStore((s) => s.load);
  useEffect(() => {
    void loadChecklists(detail.id);
  }, [detail.id, loadChecklists]);
  const lists = useChecklistsStore((s) => (s.key === detail.id ? s.data : null));
  const progress = useMemo(() => lists?.reduce((acc, c) => ({ done: acc.done + c.progress.done, total: acc.total + c.progress.total }), { done: 0, total: 0 }) ?? null, [lists]);
  return (
    <section className="case-section" aria-labelledby="documents-title">
      <div className="section-head">
        <h2 id="documents-title">{t('documents.title')}</h2>
        {progress && progress.total > 0 ? <span className="muted">{t('documents.checklist.caseProgress', progress)}</span> : null}
      </div>
      <div className="doc-tabs" role="tablist" aria-label={t('documents.title')}>
        {TABS.map((x) => (
          <button key={x} type="button" role="tab" id={`doc-tab-${x}`} aria-selected={tab === x} aria-controls={`doc-panel-${x}`} className={`doc-tab${tab === x ? ' doc-tab-active' : ''}`} onClick={() => setTab(x)}>
            {t(`documents.tabs.${x}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`doc-panel-${tab}`} aria-labelledby={`doc-tab-${tab}`} className="doc-panel">
        {tab === 'risk' ? <RiskAssessmentsPanel detail={detail} readOnly={readOnly} /> : null}
        {tab === 'checklists' ? <ChecklistsPanel caseId={detail.id} readOnly={readOnly} /> : null}
        {tab === 'safety' ? <SafetyPlanPanel detail={detail} readOnly={readOnly} /> : null}
        {tab === 'action' ? <ActionPlanPanel detail={detail} readOnly={readOnly} /> : null}
      </div>
    </section>
  );
}
