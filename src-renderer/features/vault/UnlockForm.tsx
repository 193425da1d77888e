import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useVaultStore } from './vault-store';

export interface WorkerChoice {
  workerId: string;
  name: string;
}

/** Worker, passphrase, "Lås upp". With a single worker the choice is made already. `notice` says why it locked. */
export function UnlockForm({ workers, onForgot, notice }: { workers: WorkerChoice[]; onForgot: () => void; notice?: ReactNode }) {
  const { t } = useTranslation();
  const unlock = useVaultStore((s) => s.unlock);
  const [workerId, setWorkerId] = useState(workers.length === 1 ? workers[0]!.workerId : '');
  const [passphrase, setPassphrase] = useState('');
  const [workerError, setWorkerError] = useState<string | null>(null);
  const [passphraseError, setPassphraseError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passphraseRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const noWorker = !workerId;
    const noPassphrase = passphrase.length === 0;
    setWorkerError(noWorker ? t('validation.chooseWorker') : null);
    setPassphraseError(noPassphrase ? t('validation.required') : null);
    if (noWorker || noPassphrase) return;
    setBusy(true);
    try {
      await unlock(workerId, passphrase);
    } catch (err) {
      setError(describeError(err));
      setPassphrase('');
      setBusy(false);
      passphraseRef.current?.focus();
    }
  };

  return (
    <>
      <PageHeading focusOnMount={workers.length !== 1}>{t('lock.title')}</PageHeading>
      {notice}
      <p className="lead">{t('lock.intro')}</p>
      {error ? <Alert>{error}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="form">
        <SelectField
          id="unlock-worker"
          label={t('lock.worker')}
          value={workerId}
          onChange={(v) => {
            setWorkerId(v);
            setWorkerError(null);
          }}
          options={workers.map((w) => ({ value: w.workerId, label: w.name }))}
          placeholder={workers.length === 1 ? undefined : t('common.choose')}
          error={workerError}
        />
        <TextField
          ref={passphraseRef}
          id="unlock-passphrase"
          type="password"
          label={t('lock.passphrase')}
          value={passphrase}
          onChange={(v) => {
            setPassphrase(v);
            setPassphraseError(null);
          }}
          error={passphraseError}
          autoComplete="current-password"
          autoFocus={workers.length === 1}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('lock.submitting') : t('lock.submit')}
          </button>
        </div>
      </form>
      <p className="below-form">
        <button type="button" className="link-button" onClick={onForgot}>
          {t('lock.forgot')}
        </button>
      </p>
    </>
  );
}
