import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import type { Settings } from '../../../src-main/features/settings/contract';
import { BackupsPanel } from './BackupsPanel';
import { SaveRow, SettingsSection, useSectionForm, ValueList, wholeNumber } from './section-form';
import { useSettingsStore } from './settings-store';

const inRange = (text: string, min: number, max: number) => {
  const n = wholeNumber(text);
  return n !== null && n >= min && n <= max;
};

/** Minutes without activity before Fristad locks itself. */
export function AutoLockSection({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useSettingsStore((s) => s.update);
  const form = useSectionForm({
    initial: () => ({ autoLockMinutes: String(settings.autoLockMinutes) }),
    check: (v) => (inRange(v.autoLockMinutes, 1, 120) ? {} : { autoLockMinutes: t('validation.autoLockRange') }),
    save: async (v) => ({ autoLockMinutes: String((await update({ autoLockMinutes: wholeNumber(v.autoLockMinutes)! })).autoLockMinutes) }),
  });
  return (
    <SettingsSection id="security" intro={t('unitSettings.security.intro')}>
      {canEdit ? (
        <form ref={form.formRef} className="form" onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label={t('unitSettings.sections.security')}>
          {form.error ? <Alert>{form.error}</Alert> : null}
          <TextField id="settings-autolock" label={t('settings.autoLock')} hint={t('settings.autoLockHint')} value={form.values.autoLockMinutes} onChange={form.set('autoLockMinutes')} error={form.errors.autoLockMinutes} inputMode="numeric" className="input-short" />
          <SaveRow busy={form.busy} saved={form.saved} />
        </form>
      ) : (
        <ValueList items={[[t('settings.autoLock'), t('unitSettings.security.minutes', { count: settings.autoLockMinutes })]]} />
      )}
    </SettingsSection>
  );
}

/** Where backups go and how many are kept; the list of copies and "Ta säkerhetskopia nu". */
export function BackupSection({ settings, canEdit }: { settings: Settings; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useSettingsStore((s) => s.update);
  const form = useSectionForm({
    initial: () => ({ backupFolder: settings.backupFolder ?? '', backupGenerations: String(settings.backupGenerations) }),
    check: (v) => (inRange(v.backupGenerations, 1, 100) ? {} : { backupGenerations: t('validation.generationsRange') }),
    save: async (v) => {
      const folder = v.backupFolder.trim();
      const next = await update({ backupFolder: folder === '' ? null : folder, backupGenerations: wholeNumber(v.backupGenerations)! });
      return { backupFolder: next.backupFolder ?? '', backupGenerations: String(next.backupGenerations) };
    },
  });
  return (
    <SettingsSection id="backups" intro={t('unitSettings.backups.intro')}>
      {canEdit ? (
        <form ref={form.formRef} className="form" onSubmit={(e) => void form.onSubmit(e)} noValidate aria-label={t('unitSettings.sections.backups')}>
          {form.error ? <Alert>{form.error}</Alert> : null}
          <TextField id="settings-folder" label={t('settings.backupFolder')} hint={t('settings.backupFolderHint')} value={form.values.backupFolder} onChange={form.set('backupFolder')} error={form.errors.backupFolder} autoComplete="off" spellCheck={false} />
          <TextField id="settings-generations" label={t('settings.generations')} value={form.values.backupGenerations} onChange={form.set('backupGenerations')} error={form.errors.backupGenerations} inputMode="numeric" className="input-short" />
          <SaveRow busy={form.busy} saved={form.saved} />
        </form>
      ) : (
        <ValueList
          items={[
            [t('settings.backupFolder'), settings.backupFolder ?? t('unitSettings.backups.noFolder')],
            [t('settings.generations'), String(settings.backupGenerations)],
          ]}
        />
      )}
      <h3 className="sub-title">{t('unitSettings.backups.listHeading')}</h3>
      <BackupsPanel isCoordinator={canEdit} />
    </SettingsSection>
  );
}
