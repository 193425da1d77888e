import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { invoke } from '../../app/api-client';
import { todayIso } from '../../app/dates';
import { describeError, splitFieldErrors } from '../../app/errors';
import { Alert } from '../../components/Alert';
import { DocumentPanelHead } from '../../components/DocumentPanelHead';
import { CheckboxField } from '../../components/CheckboxField';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { PrintControls } from '../../components/print/PrintControls';
import type { CaseDetail } from '../../../src-main/features/cases/contract';
import type { EmergencyNumber, SafetyPlan, SectionContent } from '../../../src-main/features/safety-plans/contract';
import type { SafetyPlanTemplate } from '../../../src-main/domain/templates';
import { fullName } from '../persons/person-format';
import { useSafetyPlansStore } from './safety-plans-store';

function monthLater(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
}

/** The case's safety plans: the newest version per person, earlier versions listed, and a new version. */
export function SafetyPlanPanel({ detail, readOnly }: { detail: CaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const data = useSafetyPlansStore((s) => (s.key === detail.id ? s.data : null));
  const error = useSafetyPlansStore((s) => (s.key === detail.id ? s.error : null));
  const load = useSafetyPlansStore((s) => s.load);
  const [editing, setEditing] = useState<{ from: SafetyPlan | null } | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void load(detail.id);
  }, [detail.id, load]);

  return (
    <div>
      <DocumentPanelHead title={t('documents.safety.title')} newLabel={!readOnly && !editing ? (data?.plans.length ? t('documents.safety.newVersion') : t('documents.safety.new')) : null} onNew={() => (setSaved(false), setEditing({ from: data?.plans[0]?.latest ?? null }))} error={error} savedText={saved ? t('documents.safety.saved') : null} />
      {editing && data ? (
        <SafetyPlanForm
          detail={detail}
          template={data.template}
          unitNumbers={data.unitNumbers}
          from={editing.from}
          onDone={() => {
            setEditing(null);
            setSaved(true);
            void load(detail.id);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {data && data.plans.length === 0 ? <p className="empty">{t('documents.safety.none')}</p> : null}
      {data?.plans.map((p) => (
        <section key={p.personId} className="plan-card" aria-label={p.latest.personName}>
          <p>
            <strong>{p.latest.personName}</strong> — {t('documents.safety.versionLine', { version: p.latest.version, made: p.latest.madeOn, review: p.latest.reviewOn, with: p.latest.madeWith })}
          </p>
          {p.latest.reviewOn <= todayIso() ? <Alert kind="warning">{t('documents.safety.reviewDue', { date: p.latest.reviewOn })}</Alert> : null}
          <details>
            <summary>{t('documents.safety.versions', { count: p.versions.length })}</summary>
            <ul>
              {p.versions.map((v) => (
                <li key={v.id}>{t('documents.safety.versionItem', { version: v.version, made: v.madeOn, name: v.worker.name })}</li>
              ))}
            </ul>
          </details>
          <PrintControls kind="safety_plan" id={p.latest.id} label={t('documents.safety.printLabel', { name: p.latest.personName })} />
        </section>
      ))}
    </div>
  );
}

type Field = 'personId' | 'madeOn' | 'reviewOn' | 'madeWith';

/** A new version: from the previous one, or — for a first plan — empty, with the unit's emergency numbers (Inställningar). */
function SafetyPlanForm({ detail, template, unitNumbers, from, onDone, onCancel }: { detail: CaseDetail; template: SafetyPlanTemplate; unitNumbers: EmergencyNumber[]; from: SafetyPlan | null; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const today = todayIso();
  const [values, setValues] = useState({ personId: from?.personId ?? detail.mainPersonId, madeOn: today, reviewOn: monthLater(today), madeWith: from?.madeWith ?? '', shelterAddress: from?.shelterAddress ?? '', internalNote: from?.internalNote ?? '' });
  const unitKey = template.sections.find((s) => s.kind === 'numbers')?.key;
  const [sections, setSections] = useState<Record<string, SectionContent>>(() => {
    const start: Record<string, SectionContent> = {};
    for (const s of template.sections) {
      const old = from?.sections[s.key];
      if (old) start[s.key] = old;
      else if (s.kind === 'text') start[s.key] = { text: '' };
      else if (s.kind === 'items') start[s.key] = { checked: [], other: '' };
      else start[s.key] = { numbers: (s.key === unitKey ? unitNumbers : s.defaults).map((n) => ({ ...n })) };
    }
    return start;
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (f: keyof typeof values) => (v: string) => {
    setValues((x) => ({ ...x, [f]: v }));
    setErrors((x) => ({ ...x, [f]: undefined }));
  };
  const setSection = (key: string, c: SectionContent) => setSections((x) => ({ ...x, [key]: c }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!values.madeWith.trim()) {
      setErrors({ madeWith: t('documents.safety.madeWithRequired') });
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      await invoke('safetyPlans.save', { caseId: detail.id, ...values, madeOn: values.madeOn.trim(), reviewOn: values.reviewOn.trim(), sections });
      onDone();
    } catch (err) {
      const { fields, other } = splitFieldErrors(err, ['personId', 'madeOn', 'reviewOn', 'madeWith']);
      setErrors(fields);
      setFormError([describeError(err), ...other].join(' '));
      setBusy(false);
    }
  };

  return (
    <form className="subform form" onSubmit={onSubmit} noValidate aria-labelledby="safety-form-title">
      <h4 id="safety-form-title" className="sub-title">
        {from ? t('documents.safety.newVersion') : t('documents.safety.new')}
      </h4>
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="form-row">
        <SelectField id="safety-person" label={t('documents.person')} value={values.personId} onChange={set('personId')} options={detail.persons.filter((p) => p.role !== 'perpetrator').map((p) => ({ value: p.personId, label: fullName(p) }))} error={errors.personId} />
        <TextField id="safety-made" label={t('documents.safety.madeOn')} hint={t('common.dateHint')} value={values.madeOn} onChange={set('madeOn')} error={errors.madeOn} className="input-date" autoComplete="off" />
        <TextField id="safety-review" label={t('documents.safety.reviewOn')} hint={t('common.dateHint')} value={values.reviewOn} onChange={set('reviewOn')} error={errors.reviewOn} className="input-date" autoComplete="off" />
      </div>
      <TextField id="safety-with" label={t('documents.safety.madeWith')} hint={t('documents.safety.madeWithHint')} value={values.madeWith} onChange={set('madeWith')} error={errors.madeWith} autoComplete="off" />
      {template.sections.map((s) => {
        const c = sections[s.key];
        if (s.kind === 'text' && c && 'text' in c) return <TextArea key={s.key} id={`safety-${s.key}`} label={s.title} hint={s.help} value={c.text} onChange={(v) => setSection(s.key, { text: v })} rows={3} />;
        if (s.kind === 'items' && c && 'checked' in c)
          return (
            <fieldset key={s.key} className="fieldset">
              <legend>{s.title}</legend>
              {s.items.map((i) => (
                <CheckboxField key={i.key} id={`safety-${s.key}-${i.key}`} label={i.text} checked={c.checked.includes(i.key)} onChange={(on) => setSection(s.key, { ...c, checked: on ? [...c.checked, i.key] : c.checked.filter((k) => k !== i.key) })} />
              ))}
              <TextField id={`safety-${s.key}-other`} label={t('documents.safety.other')} value={c.other ?? ''} onChange={(v) => setSection(s.key, { ...c, other: v })} autoComplete="off" />
            </fieldset>
          );
        if (s.kind === 'numbers' && c && 'numbers' in c) return <NumbersEditor key={s.key} title={s.title} numbers={c.numbers} unitNumbers={s.key === unitKey ? unitNumbers : null} onChange={(numbers) => setSection(s.key, { numbers })} />;
        return null;
      })}
      <fieldset className="fieldset internal-fields">
        <legend>{t('documents.safety.internalOnly')}</legend>
        <TextField id="safety-shelter" label={t('documents.safety.shelterAddress')} hint={t('documents.safety.shelterHint')} value={values.shelterAddress} onChange={set('shelterAddress')} autoComplete="off" />
        <TextArea id="safety-note" label={t('documents.internalNote')} hint={t('documents.internalNoteHint')} value={values.internalNote} onChange={set('internalNote')} rows={2} />
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('documents.safety.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The plan's numbers; `unitNumbers` offers the unit's current list where the plan's differ (a version made before the unit changed it). */
function NumbersEditor({ title, numbers, unitNumbers, onChange }: { title: string; numbers: EmergencyNumber[]; unitNumbers: EmergencyNumber[] | null; onChange: (n: EmergencyNumber[]) => void }) {
  const { t } = useTranslation();
  const differs = unitNumbers !== null && JSON.stringify(unitNumbers) !== JSON.stringify(numbers);
  const edit = (i: number, patch: Partial<EmergencyNumber>) => onChange(numbers.map((n, j) => (j === i ? { ...n, ...patch } : n)));
  return (
    <fieldset className="fieldset">
      <legend>{title}</legend>
      {numbers.map((n, i) => (
        <div className="form-row" key={i}>
          <TextField id={`number-label-${i}`} label={t('documents.safety.numberLabel')} value={n.label} onChange={(v) => edit(i, { label: v })} autoComplete="off" />
          <TextField id={`number-value-${i}`} label={t('documents.safety.number')} value={n.number} onChange={(v) => edit(i, { number: v })} autoComplete="off" />
          <button type="button" className="button button-small" onClick={() => onChange(numbers.filter((_, j) => j !== i))}>
            {t('documents.remove')}
          </button>
        </div>
      ))}
      <div className="button-row">
        <button type="button" className="button" onClick={() => onChange([...numbers, { label: '', number: '' }])}>
          {t('documents.safety.addNumber')}
        </button>
        {differs ? (
          <button type="button" className="button" onClick={() => onChange(unitNumbers.map((n) => ({ ...n })))}>
            {t('unitSettings.numbers.useUnitList')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
