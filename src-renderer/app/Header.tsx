import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '../../src-main/features/vault/types';
import { lockNow } from './lockdown';
import { selectSection, useNavigationStore, navigate, type Section } from './navigation-store';

const SECTIONS: readonly Section[] = ['cases', 'persons', 'placements', 'shelters', 'journal-search', 'statistics', 'settings'];
/** Sections only a samordnare sees (the server refuses their channels to others anyway). */
const COORDINATOR_SECTIONS: readonly Section[] = ['privacy'];

/** The band at the top of every working view: where you are, who you are, the menu, and "Lås". */
export function Header({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const section = useNavigationStore(selectSection);
  return (
    <header className="app-header">
      <div className="header-top">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
          <span className="header-unit">
            <span className="visually-hidden">{t('header.unit')}: </span>
            {session.unitName}
          </span>
        </div>
        <div className="header-user">
          <span className="header-worker">
            <span className="visually-hidden">{t('header.signedIn')}: </span>
            {session.workerName}
            {session.role === 'samordnare' ? <span className="header-role"> ({t('header.coordinator')})</span> : null}
          </span>
          <button type="button" className="button button-lock" onClick={() => void lockNow()} title={t('header.lockHint')}>
            <span className="lock-icon" aria-hidden="true" />
            {t('header.lock')}
          </button>
        </div>
      </div>
      <nav className="main-nav" aria-label={t('nav.label')}>
        <ul>
          {[...SECTIONS, ...(session.role === 'samordnare' ? COORDINATOR_SECTIONS : [])].map((s) => (
            <li key={s}>
              <button type="button" className="nav-button" aria-current={section === s ? 'page' : undefined} onClick={() => navigate({ name: s })}>
                {t(`nav.${s}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
