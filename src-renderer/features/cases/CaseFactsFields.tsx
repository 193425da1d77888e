import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { INTAKE_SOURCES, RELATIONS, VIOLENCE_TYPES, type ViolenceType } from '../../../src-main/domain/vocabulary';
import type { CaseFactsValues, FactsField } from './case-facts';

export interface CaseFactsFieldsProps {
  /** `case` in the intake flow (ids `case-intake-date`, `case-types`…), another prefix in "Ändra uppgifter". */
  idPrefix: string;
  values: CaseFactsValues;
  onChange: (patch: Partial<CaseFactsValues>, clears: FactsField) => void;
  errors: Partial<Record<FactsField, string>>;
}

/** Intake date, source, forms of violence, relation, first contact, children in the household. */
export function CaseFactsFields({ idPrefix, values, onChange, errors }: CaseFactsFieldsProps) {
  const { t } = useTranslation();
  const toggleType = (type: ViolenceType, on: boolean) =>
    onChange({ violenceTypes: on ? VIOLENCE_TYPES.filter((x) => x === type || values.violenceTypes.includes(x)) : values.violenceTypes.filter((x) => x !== type) }, 'violenceTypes');
  const typesError = errors.violenceTypes;
  const typesId = `${idPrefix}-types`;

  return (
    <>
      <div className="form-row">
        <TextField
          id={`${idPrefix}-intake-date`}
          label={t('caseForm.intakeDate')}
          hint={t('common.dateHint')}
          value={values.intakeDate}
          onChange={(v) => onChange({ intakeDate: v }, 'intakeDate')}
          error={errors.intakeDate}
          inputMode="numeric"
          autoComplete="off"
          className="input-date"
        />
        <TextField
          id={`${idPrefix}-first-contact`}
          label={t('caseForm.firstContactDate')}
          hint={t('caseForm.firstContactDateHint')}
          value={values.firstContactDate}
          onChange={(v) => onChange({ firstContactDate: v }, 'firstContactDate')}
          error={errors.firstContactDate}
          inputMode="numeric"
          autoComplete="off"
          className="input-date"
        />
      </div>
      <SelectField
        id={`${idPrefix}-source`}
        label={t('caseForm.source')}
        value={values.intakeSource}
        onChange={(v) => onChange({ intakeSource: v as CaseFactsValues['intakeSource'] }, 'intakeSource')}
        options={INTAKE_SOURCES.map((s) => ({ value: s, label: t(`vocab.intakeSource.${s}`) }))}
        placeholder={t('common.choose')}
        error={errors.intakeSource}
      />
      <fieldset className={`field fieldset${typesError ? ' field-invalid' : ''}`} aria-describedby={typesError ? `${typesId}-hint ${typesId}-error` : `${typesId}-hint`}>
        <legend>{t('caseForm.violenceTypes')}</legend>
        <p id={`${typesId}-hint`} className="field-hint">
          {t('caseForm.violenceTypesHint')}
        </p>
        <div className="choices choices-columns">
          {VIOLENCE_TYPES.map((type) => (
            <div className="choice" key={type}>
              <input type="checkbox" id={`${idPrefix}-type-${type}`} checked={values.violenceTypes.includes(type)} onChange={(e) => toggleType(type, e.target.checked)} />
              <label htmlFor={`${idPrefix}-type-${type}`}>{t(`vocab.violenceType.${type}`)}</label>
            </div>
          ))}
        </div>
        {typesError ? (
          <p id={`${typesId}-error`} className="field-error" role="alert">
            {typesError}
          </p>
        ) : null}
      </fieldset>
      <div className="form-row">
        <SelectField
          id={`${idPrefix}-relation`}
          label={t('caseForm.relation')}
          hint={t('caseForm.relationHint')}
          value={values.relation}
          onChange={(v) => onChange({ relation: v as CaseFactsValues['relation'] }, 'relation')}
          options={RELATIONS.map((r) => ({ value: r, label: t(`vocab.relation.${r}`) }))}
          placeholder={t('caseForm.notKnown')}
          error={errors.relation}
        />
        <TextField
          id={`${idPrefix}-children`}
          label={t('caseForm.childrenInHousehold')}
          hint={t('caseForm.childrenInHouseholdHint')}
          value={values.childrenInHousehold}
          onChange={(v) => onChange({ childrenInHousehold: v }, 'childrenInHousehold')}
          error={errors.childrenInHousehold}
          inputMode="numeric"
          autoComplete="off"
          className="input-short"
        />
      </div>
    </>
  );
}
