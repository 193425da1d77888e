import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/CheckboxField';
import { TextField } from '../../components/TextField';
import type { ContactField, ContactFormValues } from './person-form-validation';

export interface ContactFieldsProps {
  idPrefix: string;
  values: ContactFormValues;
  onChange: (patch: Partial<ContactFormValues>, clears?: ContactField) => void;
  errors: Partial<Record<ContactField, string>>;
  /** The person has (or gets) a protected identity: the address is marked as secret. */
  addressProtected: boolean;
}

/** Address, phone, e-mail, language and interpreter need. */
export function ContactFields({ idPrefix, values, onChange, errors, addressProtected }: ContactFieldsProps) {
  const { t } = useTranslation();
  const set = (field: Exclude<keyof ContactFormValues, 'interpreterNeeded'>, clears: ContactField) => (value: string) => onChange({ [field]: value }, clears);
  return (
    <>
      <TextField
        id={`${idPrefix}-street`}
        label={t('contact.streetAddress')}
        hint={addressProtected ? t('contact.addressProtectedHint') : undefined}
        value={values.streetAddress}
        onChange={set('streetAddress', 'contact.streetAddress')}
        error={errors['contact.streetAddress']}
        autoComplete="off"
      />
      <div className="form-row">
        <TextField id={`${idPrefix}-postal`} label={t('contact.postalCode')} hint={t('contact.postalCodeHint')} value={values.postalCode} onChange={set('postalCode', 'contact.postalCode')} error={errors['contact.postalCode']} inputMode="numeric" autoComplete="off" className="input-short" />
        <TextField id={`${idPrefix}-city`} label={t('contact.city')} value={values.city} onChange={set('city', 'contact.city')} error={errors['contact.city']} autoComplete="off" />
      </div>
      <div className="form-row">
        <TextField id={`${idPrefix}-phone`} label={t('contact.phone')} value={values.phone} onChange={set('phone', 'contact.phone')} error={errors['contact.phone']} inputMode="tel" autoComplete="off" />
        <TextField id={`${idPrefix}-email`} label={t('contact.email')} value={values.email} onChange={set('email', 'contact.email')} error={errors['contact.email']} inputMode="email" autoComplete="off" />
      </div>
      <div className="form-row">
        <TextField id={`${idPrefix}-language`} label={t('contact.language')} hint={t('contact.languageHint')} value={values.language} onChange={set('language', 'contact.language')} error={errors['contact.language']} autoComplete="off" />
        <CheckboxField id={`${idPrefix}-interpreter`} label={t('contact.interpreterNeeded')} checked={values.interpreterNeeded} onChange={(v) => onChange({ interpreterNeeded: v })} />
      </div>
    </>
  );
}
