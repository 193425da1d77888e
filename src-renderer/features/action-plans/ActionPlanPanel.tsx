import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/api-client';
import { describeError, splitFieldErrors } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { DocumentPanelHead } from '../../components/DocumentPanelHead';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { PrintControls } from '../../components/print/PrintControls';
import type { CaseDetail } from '../../../src-main/features/cases/contract';
import type { ActionPlan, ActionPlanStatus } from '../../../src-main/features/action-plans/contract';
import { fullName } from '../persons/person-format';
import { useActionPlansStore } from './action-plans-store';

const STATUSES: readonly ActionPlanStatus[] = ['draft', 'active', 'completed', 'cancelled'];

/** The case's action plans (handlingsplaner): goals, who does what by when, follow-up, signatures. */
export function ActionPlanPanel({ detail, readOnly }: { detail: CaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const plans = useActionPlansStore((s) => (s.key === detail.id ? s.data : null));
  const error = useActionPlansStore((s) => (s.key === detail.id ? s.error : null));
  const load = useActionPlansStore((s) => s.load);
  const [editing, setEditing] = useState<{ plan: ActionPlan | null } | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void load(detail.id);
  }, [detail.id, load]);

  return (
    <div>
      <DocumentPanelHead title={t('documents.action.title')} newLabel={!readOnly && !editing ? t('documents.action.new') : null} onNew={() => (setSaved(false), setEditing({ plan: null }))} error={error} savedText={saved ? t('documents.action.saved') : null} />
      {editing ? (
        <ActionPlanForm
          detail={detail}
          plan={editing.plan}
          onDone={() => {
            setEditing(null);
            setSaved(true);
            void load(detail.id);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {plans && plans.length === 0 ? <p className="empty">{t('documents.action.none')}</p> : null}
      {plans?.map((p) => (
        <section key={p.id} className="plan-card" aria-label={t('documents.action.planFor', { name: p.personName })}>
          <div className="section-head">
            <p>
              <strong>{t('documents.action.planFor', { name: p.personName })}</strong> — {t(`documents.actionPlan.status.${p.status}`)}
              {p.followUpOn ? `, ${t('documents.action.followUpLine', { date: p.followUpOn })}` : ''}
            </p>
            {!readOnly && !editing ? (
              <button type="button" className="button button-small" onClick={() => (setSaved(false), setEditing({ plan: p }))}>
                {t('documents.action.edit')}
              </button>
            ) : null}
          </div>
          <ol>
            {p.goals.map((g, i) => (
              <li key={i}>{g}</li>
            ))}
          </ol>
          <p className="muted">{t('documents.action.actionCount', { count: p.actions.length })}</p>
          <PrintControls kind="action_plan" id={p.id} label={t('documents.action.printLabel', { name: p.personName })} />
        </section>
      ))}
    </div>
  );
}

interface ActionRow {
  what: string;
  who: string;
  byDate: string;
  followUpOn: string;
  outcome: string;
}

function ActionPlanForm({ detail, plan, onDone, onCancel }: { detail: CaseDetail; plan: ActionPlan | null; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({
    personId: plan?.personId ?? detail.mainPersonId,
    status: plan?.status ?? 'draft',
    followUpOn: plan?.followUpOn ?? '',
    workerSignedOn: plan?.workerSignedOn ?? '',
    personSignedOn: plan?.personSignedOn ?? '',
    internalNote: plan?.internalNote ?? '',
  });
  const [goals, setGoals] = useState<string[]>(plan?.goals ?? ['']);
  const [actions, setActions] = useState<ActionRow[]>(plan?.actions.map((a) => ({ what: a.what, who: a.who, byDate: a.byDate ?? '', followUpOn: a.followUpOn ?? '', outcome: a.outcome ?? '' })) ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (f: keyof typeof values) => (v: string) => setValues((x) => ({ ...x, [f]: v }));
  const editAction = (i: number, patch: Partial<ActionRow>) => setActions((rows) => rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const date = (s: string) => s.trim() || null;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFormError(null);
    setErrors({});
    const fields = {
      status: values.status as ActionPlanStatus,
      goals: goals.map((g) => g.trim()).filter(Boolean),
      actions: actions.map((a) => ({ what: a.what, who: a.who, byDate: date(a.byDate), followUpOn: date(a.followUpOn), outcome: a.outcome })),
      followUpOn: date(values.followUpOn),
      workerSignedOn: date(values.workerSignedOn),
      personSignedOn: date(values.personSignedOn),
      internalNote: values.internalNote,
    };
    try {
      if (plan) await invoke('actionPlans.update', { id: plan.id, ...fields });
      else await invoke('actionPlans.create', { caseId: detail.id, personId: values.personId, ...fields });
      onDone();
    } catch (err) {
      const { fields: f, other } = splitFieldErrors(err, ['personId', 'status', 'followUpOn', 'workerSignedOn', 'personSignedOn']);
      setErrors(f);
      setFormError([describeError(err), ...other].join(' '));
      setBusy(false);
    }
  };

  return (
    <form className="subform form" onSubmit={onSubmit} noValidate aria-labelledby="action-form-title">
      <h4 id="action-form-title" className="sub-title">
        {plan ? t('documents.action.edit') : t('documents.action.new')}
      </h4>
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="form-row">
        {plan ? null : <SelectField id="action-person" label={t('documents.person')} value={values.personId} onChange={set('personId')} options={detail.persons.filter((p) => p.role !== 'perpetrator').map((p) => ({ value: p.personId, label: fullName(p) }))} error={errors.personId} />}
        <SelectField id="action-status" label={t('documents.action.status')} value={values.status} onChange={set('status')} options={STATUSES.map((s) => ({ value: s, label: t(`documents.actionPlan.status.${s}`) }))} error={errors.status} />
        <TextField id="action-follow" label={t('documents.action.followUpOn')} hint={t('common.dateHint')} value={values.followUpOn} onChange={set('followUpOn')} error={errors.followUpOn} className="input-date" autoComplete="off" />
      </div>
      <fieldset className="fieldset">
        <legend>{t('documents.action.goals')}</legend>
        {goals.map((g, i) => (
          <TextField key={i} id={`action-goal-${i}`} label={t('documents.action.goal', { n: i + 1 })} value={g} onChange={(v) => setGoals((x) => x.map((y, j) => (j === i ? v : y)))} autoComplete="off" />
        ))}
        <button type="button" className="button" onClick={() => setGoals((x) => [...x, ''])}>
          {t('documents.action.addGoal')}
        </button>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('documents.action.actions')}</legend>
        {actions.map((a, i) => (
          <div key={i} className="action-row" role="group" aria-label={t('documents.action.actionN', { n: i + 1 })}>
            <TextField id={`action-what-${i}`} label={t('documents.action.what')} value={a.what} onChange={(v) => editAction(i, { what: v })} error={errors[`actions.${i}.what`]} autoComplete="off" />
            <div className="form-row">
              <TextField id={`action-who-${i}`} label={t('documents.action.who')} value={a.who} onChange={(v) => editAction(i, { who: v })} autoComplete="off" />
              <TextField id={`action-by-${i}`} label={t('documents.action.byDate')} value={a.byDate} onChange={(v) => editAction(i, { byDate: v })} className="input-date" autoComplete="off" />
              <TextField id={`action-followed-${i}`} label={t('documents.action.followedUpOn')} value={a.followUpOn} onChange={(v) => editAction(i, { followUpOn: v })} className="input-date" autoComplete="off" />
            </div>
            <TextField id={`action-outcome-${i}`} label={t('documents.action.outcome')} value={a.outcome} onChange={(v) => editAction(i, { outcome: v })} autoComplete="off" />
            <button type="button" className="button button-small" onClick={() => setActions((x) => x.filter((_, j) => j !== i))}>
              {t('documents.remove')}
            </button>
          </div>
        ))}
        <button type="button" className="button" onClick={() => setActions((x) => [...x, { what: '', who: '', byDate: '', followUpOn: '', outcome: '' }])}>
          {t('documents.action.addAction')}
        </button>
      </fieldset>
      <div className="form-row">
        <TextField id="action-signed-person" label={t('documents.action.personSignedOn')} hint={t('common.dateHint')} value={values.personSignedOn} onChange={set('personSignedOn')} error={errors.personSignedOn} className="input-date" autoComplete="off" />
        <TextField id="action-signed-worker" label={t('documents.action.workerSignedOn')} hint={t('common.dateHint')} value={values.workerSignedOn} onChange={set('workerSignedOn')} error={errors.workerSignedOn} className="input-date" autoComplete="off" />
      </div>
      <TextArea id="action-note" label={t('documents.internalNote')} hint={t('documents.internalNoteHint')} value={values.internalNote} onChange={set('internalNote')} rows={2} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('documents.action.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
