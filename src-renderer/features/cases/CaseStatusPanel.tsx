import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/dates';
import { describeError, splitFieldErrors } from '../../app/errors';
import { useFocusInvalid } from '../../app/use-focus-invalid';
import { checkDate } from '../../app/validation';
import { Alert } from '../../components/Alert';
import { RadioGroup } from '../../components/RadioGroup';
import { TextField } from '../../components/TextField';
import { nextStatuses } from '../../../src-main/domain/case-status';
import { CLOSING_REASONS, type CaseStatus, type ClosingReason } from '../../../src-main/domain/vocabulary';
import type { CaseDetail } from '../../../src-main/features/cases/contract';
import { useServicesStore } from '../services/services-store';
import { useOutcomesStore } from '../outcomes/outcomes-store';
import { closingFollowupMissing } from '../../../src-main/domain/outcome-followup';
import { useCasesStore } from './cases-store';

/** The case's status and the steps it may take next (nextStatuses), each with a date; closing asks why. */
export function CaseStatusPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<CaseStatus | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const openers = useRef<HTMLDivElement>(null);
  const next = nextStatuses(detail.status);
  const since = detail.statusHistory.at(-1)?.date ?? detail.intakeDate;

  return (
    <section className="panel" aria-labelledby="case-status-title">
      <h2 id="case-status-title">{t('caseStatus.title')}</h2>
      <p className="status-now">
        <span className={`status-pill status-${detail.status}`}>{t(`vocab.status.${detail.status}`)}</span> <span className="muted">{t('caseStatus.since', { date: since })}</span>
      </p>
      {done ? <Alert kind="success">{done}</Alert> : null}
      {target ? (
        <StatusChangeForm
          detail={detail}
          target={target}
          onDone={(text) => {
            setTarget(null);
            setDone(text);
          }}
          onCancel={() => {
            setTarget(null);
            setTimeout(() => openers.current?.querySelector('button')?.focus(), 0);
          }}
        />
      ) : next.length > 0 ? (
        <div ref={openers} className="button-row">
          {next.map((s) => (
            <button
              key={s}
              type="button"
              className={s === 'closed' ? 'button' : 'button button-primary'}
              onClick={() => {
                setDone(null);
                setTarget(s);
              }}
            >
              {s === 'closed' ? t('caseStatus.close') : t('caseStatus.moveTo', { status: t(`vocab.status.${s}`) })}
            </button>
          ))}
        </div>
      ) : null}
    </section>
  );
}

type Field = 'date' | 'closingReason';

function StatusChangeForm({ detail, target, onDone, onCancel }: { detail: CaseDetail; target: CaseStatus; onDone: (text: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const setStatus = useCasesStore((s) => s.setStatus);
  const [date, setDate] = useState(todayIso());
  const [reason, setReason] = useState<ClosingReason | ''>('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focus = useFocusInvalid<HTMLFormElement>();
  const dateRef = useRef<HTMLInputElement>(null);
  const closing = target === 'closed';
  const today = todayIso();
  // Services still running when the case closes are usually an oversight: say so (closing is still allowed).
  const ongoing = useServicesStore((s) => (s.caseId === detail.id ? s.services.filter((x) => x.endDate === null || x.endDate > today).length : 0));
  // The closing follow-up with the person is easy to forget: a gentle reminder (closing is still allowed).
  const followupMissing = useOutcomesStore((s) => s.key === detail.id && s.data !== null && closingFollowupMissing(closing, detail.mainPersonId, s.data));

  useEffect(() => {
    dateRef.current?.focus();
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const found: Partial<Record<Field, string>> = {};
    const d = checkDate(date, { required: true, notFuture: true });
    if (d) found.date = t(`validation.${d}`);
    if (closing && !reason) found.closingReason = t('validation.chooseClosingReason');
    if (Object.keys(found).length > 0) {
      setErrors(found);
      focus.refused();
      return;
    }
    setBusy(true);
    try {
      await setStatus({ id: detail.id, status: target, date: date.trim(), ...(closing ? { closingReason: reason as ClosingReason } : {}) });
      onDone(closing ? t('caseStatus.closedDone') : t('caseStatus.changed', { status: t(`vocab.status.${target}`) }));
    } catch (err) {
      const { fields, other } = splitFieldErrors(err, ['date', 'closingReason']);
      setErrors(fields);
      setFormError([describeError(err), ...other].join(' '));
      setBusy(false);
      focus.refused();
    }
  };

  return (
    <form ref={focus.ref} className="subform" onSubmit={onSubmit} noValidate aria-labelledby="status-change-title">
      <h3 id="status-change-title">{closing ? t('caseStatus.closeTitle') : t('caseStatus.changeTitle', { status: t(`vocab.status.${target}`) })}</h3>
      {formError ? <Alert>{formError}</Alert> : null}
      <TextField
        ref={dateRef}
        id="status-date"
        label={t('caseStatus.date')}
        hint={t('common.dateHint')}
        value={date}
        onChange={(v) => {
          setDate(v);
          setErrors((x) => ({ ...x, date: undefined }));
        }}
        error={errors.date}
        inputMode="numeric"
        autoComplete="off"
        className="input-date"
      />
      {closing ? (
        <>
          <RadioGroup
            name="closing-reason"
            legend={t('caseStatus.closingReason')}
            value={reason}
            onChange={(v) => {
              setReason(v as ClosingReason);
              setErrors((x) => ({ ...x, closingReason: undefined }));
            }}
            options={CLOSING_REASONS.map((r) => ({ value: r, label: t(`vocab.closingReason.${r}`) }))}
            error={errors.closingReason}
          />
          {ongoing > 0 ? <Alert kind="warning">{t('caseStatus.servicesOngoing', { count: ongoing })}</Alert> : null}
          {followupMissing ? <Alert kind="info">{t('outcomes.remindClosing')}</Alert> : null}
          <p className="field-hint">{t('caseStatus.closeFinal')}</p>
        </>
      ) : null}
      <div className="button-row">
        <button type="submit" className={closing ? 'button button-danger' : 'button button-primary'} disabled={busy}>
          {busy ? t('common.saving') : closing ? t('caseStatus.saveClose') : t('caseStatus.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
