import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrorsOf } from '../../app/errors';
import { hasFindings, translateFindings } from '../../app/validation';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import type { Settings } from '../../../src-main/features/settings/contract';
import { useVaultStore } from '../vault/vault-store';
import { useSettingsStore } from './settings-store';
import { toFormValues, toSettings, validateSettings, type SettingsFormValues } from './settings-validation';

/** The unit's settings. Everyone sees them; only a samordnare may save (the server decides, and its refusal is shown). */
export function UnitSettingsForm({ settings, isCoordinator }: { settings: Settings; isCoordinator: boolean }) {
  const { t } = useTranslation();
  const update = useSettingsStore((s) => s.update);
  const setUnitName = useVaultStore((s) => s.setUnitName);
  const [values, setValues] = useState<SettingsFormValues>(() => toFormValues(settings));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof SettingsFormValues, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const set = (field: keyof SettingsFormValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setFieldErrors((e) => ({ ...e, [field]: undefined }));
    setSaved(false);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const findings = validateSettings(values);
    if (hasFindings(findings)) {
      setFieldErrors(translateFindings(findings));
      return;
    }
    setBusy(true);
    try {
      const next = await update(toSettings(values));
      setValues(toFormValues(next));
      setUnitName(next.unitName);
      setSaved(true);
    } catch (err) {
      setFieldErrors(fieldErrorsOf(err));
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      {isCoordinator ? null : <Alert kind="info">{t('settings.coordinatorOnly')}</Alert>}
      {error ? <Alert>{error}</Alert> : null}
      {saved ? <Alert kind="success">{t('settings.saved')}</Alert> : null}
      <TextField id="settings-unit" label={t('settings.unitName')} value={values.unitName} onChange={set('unitName')} error={fieldErrors.unitName} autoComplete="off" />
      <TextField id="settings-autolock" label={t('settings.autoLock')} hint={t('settings.autoLockHint')} value={values.autoLockMinutes} onChange={set('autoLockMinutes')} error={fieldErrors.autoLockMinutes} inputMode="numeric" className="input-short" />
      <TextField id="settings-folder" label={t('settings.backupFolder')} hint={t('settings.backupFolderHint')} value={values.backupFolder} onChange={set('backupFolder')} error={fieldErrors.backupFolder} autoComplete="off" spellCheck={false} />
      <TextField id="settings-generations" label={t('settings.generations')} value={values.backupGenerations} onChange={set('backupGenerations')} error={fieldErrors.backupGenerations} inputMode="numeric" className="input-short" />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('settings.save')}
        </button>
      </div>
    </form>
  );
}
