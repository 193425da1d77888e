import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../app/dates';
import { describeError, splitFieldErrors } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/SelectField';
import type { CaseDetail } from '../../../src-main/features/cases/contract';
import { useWorkersStore } from '../workers/workers-store';
import { useCasesStore } from './cases-store';

/** Who has the case, and "Byt handläggare" (workers.list, cases.reassign; the change is logged and kept in the history). */
export function CaseAssignmentPanel({ detail, readOnly }: { detail: CaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const since = detail.assignments.at(-1)?.at;

  return (
    <section className="panel" aria-labelledby="case-worker-title">
      <h2 id="case-worker-title">{t('caseWorker.title')}</h2>
      <p className="worker-now">
        <strong>{detail.assignedWorkerName}</strong>
        {since ? <span className="muted"> {t('caseWorker.since', { date: formatDate(since) })}</span> : null}
      </p>
      {done ? <Alert kind="success">{done}</Alert> : null}
      {editing ? (
        <ReassignForm
          detail={detail}
          onDone={(name) => {
            setEditing(false);
            setDone(t('caseWorker.done', { name }));
          }}
          onCancel={() => {
            setEditing(false);
            setTimeout(() => opener.current?.focus(), 0);
          }}
        />
      ) : !readOnly ? (
        <div className="button-row">
          <button
            ref={opener}
            type="button"
            className="button"
            onClick={() => {
              setDone(null);
              setEditing(true);
            }}
          >
            {t('caseWorker.change')}
          </button>
        </div>
      ) : null}
    </section>
  );
}

function ReassignForm({ detail, onDone, onCancel }: { detail: CaseDetail; onDone: (name: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const workers = useWorkersStore((s) => s.workers);
  const workersError = useWorkersStore((s) => s.error);
  const load = useWorkersStore((s) => s.load);
  const reassign = useCasesStore((s) => s.reassign);
  const [workerId, setWorkerId] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    document.getElementById('reassign-worker')?.focus();
  }, []);

  const choices = workers.filter((w) => w.active && w.id !== detail.assignedWorkerId);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    if (!workerId) {
      setError(t('validation.chooseWorker'));
      document.getElementById('reassign-worker')?.focus();
      return;
    }
    setBusy(true);
    try {
      const updated = await reassign(detail.id, workerId);
      onDone(updated.assignedWorkerName);
    } catch (err) {
      const { fields, other } = splitFieldErrors(err, ['workerId']);
      setError(fields.workerId ?? null);
      setFormError([describeError(err), ...other].join(' '));
      setBusy(false);
    }
  };

  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby="reassign-title">
      <h3 id="reassign-title">{t('caseWorker.change')}</h3>
      {formError ? <Alert>{formError}</Alert> : null}
      {workersError ? <Alert>{describeError(workersError)}</Alert> : null}
      <SelectField
        id="reassign-worker"
        label={t('caseWorker.newWorker')}
        hint={t('caseWorker.logged')}
        value={workerId}
        onChange={(v) => {
          setWorkerId(v);
          setError(null);
        }}
        options={choices.map((w) => ({ value: w.id, label: w.name }))}
        placeholder={t('common.choose')}
        error={error}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('caseWorker.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
