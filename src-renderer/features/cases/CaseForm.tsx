import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, fieldErrorsOf } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { hasFindings, translateFindings } from '../../app/validation';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { INTAKE_SOURCES, VIOLENCE_TYPES, type ViolenceType } from '../../../src-main/domain/vocabulary';
import { fullName, identityText } from '../persons/person-format';
import { usePersonsStore } from '../persons/persons-store';
import { useCasesStore } from './cases-store';
import { emptyCaseForm, toCreateInput, validateCase, type CaseField, type CaseFormValues } from './case-form-validation';

/** Opens a case for a registered person, who becomes its main person (våldsutsatt). */
export function CaseForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const create = useCasesStore((s) => s.create);
  const openPerson = usePersonsStore((s) => s.open);
  const person = usePersonsStore((s) => (s.current?.id === personId ? s.current : null));
  const [values, setValues] = useState<CaseFormValues>(() => emptyCaseForm());
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<CaseField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!person) void openPerson(personId);
  }, [person, personId, openPerson]);

  const toggleType = (type: ViolenceType, on: boolean) => {
    setValues((v) => ({ ...v, violenceTypes: on ? VIOLENCE_TYPES.filter((x) => x === type || v.violenceTypes.includes(x)) : v.violenceTypes.filter((x) => x !== type) }));
    setFieldErrors((e) => ({ ...e, violenceTypes: undefined }));
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const findings = validateCase(values);
    if (hasFindings(findings)) {
      setFieldErrors(translateFindings(findings));
      return;
    }
    setBusy(true);
    try {
      const created = await create(toCreateInput(personId, values));
      navigate({ name: 'case', caseId: created.id });
    } catch (err) {
      setFieldErrors(fieldErrorsOf(err) as Partial<Record<CaseField, string>>);
      setFormError(describeError(err));
      setBusy(false);
    }
  };

  const typesError = fieldErrors.violenceTypes;

  return (
    <section className="page page-narrow">
      <PageHeading>{t('caseForm.title')}</PageHeading>
      {person ? (
        <p className="form-context">
          <span className="form-context-label">{t('caseForm.forPerson')}:</span> <strong>{fullName(person)}</strong> <span className="cell-number">{identityText(person)}</span> <ProtectionMarker level={person.protectionLevel} />
        </p>
      ) : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="form">
        <TextField
          id="case-intake-date"
          label={t('caseForm.intakeDate')}
          hint={t('caseForm.intakeDateHint')}
          value={values.intakeDate}
          onChange={(v) => {
            setValues((s) => ({ ...s, intakeDate: v }));
            setFieldErrors((s) => ({ ...s, intakeDate: undefined }));
          }}
          error={fieldErrors.intakeDate}
          inputMode="numeric"
          autoComplete="off"
          className="input-date"
        />
        <SelectField
          id="case-source"
          label={t('caseForm.source')}
          value={values.intakeSource}
          onChange={(v) => {
            setValues((s) => ({ ...s, intakeSource: v as CaseFormValues['intakeSource'] }));
            setFieldErrors((s) => ({ ...s, intakeSource: undefined }));
          }}
          options={INTAKE_SOURCES.map((s) => ({ value: s, label: t(`vocab.intakeSource.${s}`) }))}
          placeholder={t('common.choose')}
          error={fieldErrors.intakeSource}
        />
        <fieldset className={`field fieldset${typesError ? ' field-invalid' : ''}`} aria-describedby={typesError ? 'case-types-hint case-types-error' : 'case-types-hint'}>
          <legend>{t('caseForm.violenceTypes')}</legend>
          <p id="case-types-hint" className="field-hint">
            {t('caseForm.violenceTypesHint')}
          </p>
          <div className="choices choices-columns">
            {VIOLENCE_TYPES.map((type) => (
              <div className="choice" key={type}>
                <input type="checkbox" id={`case-type-${type}`} checked={values.violenceTypes.includes(type)} onChange={(e) => toggleType(type, e.target.checked)} />
                <label htmlFor={`case-type-${type}`}>{t(`vocab.violenceType.${type}`)}</label>
              </div>
            ))}
          </div>
          {typesError ? (
            <p id="case-types-error" className="field-error" role="alert">
              {typesError}
            </p>
          ) : null}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('caseForm.submitting') : t('caseForm.submit')}
          </button>
          <button type="button" className="button" onClick={() => navigate({ name: 'person', personId })} disabled={busy}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
