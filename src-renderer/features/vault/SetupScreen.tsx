import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthLayout } from '../../app/AuthLayout';
import { describeError, fieldErrorsOf } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { PageHeading } from '../../components/PageHeading';
import { PassphraseStrengthHint } from './PassphraseStrengthHint';
import { useVaultStore } from './vault-store';
import { hasFindings, translateFindings } from '../../app/validation';
import { validateSetup, type SetupValues } from './vault-validation';

const EMPTY: SetupValues = { unitName: '', workerName: '', passphrase: '', passphraseRepeat: '' };

/** First run: the unit's name, the first worker (who becomes samordnare) and their passphrase. */
export function SetupScreen() {
  const { t } = useTranslation();
  const create = useVaultStore((s) => s.create);
  const [values, setValues] = useState<SetupValues>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof SetupValues, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (field: keyof SetupValues) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setFieldErrors((e) => ({ ...e, [field]: undefined }));
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const findings = validateSetup(values);
    if (hasFindings(findings)) {
      setFieldErrors(translateFindings(findings));
      return;
    }
    setBusy(true);
    try {
      await create({ ...values, unitName: values.unitName.trim(), workerName: values.workerName.trim() });
    } catch (err) {
      const byField = fieldErrorsOf(err);
      setFieldErrors(byField);
      setFormError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <AuthLayout>
      <PageHeading>{t('setup.title')}</PageHeading>
      <p className="lead">{t('setup.intro')}</p>
      {formError ? <Alert>{formError}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="form">
        <TextField id="setup-unit" label={t('setup.unitName')} hint={t('setup.unitNameHint')} value={values.unitName} onChange={set('unitName')} error={fieldErrors.unitName} autoComplete="organization" aria-required="true" />
        <TextField id="setup-worker" label={t('setup.workerName')} value={values.workerName} onChange={set('workerName')} error={fieldErrors.workerName} autoComplete="name" aria-required="true" />
        <p className="advice">{t('setup.passphraseAdvice')}</p>
        <TextField
          id="setup-passphrase"
          type="password"
          label={t('setup.passphrase')}
          value={values.passphrase}
          onChange={set('passphrase')}
          error={fieldErrors.passphrase}
          autoComplete="new-password"
          aria-required="true"
          after={<PassphraseStrengthHint id="setup-passphrase-strength" passphrase={values.passphrase} />}
          afterId="setup-passphrase-strength"
        />
        <TextField id="setup-repeat" type="password" label={t('setup.passphraseRepeat')} value={values.passphraseRepeat} onChange={set('passphraseRepeat')} error={fieldErrors.passphraseRepeat} autoComplete="new-password" aria-required="true" />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('setup.submitting') : t('setup.submit')}
          </button>
        </div>
      </form>
    </AuthLayout>
  );
}
