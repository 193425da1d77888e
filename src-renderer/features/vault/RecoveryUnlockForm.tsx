import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrorsOf } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { PassphraseStrengthHint } from './PassphraseStrengthHint';
import type { WorkerChoice } from './UnlockForm';
import { useVaultStore } from './vault-store';
import { hasFindings, translateFindings } from '../../app/validation';
import { validateRecovery, type RecoveryValues } from './vault-validation';

/** "Glömt lösenordet?": the printed recovery key opens the vault and the worker sets a new passphrase. */
export function RecoveryUnlockForm({ workers, onBack }: { workers: WorkerChoice[]; onBack: () => void }) {
  const { t } = useTranslation();
  const unlockWithRecovery = useVaultStore((s) => s.unlockWithRecovery);
  const [values, setValues] = useState<RecoveryValues>({ recoveryKey: '', workerId: workers.length === 1 ? workers[0]!.workerId : '', passphrase: '', passphraseRepeat: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof RecoveryValues, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: keyof RecoveryValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setFieldErrors((e) => ({ ...e, [field]: undefined }));
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const findings = validateRecovery(values);
    if (hasFindings(findings)) {
      setFieldErrors(translateFindings(findings));
      return;
    }
    setBusy(true);
    try {
      await unlockWithRecovery(values);
    } catch (err) {
      setFieldErrors(fieldErrorsOf(err));
      setError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading>{t('recoveryUnlock.title')}</PageHeading>
      <p className="lead">{t('recoveryUnlock.intro')}</p>
      {error ? <Alert>{error}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="form">
        <TextField
          id="recovery-key-input"
          className="input-mono"
          label={t('recoveryUnlock.key')}
          hint={t('recoveryUnlock.keyHint')}
          value={values.recoveryKey}
          onChange={set('recoveryKey')}
          error={fieldErrors.recoveryKey}
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          id="recovery-worker"
          label={t('recoveryUnlock.worker')}
          value={values.workerId}
          onChange={set('workerId')}
          options={workers.map((w) => ({ value: w.workerId, label: w.name }))}
          placeholder={workers.length === 1 ? undefined : t('common.choose')}
          error={fieldErrors.workerId}
        />
        <TextField
          id="recovery-passphrase"
          type="password"
          label={t('recoveryUnlock.passphrase')}
          value={values.passphrase}
          onChange={set('passphrase')}
          error={fieldErrors.passphrase}
          autoComplete="new-password"
          after={<PassphraseStrengthHint id="recovery-passphrase-strength" passphrase={values.passphrase} />}
          afterId="recovery-passphrase-strength"
        />
        <TextField id="recovery-repeat" type="password" label={t('recoveryUnlock.passphraseRepeat')} value={values.passphraseRepeat} onChange={set('passphraseRepeat')} error={fieldErrors.passphraseRepeat} autoComplete="new-password" />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('recoveryUnlock.submitting') : t('recoveryUnlock.submit')}
          </button>
          <button type="button" className="button" onClick={onBack} disabled={busy}>
            {t('recoveryUnlock.back')}
          </button>
        </div>
      </form>
    </>
  );
}
