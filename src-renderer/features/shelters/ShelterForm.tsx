import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../app/dates';
import { describeError, fieldErrorsOf } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { Alert } from '../../components/Alert';
import { CheckboxField } from '../../components/CheckboxField';
import { PageHeading } from '../../components/PageHeading';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { OPERATOR_TYPES, type ShelterDetail } from '../../../src-main/features/shelters/contract';
import { parseKronor } from '../placements/money';
import { useSheltersStore } from './shelters-store';

const TEXT_FIELDS = ['name', 'permitNumber', 'permitValidFrom', 'permitValidTo', 'capacity', 'contactName', 'contactPhone', 'contactEmail', 'streetAddress', 'postalCode', 'city', 'boysMaxAge', 'languages', 'accessibilityNotes', 'validFrom', 'adultPrice', 'childPrice'] as const;
type TextKey = (typeof TEXT_FIELDS)[number];

function initialValues(existing: ShelterDetail | null): Record<TextKey, string> {
  const empty = { ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, ''])), validFrom: todayIso() } as Record<TextKey, string>;
  if (!existing) return empty;
  const text = (x: string | number | null) => (x === null ? '' : String(x));
  return {
    ...empty,
    name: existing.name,
    permitNumber: text(existing.permitNumber),
    permitValidFrom: text(existing.permitValidFrom),
    permitValidTo: text(existing.permitValidTo),
    capacity: text(existing.capacity),
    contactName: text(existing.contactName),
    contactPhone: text(existing.contactPhone),
    contactEmail: text(existing.contactEmail),
    boysMaxAge: text(existing.boysMaxAge),
    languages: text(existing.languages),
    accessibilityNotes: text(existing.accessibilityNotes),
  };
}

/**
 * Registers a new shelter with its first price period, or changes one
 * (`existing`). The secret address is never loaded into the form: on a
 * change it is replaced only when the worker ticks "Ändra adressen".
 */
