import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, errorCode, fieldErrorsOf } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { TextField } from '../../components/TextField';
import { PassphraseStrengthHint } from './PassphraseStrengthHint';
import { useVaultStore } from './vault-store';
import { hasFindings, translateFindings } from '../../app/validation';
import { checkNewPassphrase } from './vault-validation';

interface Values {
  current: string;
  passphrase: string;
  passphraseRepeat: string;
}

const EMPTY: Values = { current: '', passphrase: '', passphraseRepeat: '' };

/** Current passphrase, new one twice. Used on the forced first change and under Inställningar. */
export function ChangePassphraseForm({ idPrefix }: { idPrefix: string }) {
  const { t } = useTranslation();
  const change = useVaultStore((s) => s.changePassphrase);
  const [values, setValues] = useState<Values>(EMPTY);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const set = (field: keyof Values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setFieldErrors((e) => ({ ...e, [field]: undefined }));
    setDone(false);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const findings = { ...checkNewPassphrase(values.passphrase, values.passphraseRepeat), ...(values.current ? {} : { current: 'required' as const }) };
    if (hasFindings(findings)) {
      setFieldErrors(translateFindings(findings));
      return;
    }
    setBusy(true);
    try {
      await change(values);
      setValues(EMPTY);
      setFieldErrors({});
      setDone(true);
    } catch (err) {
      // A wrong current passphrase belongs next to that field.
      if (errorCode(err) === 'wrong_passphrase') setFieldErrors({ current: describeError(err) });
      else {
        setFieldErrors(fieldErrorsOf(err));
        setError(describeError(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      {error ? <Alert>{error}</Alert> : null}
      {done ? <Alert kind="success">{t('changePassphrase.done')}</Alert> : null}
      <TextField id={`${idPrefix}-current`} type="password" label={t('changePassphrase.current')} value={values.current} onChange={set('current')} error={fieldErrors.current} autoComplete="current-password" />
      <TextField
        id={`${idPrefix}-new`}
        type="password"
        label={t('changePassphrase.passphrase')}
        value={values.passphrase}
        onChange={set('passphrase')}
        error={fieldErrors.passphrase}
        autoComplete="new-password"
        after={<PassphraseStrengthHint id={`${idPrefix}-strength`} passphrase={values.passphrase} />}
        afterId={`${idPrefix}-strength`}
      />
      <TextField id={`${idPrefix}-repeat`} type="password" label={t('changePassphrase.passphraseRepeat')} value={values.passphraseRepeat} onChange={set('passphraseRepeat')} error={fieldErrors.passphraseRepeat} autoComplete="new-password" />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('changePassphrase.submitting') : t('changePassphrase.submit')}
        </button>
      </div>
    </form>
  );
}
