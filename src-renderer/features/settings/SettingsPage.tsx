import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { useSession } from '../../app/session-context';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { ServiceTypesPanel } from '../services/ServiceTypesPanel';
import { ChangePassphraseForm } from '../vault/ChangePassphraseForm';
import { BackupsPanel } from './BackupsPanel';
import { DocumentSettingsPanel } from './DocumentSettingsPanel';
import { LanguageSwitch } from './LanguageSwitch';
import { UnitSettingsForm } from './UnitSettingsForm';
import { useSettingsStore } from './settings-store';

export function SettingsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const settings = useSettingsStore((s) => s.settings);
  const loadError = useSettingsStore((s) => s.loadError);
  const loadCount = useSettingsStore((s) => s.loadCount);
  const load = useSettingsStore((s) => s.load);
  const isCoordinator = session?.role === 'samordnare';

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="page page-narrow">
      <PageHeading>{t('settings.title')}</PageHeading>

      <section className="panel" aria-labelledby="settings-unit-heading">
        <h2 id="settings-unit-heading">{t('settings.unitSection')}</h2>
        {loadError ? <Alert>{describeError(loadError)}</Alert> : null}
        {settings ? <UnitSettingsForm key={loadCount} settings={settings} isCoordinator={isCoordinator} /> : <p className="loading">{t('common.loading')}</p>}
      </section>

      <section className="panel" aria-labelledby="settings-services-heading">
        <h2 id="settings-services-heading">{t('serviceTypes.title')}</h2>
        <ServiceTypesPanel isCoordinator={isCoordinator} />
      </section>

      <section className="panel" aria-labelledby="settings-documents-heading">
        <h2 id="settings-documents-heading">{t('documentSettings.title')}</h2>
        <DocumentSettingsPanel isCoordinator={isCoordinator} />
      </section>

      <section className="panel" aria-labelledby="settings-backups-heading">
        <h2 id="settings-backups-heading">{t('settings.backupsSection')}</h2>
        <BackupsPanel isCoordinator={isCoordinator} />
      </section>

      <section className="panel" aria-labelledby="settings-passphrase-heading">
        <h2 id="settings-passphrase-heading">{t('settings.passphraseSection')}</h2>
        <ChangePassphraseForm idPrefix="settings-passphrase" />
      </section>

      <section className="panel" aria-labelledby="settings-language-heading">
        <h2 id="settings-language-heading">{t('settings.languageSection')}</h2>
        <LanguageSwitch />
      </section>
    </section>
  );
}
