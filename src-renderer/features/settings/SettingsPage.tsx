import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { useSession } from '../../app/session-context';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { ServiceTypesPanel } from '../services/ServiceTypesPanel';
import { ChangePassphraseForm } from '../vault/ChangePassphraseForm';
import { DocumentSettingsPanel } from './DocumentSettingsPanel';
import { EmergencyNumbersSection } from './EmergencyNumbersSection';
import { LanguageSwitch } from './LanguageSwitch';
import { LogRulesSection, RetentionRulesSection, StatisticsRulesSection } from './RuleSections';
import { AutoLockSection, BackupSection } from './SecuritySections';
import { SettingsSection } from './section-form';
import { useSettingsStore, type SettingsSectionId } from './settings-store';
import { UnitSection } from './UnitSection';
import './settings.css';

const UNIT_SECTIONS: readonly SettingsSectionId[] = ['unit', 'security', 'backups', 'retention', 'log', 'statistics', 'numbers', 'services', 'templates'];
const PERSONAL_SECTIONS: readonly SettingsSectionId[] = ['passphrase', 'language'];

/** Brings a section into view and puts the focus on its heading (for keyboard and screen-reader users). */
function showSection(id: SettingsSectionId): void {
  const heading = document.getElementById(`settings-section-${id}-heading`);
  heading?.scrollIntoView?.({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

/**
 * Inställningar: the one place where the unit's settings are changed, a
 * section each with its own save; a handläggare sees the same values without
 * anything to change. Below, the worker's own passphrase and language.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const s = useSettingsStore();
  const { load, focus } = s;
  const canEdit = session?.role === 'samordnare';
  // The sections are drawn anew by this visit's load; a section asked for is shown after that.
  const [countAtOpen] = useState(() => useSettingsStore.getState().loadCount);
  const [openedAtSection] = useState(() => useSettingsStore.getState().focusSection !== null);
  const loaded = s.loadCount > countAtOpen;

  useEffect(() => {
    void load();
  }, [load]);

  // Another screen asked for a section: show it once everything is drawn.
  useEffect(() => {
    if (!loaded || !s.focusSection) return;
    showSection(s.focusSection);
    focus(null);
  }, [loaded, s.focusSection, focus]);

  const loading = <p className="loading">{t('common.loading')}</p>;
  const ready = <T,>(value: T | null, draw: (v: T) => ReactNode, id: SettingsSectionId) => (value ? draw(value) : <SettingsSection id={id}>{loading}</SettingsSection>);

  return (
    <section className="page page-narrow settings-page">
      <PageHeading focusOnMount={!openedAtSection}>{t('settings.title')}</PageHeading>
      <p className="lead">{t('unitSettings.intro')}</p>
      {canEdit ? null : <Alert kind="info">{t('unitSettings.readOnly')}</Alert>}
      {s.loadError ? <Alert>{describeError(s.loadError)}</Alert> : null}

      <nav className="settings-contents" aria-label={t('unitSettings.contents')}>
        {[
          ['unitPart', UNIT_SECTIONS],
          ['personalPart', PERSONAL_SECTIONS],
        ].map(([part, ids]) => (
          <div key={part as string}>
            <p className="settings-contents-part">{t(`unitSettings.${part as 'unitPart' | 'personalPart'}`)}</p>
            <ul>
              {(ids as readonly SettingsSectionId[]).map((id) => (
                <li key={id}>
                  <button type="button" className="link-button" onClick={() => showSection(id)}>
                    {t(`unitSettings.sections.${id}`)}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </nav>

      <h2 className="settings-part">{t('unitSettings.unitPart')}</h2>
      {/* Keyed by the load, so each form starts over from what was read. */}
      <div key={s.loadCount}>
        {ready(s.settings, (v) => <UnitSection settings={v} logo={s.logo} canEdit={canEdit} />, 'unit')}
        {ready(s.settings, (v) => <AutoLockSection settings={v} canEdit={canEdit} />, 'security')}
        {ready(s.settings, (v) => <BackupSection settings={v} canEdit={canEdit} />, 'backups')}
        {ready(s.privacy, (v) => <RetentionRulesSection privacy={v} canEdit={canEdit} />, 'retention')}
        {ready(s.privacy, (v) => <LogRulesSection privacy={v} canEdit={canEdit} />, 'log')}
        {ready(s.statistics, (v) => <StatisticsRulesSection statistics={v} canEdit={canEdit} />, 'statistics')}
        {ready(s.numbers, (v) => <EmergencyNumbersSection numbers={v} canEdit={canEdit} />, 'numbers')}
      </div>
      <SettingsSection id="services">
        <ServiceTypesPanel isCoordinator={canEdit} />
      </SettingsSection>
      <SettingsSection id="templates">
        <DocumentSettingsPanel isCoordinator={canEdit} />
      </SettingsSection>

      <h2 className="settings-part">{t('unitSettings.personalPart')}</h2>
      <SettingsSection id="passphrase">
        <ChangePassphraseForm idPrefix="settings-passphrase" />
      </SettingsSection>
      <SettingsSection id="language">
        <LanguageSwitch />
      </SettingsSection>
    </section>
  );
}
