import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { parsePersonalNumber } from '../../../src-main/domain/personal-number';
import { GENDERS, PROTECTION_LEVELS } from '../../../src-main/domain/vocabulary';
import type { IdentityKind, PersonField, PersonFormValues } from './person-form-validation';

export interface PersonFieldsProps {
  /** Prefix of the fields' ids, unique on the page (`person`, `intake-main`, `intake-row-3`). */
  idPrefix: string;
  values: PersonFormValues;
  /** One field changed; `clears` is the error it makes stale. */
  onChange: (patch: Partial<PersonFormValues>, clears: PersonField) => void;
  errors: Partial<Record<PersonField, string>>;
  /** Ties a notice (e.g. "this number is already registered") to the number field. */
  numberNote?: { id: string; node: ReactNode } | null;
}

/** Who a person is: names, number (or reserve number, or birth year), gender as recorded, protection. */
export function PersonFields({ idPrefix, values, onChange, errors, numberNote }: PersonFieldsProps) {
  const { t } = useTranslation();
  const set = (field: keyof PersonFormValues, clears: PersonField) => (value: string) => onChange({ [field]: value } as Partial<PersonFormValues>, clears);

  const parsed = values.identityKind === 'personnummer' && values.personalNumber.trim() ? parsePersonalNumber(values.personalNumber) : null;
  const interpreted = parsed?.ok ? t('personForm.interpretedAs', { value: `${parsed.value.canonical} (${t(`vocab.numberKind.${parsed.value.kind}`).toLowerCase()})` }) : null;
  const numberError = errors['identity.value'];
  const showInterpreted = interpreted && !numberError && !numberNote;

  const kinds: { value: IdentityKind; label: string }[] = [
    { value: 'personnummer', label: t('personForm.kindPersonnummer') },
    { value: 'reservnummer', label: t('personForm.kindReserve') },
    { value: 'none', label: t('personForm.kindNone') },
  ];

  return (
    <>
      <div className="form-row">
        <TextField id={`${idPrefix}-first`} label={t('personForm.firstName')} value={values.firstName} onChange={set('firstName', 'firstName')} error={errors.firstName} autoComplete="off" aria-required="true" />
        <TextField id={`${idPrefix}-last`} label={t('personForm.lastName')} value={values.lastName} onChange={set('lastName', 'lastName')} error={errors.lastName} autoComplete="off" aria-required="true" />
      </div>
      <RadioGroup name={`${idPrefix}-kind`} legend={t('personForm.identityKind')} value={values.identityKind} onChange={set('identityKind', 'identity.value')} options={kinds} inline />
      {values.identityKind === 'personnummer' ? (
        <TextField
          id={`${idPrefix}-number`}
          label={t('personForm.personnummer')}
          hint={t('personForm.personnummerHint')}
          value={values.personalNumber}
          onChange={set('personalNumber', 'identity.value')}
          error={numberError}
          inputMode="numeric"
          autoComplete="off"
          className="input-number"
          after={numberNote ? numberNote.node : showInterpreted ? <p id={`${idPrefix}-number-interpreted`} className="field-note">{interpreted}</p> : null}
          afterId={numberNote ? numberNote.id : showInterpreted ? `${idPrefix}-number-interpreted` : undefined}
        />
      ) : null}
      {values.identityKind === 'reservnummer' ? (
        <TextField id={`${idPrefix}-reserve`} label={t('personForm.reservnummer')} value={values.reserveNumber} onChange={set('reserveNumber', 'identity.value')} error={numberError} autoComplete="off" className="input-number" />
      ) : null}
      {values.identityKind === 'none' ? (
        <TextField id={`${idPrefix}-birth-year`} label={t('personForm.birthYear')} value={values.birthYear} onChange={set('birthYear', 'identity.birthYear')} error={errors['identity.birthYear']} inputMode="numeric" autoComplete="off" className="input-year" />
      ) : null}
      <SelectField
        id={`${idPrefix}-gender`}
        label={t('personForm.gender')}
        hint={t('personForm.genderHint')}
        value={values.gender}
        onChange={set('gender', 'gender')}
        options={GENDERS.map((g) => ({ value: g, label: t(`vocab.gender.${g}`) }))}
        placeholder={t('common.choose')}
        error={errors.gender}
      />
      <RadioGroup
        name={`${idPrefix}-protection`}
        legend={t('personForm.protection')}
        value={values.protectionLevel}
        onChange={set('protectionLevel', 'protectionLevel')}
        options={PROTECTION_LEVELS.map((p) => ({ value: p, label: t(`vocab.protection.${p}`) }))}
        error={errors.protectionLevel}
        inline
      />
    </>
  );
}
