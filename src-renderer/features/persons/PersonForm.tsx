import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, errorCode, fieldErrorsOf } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { hasFindings, translateFindings } from '../../app/validation';
import { ApiError } from '../../app/api-client';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { parsePersonalNumber } from '../../../src-main/domain/personal-number';
import { GENDERS, PROTECTION_LEVELS } from '../../../src-main/domain/vocabulary';
import { usePersonsStore } from './persons-store';
import { EMPTY_PERSON_FORM, toCreateInput, validatePerson, type IdentityKind, type PersonField, type PersonFormValues } from './person-form-validation';

/** "Registrera person". On a number already registered, the existing person opens instead of a duplicate. */
export function PersonForm() {
  const { t } = useTranslation();
  const create = usePersonsStore((s) => s.create);
  const [values, setValues] = useState<PersonFormValues>(EMPTY_PERSON_FORM);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<PersonField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set =
    <K extends keyof PersonFormValues>(field: K, clears: PersonField) =>
    (value: string) => {
      setValues((v) => ({ ...v, [field]: value as PersonFormValues[K] }));
      setFieldErrors((e) => ({ ...e, [clears]: undefined }));
    };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const findings = validatePerson(values);
    if (hasFindings(findings)) {
      setFieldErrors(translateFindings(findings));
      return;
    }
    setBusy(true);
    try {
      const person = await create(toCreateInput(values));
      navigate({ name: 'person', personId: person.id });
    } catch (err) {
      const existingId = err instanceof ApiError ? err.payload.details?.existingId : undefined;
      if (errorCode(err) === 'conflict' && existingId) {
        navigate({ name: 'person', personId: existingId, notice: 'already_registered' });
        return;
      }
      setFieldErrors(fieldErrorsOf(err) as Partial<Record<PersonField, string>>);
      setFormError(describeError(err));
      setBusy(false);
    }
  };

  const parsed = values.identityKind === 'personnummer' && values.personalNumber.trim() ? parsePersonalNumber(values.personalNumber) : null;
  const interpreted = parsed?.ok ? t('personForm.interpretedAs', { value: `${parsed.value.canonical} (${t(`vocab.numberKind.${parsed.value.kind}`).toLowerCase()})` }) : null;

  const kinds: { value: IdentityKind; label: string }[] = [
    { value: 'personnummer', label: t('personForm.kindPersonnummer') },
    { value: 'reservnummer', label: t('personForm.kindReserve') },
    { value: 'none', label: t('personForm.kindNone') },
  ];

  return (
    <section className="page page-narrow">
      <PageHeading>{t('personForm.title')}</PageHeading>
      {formError ? <Alert>{formError}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="form">
        <div className="form-row">
          <TextField id="person-first" label={t('personForm.firstName')} value={values.firstName} onChange={set('firstName', 'firstName')} error={fieldErrors.firstName} autoComplete="off" aria-required="true" />
          <TextField id="person-last" label={t('personForm.lastName')} value={values.lastName} onChange={set('lastName', 'lastName')} error={fieldErrors.lastName} autoComplete="off" aria-required="true" />
        </div>
        <RadioGroup name="person-kind" legend={t('personForm.identityKind')} value={values.identityKind} onChange={(v) => set('identityKind', 'identity.value')(v)} options={kinds} />
        {values.identityKind === 'personnummer' ? (
          <TextField
            id="person-number"
            label={t('personForm.personnummer')}
            hint={t('personForm.personnummerHint')}
            value={values.personalNumber}
            onChange={set('personalNumber', 'identity.value')}
            error={fieldErrors['identity.value']}
            inputMode="numeric"
            autoComplete="off"
            className="input-number"
            after={interpreted && !fieldErrors['identity.value'] ? <p id="person-number-interpreted" className="field-note">{interpreted}</p> : null}
            afterId={interpreted && !fieldErrors['identity.value'] ? 'person-number-interpreted' : undefined}
          />
        ) : null}
        {values.identityKind === 'reservnummer' ? (
          <TextField id="person-reserve" label={t('personForm.reservnummer')} value={values.reserveNumber} onChange={set('reserveNumber', 'identity.value')} error={fieldErrors['identity.value']} autoComplete="off" className="input-number" />
        ) : null}
        {values.identityKind === 'none' ? (
          <TextField id="person-birth-year" label={t('personForm.birthYear')} value={values.birthYear} onChange={set('birthYear', 'identity.birthYear')} error={fieldErrors['identity.birthYear']} inputMode="numeric" autoComplete="off" className="input-year" />
        ) : null}
        <SelectField
          id="person-gender"
          label={t('personForm.gender')}
          hint={t('personForm.genderHint')}
          value={values.gender}
          onChange={set('gender', 'gender')}
          options={GENDERS.map((g) => ({ value: g, label: t(`vocab.gender.${g}`) }))}
          placeholder={t('common.choose')}
          error={fieldErrors.gender}
        />
        <RadioGroup
          name="person-protection"
          legend={t('personForm.protection')}
          value={values.protectionLevel}
          onChange={set('protectionLevel', 'protectionLevel')}
          options={PROTECTION_LEVELS.map((p) => ({ value: p, label: t(`vocab.protection.${p}`) }))}
          error={fieldErrors.protectionLevel}
        />
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('personForm.submitting') : t('personForm.submit')}
          </button>
          <button type="button" className="button" onClick={() => navigate({ name: 'persons' })} disabled={busy}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
