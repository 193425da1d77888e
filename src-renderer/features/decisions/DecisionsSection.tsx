import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/dates';
import { describeError, splitFieldErrors } from '../../app/errors';
import { useFocusInvalid } from '../../app/use-focus-invalid';
import { checkDate, hasFindings } from '../../app/validation';
import { Alert } from '../../components/Alert';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { CaseDetail } from '../../../src-main/features/cases/contract';
import type { DecisionOutcome } from '../../../src-main/features/decisions/contract';
import { fullName } from '../persons/person-format';
import { useServicesStore } from '../services/services-store';
import { casePersonOptions } from '../services/case-person-options';
import { selectDecisionsOf, useDecisionsStore } from './decisions-store';

/** The outcomes, in the order the contract lists them (not imported: the contract module carries zod). */
export const OUTCOMES: readonly DecisionOutcome[] = ['granted', 'partly_granted', 'refused'];

/** The case's decisions (beslut) on services, and "Nytt beslut" while the case is open. */
export function DecisionsSection({ detail, readOnly }: { detail: CaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const decisions = useDecisionsStore(selectDecisionsOf(detail.id));
  const loaded = useDecisionsStore((s) => s.caseId === detail.id && s.loaded);
  const error = useDecisionsStore((s) => (s.caseId === detail.id ? s.error : null));
  const load = useDecisionsStore((s) => s.load);
  const [adding, setAdding] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void load(detail.id);
  }, [detail.id, load]);

  return (
    <section className="case-section" aria-labelledby="decisions-title">
      <div className="section-head">
        <h2 id="decisions-title">{t('decisions.title')}</h2>
        {!readOnly && !adding ? (
          <button
            ref={opener}
            type="button"
            className="button"
            onClick={() => {
              setDone(null);
              setAdding(true);
            }}
          >
            {t('decisions.new')}
          </button>
        ) : null}
      </div>
      {error ? <Alert>{describeError(error)}</Alert> : null}
      {done ? <Alert kind="success">{done}</Alert> : null}
      {loaded && decisions.length === 0 ? <p className="empty">{t('decisions.empty')}</p> : null}
      {decisions.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('decisions.date')}</th>
              <th scope="col">{t('decisions.person')}</th>
              <th scope="col">{t('decisions.service')}</th>
              <th scope="col">{t('decisions.outcome')}</th>
              <th scope="col">{t('decisions.legalGround')}</th>
              <th scope="col">{t('decisions.decidedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => (
              <tr key={d.id} className={d.person.protectionLevel === 'none' ? undefined : 'row-protected'}>
                <td className="cell-nowrap">{d.decisionDate}</td>
                <td>
                  <span className="person-cell">
                    {fullName(d.person)} <ProtectionMarker level={d.person.protectionLevel} />
                  </span>
                </td>
                <td>{d.serviceTypeLabel}</td>
                <td>
                  <span className={`outcome outcome-${d.outcome}`}>{t(`vocab.outcome.${d.outcome}`)}</span>
                </td>
                <td>{d.legalGround}</td>
                <td>{d.decidedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {adding ? (
        <DecisionForm
          detail={detail}
          onDone={() => {
            setAdding(false);
            setDone(t('decisions.saved'));
            setTimeout(() => opener.current?.focus(), 0);
          }}
          onCancel={() => {
            setAdding(false);
            setTimeout(() => opener.current?.focus(), 0);
          }}
        />
      ) : null}
    </section>
  );
}

type Field = 'personId' | 'serviceType' | 'outcome' | 'decisionDate' | 'legalGround' | 'decidedBy';
const FIELDS: readonly Field[] = ['personId', 'serviceType', 'outcome', 'decisionDate', 'legalGround', 'decidedBy'];

function DecisionForm({ detail, onDone, onCancel }: { detail: CaseDetail; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const create = useDecisionsStore((s) => s.create);
  const types = useServicesStore((s) => s.types);
  const typesError = useServicesStore((s) => s.typesError);
  const loadTypes = useServicesStore((s) => s.loadTypes);
  const [values, setValues] = useState<Record<Field, string>>({ personId: '', serviceType: '', outcome: '', decisionDate: todayIso(), legalGround: '', decidedBy: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focus = useFocusInvalid<HTMLFormElement>();

  useEffect(() => {
    void loadTypes();
  }, [loadTypes]);

  const set = (f: Field) => (v: string) => {
    setValues((x) => ({ ...x, [f]: v }));
    setErrors((x) => ({ ...x, [f]: undefined }));
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const found: Partial<Record<Field, string>> = {};
    if (!values.personId) found.personId = t('validation.choosePerson');
    if (!values.serviceType) found.serviceType = t('validation.chooseService');
    if (!values.outcome) found.outcome = t('validation.chooseOutcome');
    const d = checkDate(values.decisionDate, { required: true, notFuture: true });
    if (d) found.decisionDate = t(`validation.${d}`);
    if (!values.legalGround.trim()) found.legalGround = t('validation.required');
    else if (values.legalGround.trim().length > 500) found.legalGround = t('validation.tooLong500');
    if (!values.decidedBy.trim()) found.decidedBy = t('validation.required');
    else if (values.decidedBy.trim().length > 200) found.decidedBy = t('validation.tooLong200');
    if (hasFindings(found)) {
      setErrors(found);
      focus.refused();
      return;
    }
    setBusy(true);
    try {
      await create({
        caseId: detail.id,
        personId: values.personId,
        serviceType: values.serviceType,
        outcome: values.outcome as DecisionOutcome,
        decisionDate: values.decisionDate.trim(),
        legalGround: values.legalGround.trim(),
        decidedBy: values.decidedBy.trim(),
      });
      onDone();
    } catch (err) {
      const { fields, other } = splitFieldErrors(err, FIELDS);
      setErrors(fields);
      setFormError([describeError(err), ...other].join(' '));
      setBusy(false);
      focus.refused();
    }
  };

  return (
    <form ref={focus.ref} className="subform form" onSubmit={onSubmit} noValidate aria-labelledby="decision-form-title">
      <h3 id="decision-form-title" className="sub-title">
        {t('decisions.new')}
      </h3>
      {formError ? <Alert>{formError}</Alert> : null}
      {typesError ? <Alert>{describeError(typesError)}</Alert> : null}
      <div className="form-row">
        <SelectField id="decision-person" label={t('decisions.person')} value={values.personId} onChange={set('personId')} options={casePersonOptions(detail)} placeholder={t('common.choose')} error={errors.personId} autoFocus />
        <SelectField
          id="decision-type"
          label={t('decisions.service')}
          value={values.serviceType}
          onChange={set('serviceType')}
          options={types.filter((x) => x.active).map((x) => ({ value: x.code, label: x.label }))}
          placeholder={t('common.choose')}
          error={errors.serviceType}
        />
      </div>
      <RadioGroup name="decision-outcome" legend={t('decisions.outcome')} value={values.outcome} onChange={set('outcome')} options={OUTCOMES.map((o) => ({ value: o, label: t(`vocab.outcome.${o}`) }))} error={errors.outcome} inline />
      <TextField id="decision-date" label={t('decisions.date')} hint={t('common.dateHint')} value={values.decisionDate} onChange={set('decisionDate')} error={errors.decisionDate} inputMode="numeric" autoComplete="off" className="input-date" />
      <TextField id="decision-legal" label={t('decisions.legalGround')} hint={t('decisions.legalGroundHint')} value={values.legalGround} onChange={set('legalGround')} error={errors.legalGround} autoComplete="off" />
      <TextField id="decision-by" label={t('decisions.decidedBy')} hint={t('decisions.decidedByHint')} value={values.decidedBy} onChange={set('decidedBy')} error={errors.decidedBy} autoComplete="off" />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('decisions.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
