import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/dates';
import { describeError, splitFieldErrors } from '../../app/errors';
import { useFocusInvalid } from '../../app/use-focus-invalid';
import { checkDate, hasFindings } from '../../app/validation';
import { Alert } from '../../components/Alert';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { CaseDetail } from '../../../src-main/features/cases/contract';
import type { Service } from '../../../src-main/features/services/contract';
import { selectDecisionsOf, useDecisionsStore } from '../decisions/decisions-store';
import { fullName } from '../persons/person-format';
import { casePersonOptions } from './case-person-options';
import { selectServicesOf, useServicesStore } from './services-store';

/** Whether a service is still going on (no end, or an end in the future): it can then be ended. */
function ongoing(s: Service, today: string): boolean {
  return s.endDate === null || s.endDate > today;
}

/** The case's services (insatser) with start and end, "Ny insats" and "Avsluta insats" while the case is open. */
export function ServicesSection({ detail, readOnly }: { detail: CaseDetail; readOnly: boolean }) {
  const { t } = useTranslation();
  const services = useServicesStore(selectServicesOf(detail.id));
  const loaded = useServicesStore((s) => s.caseId === detail.id && s.loaded);
  const error = useServicesStore((s) => (s.caseId === detail.id ? s.error : null));
  const load = useServicesStore((s) => s.load);
  const loadTypes = useServicesStore((s) => s.loadTypes);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Service | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const today = todayIso();

  useEffect(() => {
    void load(detail.id);
    void loadTypes();
  }, [detail.id, load, loadTypes]);

  const label = (s: Service) => t('services.what', { service: s.serviceTypeLabel, name: fullName(s.person) });

  return (
    <section className="case-section" aria-labelledby="services-title">
      <div className="section-head">
        <h2 id="services-title">{t('services.title')}</h2>
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
            {t('services.new')}
          </button>
        ) : null}
      </div>
      {error ? <Alert>{describeError(error)}</Alert> : null}
      {done ? <Alert kind="success">{done}</Alert> : null}
      {loaded && services.length === 0 ? <p className="empty">{t('services.empty')}</p> : null}
      {services.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('services.service')}</th>
              <th scope="col">{t('services.person')}</th>
              <th scope="col">{t('services.decision')}</th>
              <th scope="col">{t('services.start')}</th>
              <th scope="col">{t('services.end')}</th>
              {!readOnly ? (
                <th scope="col">
                  <span className="visually-hidden">{t('casePeople.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {services.map((s) => (
              <tr key={s.id} className={s.person.protectionLevel === 'none' ? undefined : 'row-protected'}>
                <td>{s.serviceTypeLabel}</td>
                <td>
                  <span className="person-cell">
                    {fullName(s.person)} <ProtectionMarker level={s.person.protectionLevel} />
                  </span>
                </td>
                <td>{s.decision ? t('services.decisionRef', { date: s.decision.decisionDate, outcome: t(`vocab.outcome.${s.decision.outcome}`) }) : t('services.noDecision')}</td>
                <td className="cell-nowrap">{s.startDate}</td>
                <td className="cell-nowrap">{s.endDate ? (s.endDate > today ? t('services.plannedEnd', { date: s.endDate }) : s.endDate) : t('services.ongoing')}</td>
                {!readOnly ? (
                  <td className="cell-actions">
                    {ongoing(s, today) ? (
                      <button
                        type="button"
                        className="button button-small"
                        onClick={() => {
                          setDone(null);
                          setEnding(s);
                        }}
                        aria-label={t('services.endLabel', { what: label(s) })}
                      >
                        {t('services.endService')}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {ending ? (
        <EndServiceForm
          key={ending.id}
          service={ending}
          what={label(ending)}
          onDone={() => {
            setDone(t('services.ended', { what: label(ending) }));
            setEnding(null);
          }}
          onCancel={() => setEnding(null)}
        />
      ) : null}
      {adding ? (
        <ServiceForm
          detail={detail}
          onDone={() => {
            setAdding(false);
            setDone(t('services.saved'));
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

function EndServiceForm({ service, what, onDone, onCancel }: { service: Service; what: string; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const end = useServicesStore((s) => s.end);
  const [date, setDate] = useState(todayIso());
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLInputElement>(null);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const d = checkDate(date, { required: true });
    if (d) {
      setError(t(`validation.${d}`));
      ref.current?.focus();
      return;
    }
    if (date.trim() < service.startDate) {
      setError(t('validation.endBeforeStart'));
      ref.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await end(service.id, date.trim());
      onDone();
    } catch (err) {
      const { fields, other } = splitFieldErrors(err, ['endDate']);
      setError(fields.endDate ?? null);
      setFormError([describeError(err), ...other].join(' '));
      setBusy(false);
    }
  };

  return (
    <form className="subform" onSubmit={onSubmit} noValidate aria-labelledby="end-service-title">
      <h3 id="end-service-title" className="sub-title">
        {t('services.endTitle', { what })}
      </h3>
      {formError ? <Alert>{formError}</Alert> : null}
      <TextField
        ref={ref}
        id="end-service-date"
        label={t('services.endDate')}
        hint={t('common.dateHint')}
        value={date}
        onChange={(v) => {
          setDate(v);
          setError(null);
        }}
        error={error}
        inputMode="numeric"
        autoComplete="off"
        className="input-date"
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('services.saveEnd')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

type Field = 'personId' | 'serviceType' | 'decisionId' | 'startDate' | 'endDate';
const FIELDS: readonly Field[] = ['personId', 'serviceType', 'decisionId', 'startDate', 'endDate'];

function ServiceForm({ detail, onDone, onCancel }: { detail: CaseDetail; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const create = useServicesStore((s) => s.create);
  const types = useServicesStore((s) => s.types);
  const typesError = useServicesStore((s) => s.typesError);
  const decisions = useDecisionsStore(selectDecisionsOf(detail.id));
  const [values, setValues] = useState<Record<Field, string>>({ personId: '', serviceType: '', decisionId: '', startDate: todayIso(), endDate: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focus = useFocusInvalid<HTMLFormElement>();

  const set = (f: Field) => (v: string) => {
    setValues((x) => {
      const next = { ...x, [f]: v };
      // A decision must be about the same person and service; a change of either drops a choice that no longer fits.
      if ((f === 'personId' || f === 'serviceType') && next.decisionId) {
        const d = decisions.find((y) => y.id === next.decisionId);
        if (!d || d.person.id !== next.personId || d.serviceType !== next.serviceType) next.decisionId = '';
      }
      return next;
    });
    setErrors((x) => ({ ...x, [f]: undefined }));
  };

  // Decisions a service can rest on: same person, same service type, not a refusal.
  const fitting = decisions.filter((d) => d.person.id === values.personId && d.serviceType === values.serviceType && d.outcome !== 'refused');

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const found: Partial<Record<Field, string>> = {};
    if (!values.personId) found.personId = t('validation.choosePerson');
    if (!values.serviceType) found.serviceType = t('validation.chooseService');
    const s = checkDate(values.startDate, { required: true });
    if (s) found.startDate = t(`validation.${s}`);
    const en = checkDate(values.endDate);
    if (en) found.endDate = t(`validation.${en}`);
    else if (!s && values.endDate.trim() && values.endDate.trim() < values.startDate.trim()) found.endDate = t('validation.endBeforeStart');
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
        decisionId: values.decisionId || null,
        startDate: values.startDate.trim(),
        endDate: values.endDate.trim() || null,
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
    <form ref={focus.ref} className="subform form" onSubmit={onSubmit} noValidate aria-labelledby="service-form-title">
      <h3 id="service-form-title" className="sub-title">
        {t('services.new')}
      </h3>
      {formError ? <Alert>{formError}</Alert> : null}
      {typesError ? <Alert>{describeError(typesError)}</Alert> : null}
      <div className="form-row">
        <SelectField
          id="service-type"
          label={t('services.service')}
          value={values.serviceType}
          onChange={set('serviceType')}
          options={types.filter((x) => x.active).map((x) => ({ value: x.code, label: x.label }))}
          placeholder={t('common.choose')}
          error={errors.serviceType}
          autoFocus
        />
        <SelectField id="service-person" label={t('services.person')} value={values.personId} onChange={set('personId')} options={casePersonOptions(detail)} placeholder={t('common.choose')} error={errors.personId} />
      </div>
      <SelectField
        id="service-decision"
        label={t('services.decisionField')}
        hint={t('services.decisionHint')}
        value={values.decisionId}
        onChange={set('decisionId')}
        options={fitting.map((d) => ({ value: d.id, label: t('services.decisionRef', { date: d.decisionDate, outcome: t(`vocab.outcome.${d.outcome}`) }) }))}
        placeholder={t('services.noDecision')}
        error={errors.decisionId}
      />
      <div className="form-row">
        <TextField id="service-start" label={t('services.start')} hint={t('common.dateHint')} value={values.startDate} onChange={set('startDate')} error={errors.startDate} inputMode="numeric" autoComplete="off" className="input-date" />
        <TextField id="service-end" label={t('services.endOptional')} hint={t('services.endHint')} value={values.endDate} onChange={set('endDate')} error={errors.endDate} inputMode="numeric" autoComplete="off" className="input-date" />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('common.saving') : t('services.save')}
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
