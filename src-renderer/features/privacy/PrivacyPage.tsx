import { useTranslation } from 'react-i18next';
import { navigate, type PrivacyTab } from '../../app/navigation-store';
import { PageHeading } from '../../components/PageHeading';
import { ExtractPanel } from './ExtractPanel';
import { LogReviewPanel } from './LogReviewPanel';
import { RetentionPanel } from './RetentionPanel';
import { WorkersPanel } from './WorkersPanel';
import './privacy.css';

/** The rules (retention, office hours) are changed under Inställningar. */
const TABS: readonly PrivacyTab[] = ['workers', 'log', 'retention', 'extract'];

/** The coordinator's screens: workers, log review, retention, register extract. */
export function PrivacyPage({ tab, personId }: { tab: PrivacyTab; personId?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <section className="page privacy-page">
      <div className="no-print">
        <PageHeading>{t('privacy.title')}</PageHeading>
        <p className="lead">{t('privacy.intro')}</p>
        <nav className="privacy-tabs" aria-label={t('privacy.tabsLabel')}>
          <ul>
            {TABS.map((x) => (
              <li key={x}>
                <button type="button" className="privacy-tab" aria-current={x === tab ? 'page' : undefined} onClick={() => navigate({ name: 'privacy', tab: x })}>
                  {t(`privacy.tabs.${x}`)}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {tab === 'workers' ? <WorkersPanel /> : null}
      {tab === 'log' ? <LogReviewPanel /> : null}
      {tab === 'retention' ? <RetentionPanel /> : null}
      {tab === 'extract' ? <ExtractPanel personId={personId} /> : null}
    </section>
  );
}