export function ShelterForm({ existing = null }: { existing?: ShelterDetail | null }) {
  const { t } = useTranslation();
  const create = useSheltersStore((s) => s.create);
  const update = useSheltersStore((s) => s.update);
  const [v, setV] = useState<Record<TextKey, string>>(() => initialValues(existing));
  const [operatorType, setOperatorType] = useState<string>(existing?.operatorType ?? '');
  const [wheelchair, setWheelchair] = useState(existing?.wheelchairAccessible ?? false);
  const [pets, setPets] = useState(existing?.petsAllowed ?? false);
  const [changeAddress, setChangeAddress] = useState(existing === null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const field = (k: TextKey, label: string, extra: { hint?: string; className?: string } = {}) => (
    <TextField id={`shelter-${k}`} label={label} value={v[k]} onChange={(x) => setV((s) => ({ ...s, [k]: x }))} error={errors[k]} {...extra} />
  );
  const num = (s: string) => (s.trim() === '' ? null : Number(s.trim()));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const adult = parseKronor(v.adultPrice);
    const child = parseKronor(v.childPrice);
    const local: Record<string, string> = {};
    if (!v.name.trim()) local.name = t('validation.required');
    if (!operatorType) local.operatorType = t('validation.required');
    if (adult === null) local.adultPrice = t('shelters.priceInvalid');
    if (child === null) local.childPrice = t('shelters.priceInvalid');
    if (Object.keys(local).length > 0) {
      setErrors(local);
      return;
    }
    setBusy(true);
    const fields = {
        name: v.name,
        operatorType: operatorType as (typeof OPERATOR_TYPES)[number],
        permitNumber: v.permitNumber,
        permitValidFrom: v.permitValidFrom.trim() || null,
        permitValidTo: v.permitValidTo.trim() || null,
        capacity: num(v.capacity),
        contactName: v.contactName,
        contactPhone: v.contactPhone,
        contactEmail: v.contactEmail,
        wheelchairAccessible: wheelchair,
        petsAllowed: pets,
        boysMaxAge: num(v.boysMaxAge),
        languages: v.languages,
        accessibilityNotes: v.accessibilityNotes,
    };
    const address = { streetAddress: v.streetAddress, postalCode: v.postalCode, city: v.city };
    try {
      const saved = existing
        ? await update({ id: existing.id, ...fields, ...(changeAddress ? { address } : {}) })
        : await create({ ...fields, ...address, ...(adult != null && child != null ? { firstPrice: { validFrom: v.validFrom.trim(), adultOre: adult, childOre: child } } : {}) });
      navigate({ name: 'shelter', shelterId: saved.id });
    } catch (err) {
      const found = fieldErrorsOf(err);
      const renamed = Object.fromEntries(Object.entries(found).map(([k, x]) => [k.replace(/^address\./, '').replace(/^firstPrice\.validFrom$/, 'validFrom'), x]));
      setErrors(renamed);
      setFormError(describeError(err));
      setBusy(false);
    }
  };

  return (
    <section className="page">
      <PageHeading>{existing ? t('shelters.editTitle', { name: existing.name }) : t('shelters.new')}</PageHeading>
      <form className="form form-wide" onSubmit={onSubmit} noValidate>
        {formError ? <Alert>{formError}</Alert> : null}
        {field('name', t('shelters.name'))}
        <SelectField
          id="shelter-operatorType"
          label={t('shelters.operatorType')}
          value={operatorType}
          onChange={setOperatorType}
          placeholder={t('common.choose')}
          options={OPERATOR_TYPES.map((o) => ({ value: o, label: t(`placementVocab.operatorType.${o}`) }))}
          error={errors.operatorType}
        />
        <div className="form-row">
          {field('permitNumber', t('shelters.permitNumber'))}
          {field('permitValidFrom', t('shelters.permitValidFrom'), { hint: t('common.dateHint'), className: 'input-date' })}
          {field('permitValidTo', t('shelters.permitValidTo'), { hint: t('common.dateHint'), className: 'input-date' })}
        </div>
        {field('capacity', t('shelters.capacity'), { className: 'input-short' })}
        <div className="form-row">
          {field('contactName', t('shelters.contactName'))}
          {field('contactPhone', t('shelters.contactPhone'))}
          {field('contactEmail', t('shelters.contactEmail'))}
        </div>
        <fieldset className="fieldset">
          <legend>{t('shelters.addressLegend')}</legend>
          <p className="field-hint">{t('shelters.addressHint')}</p>
          {existing ? <CheckboxField id="shelter-changeAddress" label={t('shelters.changeAddress')} hint={t('shelters.changeAddressHint')} checked={changeAddress} onChange={setChangeAddress} /> : null}
          {changeAddress ? (
            <>
              {field('streetAddress', t('shelters.address'))}
              <div className="form-row">
                {field('postalCode', t('shelters.postalCode'), { className: 'input-short' })}
                {field('city', t('shelters.city'))}
              </div>
            </>
          ) : null}
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('shelters.accessibilityLegend')}</legend>
          <CheckboxField id="shelter-wheelchair" label={t('shelters.wheelchair')} checked={wheelchair} onChange={setWheelchair} />
          <CheckboxField id="shelter-pets" label={t('shelters.pets')} checked={pets} onChange={setPets} />
          {field('boysMaxAge', t('shelters.boysMaxAge'), { className: 'input-short' })}
          {field('languages', t('shelters.languages'))}
          <TextArea id="shelter-accessibilityNotes" label={t('shelters.accessibilityNotes')} value={v.accessibilityNotes} onChange={(x) => setV((s) => ({ ...s, accessibilityNotes: x }))} error={errors.accessibilityNotes} />
        </fieldset>
        {existing ? null : (
        <fieldset className="fieldset">
          <legend>{t('shelters.firstPriceLegend')}</legend>
          <div className="form-row">
            {field('validFrom', t('shelters.validFrom'), { hint: t('common.dateHint'), className: 'input-date' })}
            {field('adultPrice', t('shelters.adultPrice'), { hint: t('shelters.priceHint'), className: 'input-short' })}
            {field('childPrice', t('shelters.childPrice'), { hint: t('shelters.priceHint'), className: 'input-short' })}
          </div>
        </fieldset>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : t('shelters.save')}
          </button>
          <button type="button" className="button" onClick={() => navigate(existing ? { name: 'shelter', shelterId: existing.id } : { name: 'shelters' })}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
