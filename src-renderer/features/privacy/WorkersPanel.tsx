import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../app/errors';
import { useSession } from '../../app/session-context';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { WorkerSummary } from '../../../src-main/features/workers/contract';
import { useWorkersStore } from '../workers/workers-store';
import { useServerForm } from './use-server-form';

/** The unit's workers: add one with a first passphrase, change a role, deactivate, reset a forgotten passphrase. */
export function WorkersPanel() {
  const { t } = useTranslation();
  const session = useSession();
  const workers = useWorkersStore((s) => s.workers);
  const load = useWorkersStore((s) => s.load);
  const setRole = useWorkersStore((s) => s.setRole);
  const deactivate = useWorkersStore((s) => s.deactivate);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<WorkerSummary | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (fn: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="panel" aria-labelledby="workers-heading">
        <h2 id="workers-heading">{t('privacy.workers.heading')}</h2>
        {error ? <Alert>{error}</Alert> : null}
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('privacy.workers.name')}</th>
              <th scope="col">{t('privacy.workers.role')}</th>
              <th scope="col">{t('privacy.workers.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('privacy.log.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {workers.map((w) => (
              <tr key={w.id}>
                <td>
                  {w.name} {w.id === session?.workerId ? <span className="muted">{t('privacy.workers.you')}</span> : null}
                </td>
                <td>{t(`privacy.workers.roles.${w.role}`)}</td>
                <td>{w.active ? t('privacy.workers.active') : <span className="muted">{t('privacy.workers.inactive')}</span>}</td>
                <td className="cell-actions">
                  {w.active && w.id !== session?.workerId ? (
                    <span className="inline-actions">
                      <button type="button" className="button button-small" disabled={busy} onClick={() => void act(() => setRole(w.id, w.role === 'samordnare' ? 'handlaggare' : 'samordnare'))}>
                        {w.role === 'samordnare' ? t('privacy.workers.makeWorker') : t('privacy.workers.makeCoordinator')}
                      </button>
                      <button type="button" className="button button-small button-danger" disabled={busy} onClick={() => setConfirming(w)}>
                        {t('privacy.workers.deactivate')}
                      </button>
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">{t('privacy.workers.roleNote')}</p>
      </section>
      {confirming ? (
        <ConfirmDialog
          title={t('privacy.workers.deactivateTitle', { name: confirming.name })}
          confirmLabel={t('privacy.workers.deactivate')}
          cancelLabel={t('common.cancel')}
          danger
          busy={busy}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            const w = confirming;
            setConfirming(null);
            void act(() => deactivate(w.id));
          }}
        >
          <p>{t('privacy.workers.deactivateBody', { name: confirming.name })}</p>
        </ConfirmDialog>
      ) : null}
      <AddWorkerForm />
      <ResetPassphraseForm workers={workers.filter((w) => w.active && w.id !== session?.workerId)} />
    </>
  );
}

const EMPTY_ADD: Record<'name' | 'role' | 'firstPassphrase' | 'firstPassphraseRepeat', string> = { name: '', role: 'handlaggare', firstPassphrase: '', firstPassphraseRepeat: '' };

function AddWorkerForm() {
  const { t } = useTranslation();
  const create = useWorkersStore((s) => s.create);
  const { values, set, fieldErrors, error, done, busy, onSubmit } = useServerForm(EMPTY_ADD, async (v) => {
    const w = await create({ name: v.name, role: v.role as WorkerSummary['role'], firstPassphrase: v.firstPassphrase, firstPassphraseRepeat: v.firstPassphraseRepeat });
    return t('privacy.workers.added', { name: w.name });
  });

  return (
    <section className="panel" aria-labelledby="add-worker-heading">
      <h2 id="add-worker-heading">{t('privacy.workers.addHeading')}</h2>
      <p className="muted">{t('privacy.workers.addIntro')}</p>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        {error ? <Alert>{error}</Alert> : null}
        {done ? <Alert kind="success">{done}</Alert> : null}
        <TextField id="add-worker-name" label={t('privacy.workers.name')} value={values.name} onChange={set('name')} error={fieldErrors.name} autoComplete="off" />
        <SelectField
          id="add-worker-role"
          label={t('privacy.workers.role')}
          value={values.role}
          onChange={set('role')}
          options={[
            { value: 'handlaggare', label: t('privacy.workers.roles.handlaggare') },
            { value: 'samordnare', label: t('privacy.workers.roles.samordnare') },
          ]}
          error={fieldErrors.role}
        />
        <TextField id="add-worker-pass" type="password" label={t('privacy.workers.firstPassphrase')} value={values.firstPassphrase} onChange={set('firstPassphrase')} error={fieldErrors.firstPassphrase} autoComplete="new-password" />
        <TextField id="add-worker-pass2" type="password" label={t('privacy.workers.firstPassphraseRepeat')} value={values.firstPassphraseRepeat} onChange={set('firstPassphraseRepeat')} error={fieldErrors.firstPassphraseRepeat} autoComplete="new-password" />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : t('privacy.workers.add')}
          </button>
        </div>
      </form>
    </section>
  );
}

const EMPTY_RESET: Record<'workerId' | 'recoveryKey' | 'firstPassphrase' | 'firstPassphraseRepeat', string> = { workerId: '', recoveryKey: '', firstPassphrase: '', firstPassphraseRepeat: '' };

function ResetPassphraseForm({ workers }: { workers: WorkerSummary[] }) {
  const { t } = useTranslation();
  const resetPassphrase = useWorkersStore((s) => s.resetPassphrase);
  const { values, set, fieldErrors, error, done, busy, onSubmit } = useServerForm(EMPTY_RESET, async (v) => {
    const w = await resetPassphrase(v);
    return t('privacy.workers.resetDone', { name: w.name });
  });

  return (
    <section className="panel" aria-labelledby="reset-heading">
      <h2 id="reset-heading">{t('privacy.workers.resetHeading')}</h2>
      <p className="muted">{t('privacy.workers.resetIntro')}</p>
      <form className="form" onSubmit={(e) => void onSubmit(e)} noValidate>
        {error ? <Alert>{error}</Alert> : null}
        {done ? <Alert kind="success">{done}</Alert> : null}
        <SelectField id="reset-worker" label={t('privacy.workers.resetWorker')} value={values.workerId} onChange={set('workerId')} placeholder={t('common.choose')} options={workers.map((w) => ({ value: w.id, label: w.name }))} error={fieldErrors.workerId} />
        <TextField id="reset-key" label={t('privacy.workers.recoveryKey')} value={values.recoveryKey} onChange={set('recoveryKey')} error={fieldErrors.recoveryKey} autoComplete="off" spellCheck={false} className="input-mono" />
        <TextField id="reset-pass" type="password" label={t('privacy.workers.firstPassphrase')} value={values.firstPassphrase} onChange={set('firstPassphrase')} error={fieldErrors.firstPassphrase} autoComplete="new-password" />
        <TextField id="reset-pass2" type="password" label={t('privacy.workers.firstPassphraseRepeat')} value={values.firstPassphraseRepeat} onChange={set('firstPassphraseRepeat')} error={fieldErrors.firstPassphraseRepeat} autoComplete="new-password" />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            {t('privacy.workers.reset')}
          </button>
        </div>
      </form>
    </section>
  );
}
