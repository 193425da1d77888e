import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/api-client';
import { todayIso } from '../../app/dates';
import { describeError, splitFieldErrors } from '../../app/errors';
import { useFocusInvalid } from '../../app/use-focus-invalid';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { closingFollowupMissing, OUTCOME_PHASES, VIOLENCE_STOPPED, type OutcomePhase } from '../../../src-main/domain/outcome-followup';
import type { CaseDetail } from '../../../src-main/features/cases/contract';
import type { OutcomeFollowup } from '../../../src-main/features/outcomes/contract';
import { casePersonOptions } from '../services/case-person-options';
import { checkOutcomeForm, formValues, toSaveInput, type OutcomeField, type OutcomeFormValues } from './outcome-form';
import { useOutcomesStore } from './outcomes-store';
import './outcomes.css';

/**
 * "Uppföljning": the outcome follow-up of a person in the case, at intake and
 * at closing. It stays open after the case is closed — the closing follow-up
 * is often made at the last talk, just after — and reminds the worker gently
 * when a closed case lacks it.
 */
export function OutcomesPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const load = useOutcomesStore((s) => s.load);
  const put = useOutcomesStore((s) => s.put);
  const list = useOutcomesStore((s) => (s.key === detail.id ? s.data : null));
  const error = useOutcomesStore((s) => (s.key === detail.id ? s.error : null));
  const [personId, setPersonId] = useState(detail.mainPersonId);
  const [editing, setEditing] = useState<OutcomePhase | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [removing, setRemoving] = useState<OutcomeFollowup | null>(null);
  const [busy, setBusy] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const people = casePersonOptions(detail);

  useEffect(() => {
    void load(detail.id);
  }, [detail.id, load]);

  const mine = (list ?? []).filter((f) => f.personId === personId);
  const closed = detail.status === 'closed';
  const remind = list !== null && closingFollowupMissing(closed, personId, list);

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    setRemoveError(null);
    try {
      put(detail.id, await invoke('outcomes.delete', { id: removing.id }));
      setNotice(t('outcomes.removed'));
    } catch (err) {
      setRemoveError(describeError(err));
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  return (
    <section className="case-section" aria-labelledby="outcomes-title" data-testid="outcomes-panel">
      <div className="section-head">
        <h2 id="outcomes-title">{t('outcomes.title')}</h2>
      </div>
      <p className="field-hint">{t('outcomes.intro')}</p>
      {error ? <Alert>{describeError(error)}</Alert> : null}
      {removeError ? <Alert>{removeError}</Alert> : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {remind ? <Alert kind="warning">{t('outcomes.remindClosed')}</Alert> : null}
      {people.length > 1 ? (
        <SelectField
          id="outcome-person"
          label={t('outcomes.person')}
          value={personId}
          onChange={(v) => {
            setPersonId(v);
            setEditing(null);
            setNotice(null);
          }}
          options={people}
          disabled={editing !== null}
        />
      ) : null}
      <div className="outcome-phases">
        {OUTCOME_PHASES.map((phase) => {
          const saved = mine.find((f) => f.phase === phase) ?? null;
          return (
            <div key={phase} className="outcome-card" data-testid={`outcome-${phase}`}>
              <h3 className="sub-title">{t(`outcomes.phases.${phase}`)}</h3>
              {editing === phase ? (
                <OutcomeForm
                  caseId={detail.id}
                  personId={personId}
                  phase={phase}
                  saved={saved}
                  onSaved={(next) => {
                    put(detail.id, next);
                    setEditing(null);
                    setNotice(t('outcomes.saved'));
                  }}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  {saved ? <FollowupView f={saved} /> : <p className="empty">{t('outcomes.notDone')}</p>}
                  <div className="button-row">
                    <button
                      type="button"
                      className={saved ? 'button' : 'button button-primary'}
                      disabled={editing !== null || list === null}
                      onClick={() => {
                        setNotice(null);
                        setEditing(phase);
                      }}
                    >
                      {saved ? t('outcomes.change') : t('outcomes.fill')}
                      <span className="visually-hidden"> {t(`outcomes.phases.${phase}`).toLowerCase()}</span>
                    </button>
                    {saved ? (
                      <button type="button" className="button" disabled={editing !== null} onClick={() => setRemoving(saved)}>
                        {t('outcomes.remove')}
                        <span className="visually-hidden"> {t(`outcomes.phases.${phase}`).toLowerCase()}</span>
                      </button>
                    ) : null}
                  </div>
                </>
              )}
            </div>
          );
        })}
      </div>
      {removing ? (
        <ConfirmDialog title={t('outcomes.remove')} confirmLabel={t('outcomes.remove')} cancelLabel={t('common.cancel')} onConfirm={() => void remove()} onCancel={() => setRemoving(null)} busy={busy} danger>
          <p>{t('outcomes.removeConfirm', { phase: t(`outcomes.phases.${removing.phase}`).toLowerCase() })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function FollowupView({ f }: { f: OutcomeFollowup }) {
  const { t } = useTranslation();
  const rating = (n: number | null) => (n === null ? t('outcomes.declined') : t('outcomes.ratingValue', { value: n }));
  return (
    <>
      <dl>
        <dt>{t('outcomes.date')}</dt>
      <dd>{f.followedUpOn}</dd>
      <dt>{t('outcomes.safetyShort')}</dt>
      <dd>{rating(f.safety)}</dd>
      <dt>{t('outcomes.wellBeingShort')}</dt>
      <dd>{rating(f.wellBeing)}</dd>
      <dt>{t('outcomes.violenceStoppedShort')}</dt>
      <dd>{t(`outcomes.stopped.${f.violenceStopped}`)}</dd>
      {f.phase === 'closing' ? (
        <>
          <dt>{t('outcomes.helpShort')}</dt>
          <dd>{rating(f.helpRating)}</dd>
        </>
      ) : null}
      {f.comment ? (
        <>
          <dt>{t('outcomes.commentShort')}</dt>
          <dd className="outcome-comment">{f.comment}</dd>
        </>
      ) : null}
      </dl>
      <p className="muted">{t('outcomes.byWorker', { name: f.worker.name, date: f.updatedAt.slice(0, 10) })}</p>
    </>
  );
}

function OutcomeForm({ caseId, personId, phase, saved, onSaved, onCancel }: { caseId: string; personId: string; phase: OutcomePhase; saved: OutcomeFollowup | null; onSaved: (list: OutcomeFollowup[]) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<OutcomeFormValues>(() => formValues(saved, todayIso()));
  const [errors, setErrors] = useState<Partial<Record<OutcomeField | 'comment', string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focus = useFocusInvalid<HTMLFormElement>();
  const dateRef = useRef<HTMLInputElement>(null);
  const id = (f: string) => `outcome-${phase}-${f}`;

  useEffect(() => {
    dateRef.current?.focus();
  }, []);

  const set = <K extends keyof OutcomeFormValues>(k: K) => (v: string) => {
    setValues((x) => ({ ...x, [k]: v }));
    setErrors((x) => ({ ...x, [k]: undefined }));
  };
  const ratings = [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })).concat([{ value: 'declined', label: t('outcomes.declined') }]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const found = checkOutcomeForm(values, phase);
    const texts: Partial<Record<OutcomeField, string>> = {};
    for (const [f, v] of Object.entries(found) as [OutcomeField, (typeof found)[OutcomeField]][]) {
      if (!v) continue;
      texts[f] = 'validation' in v ? t(`validation.${v.validation}`) : t(`outcomes.${v.own}`);
    }
    if (Object.keys(texts).length > 0) {
      setErrors(texts);
      focus.refused();
      return;
    }
    setBusy(true);
    try {
      onSaved(await invoke('outcomes.save', toSaveInput(caseId, personId, phase, values)));
    } catch (err) {
      // Everything typed stays in the form: only the messages change.
      const { fields, other } = splitFieldErrors(err, ['followedUpOn', 'safety', 'wellBeing', 'violenceStopped', 'helpRating', 'comment']);
      setErrors(fields);
      setFormError([describeError(err), ...other].join(' '));
      setBusy(false);
      focus.refused();
    }
  };

  return (
    <form ref={focus.ref} className="subform" onSubmit={onSubmit} noValidate aria-label={`${t('outcomes.title')} ${t(`outcomes.phases.${phase}`).toLowerCase()}`}>
      {formError ? <Alert>{formError}</Alert> : null}
      <TextField ref={dateRef} id={id('date')} label={t('outcomes.date')} hint={t('common.dateHint')} value={values.followedUpOn} onChange={set('followedUpOn')} error={errors.followedUpOn} inputMode="numeric" autoComplete="off" className="input-date" />
      <RadioGroup name={id('safety')} legend={t('outcomes.safety')} hint={t('outcomes.scaleHint')} value={values.safety} onChange={set('safety')} options={ratings} error={errors.safety} inline />
      <RadioGroup name={id('wellbeing')} legend={t('outcomes.wellBeing')} hint={t('outcomes.scaleHint')} value={values.wellBeing} onChange={set('wellBeing')} options={ratings} error={errors.wellBeing} inline />
      <RadioGroup
        name={id('stopped')}
        legend={t('outcomes.violenceStopped')}
        value={values.violenceStopped}
        onChange={set('violenceStopped')}
        options={VIOLENCE_STOPPED.map((v) => ({ value: v, label: t(`outcomes.stopped.${v}`) }))}
        error={errors.violenceStopped}
        inline
      />
      {phase === 'closing' ? <RadioGroup name={id('help')} legend={t('outcomes.help')} hint={t('outcomes.helpHint')} value={values.helpRating} onChange={set('helpRating')} options={ratings} error={errors.helpRating} inline /> : null}
      <TextArea id={id('comment')} label={t('outcomes.comment')} hint={t('outcomes.commentHint')} value={values.comment} onChange={set('comment')} error={errors.comment} rows={3} maxLength={2000} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('outcomes.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
