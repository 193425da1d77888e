import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError, errorCode, existingIdOf, splitFieldErrors } from '../../app/errors';
import { navigate } from '../../app/navigation-store';
import { useFocusInvalid } from '../../app/use-focus-invalid';
import { hasFindings, translateFindings } from '../../app/validation';
import { Alert } from '../../components/Alert';
import { PageHeading } from '../../components/PageHeading';
import { ProtectionMarker } from '../../components/ProtectionMarker';
import { isAddressProtected } from '../../../src-main/domain/vocabulary';
import type { PersonDetail } from '../../../src-main/features/persons/contract';
import { ContactFields } from './ContactFields';
import { PersonFields } from './PersonFields';
import { fullName } from './person-format';
import {
  CONTACT_FIELDS,
  EMPTY_CONTACT_FORM,
  EMPTY_PERSON_FORM,
  PERSON_FIELDS,
  contactFromDetail,
  fromDetail,
  toCreateInput,
  toUpdateInput,
  validateContact,
  validatePerson,
  type ContactField,
  type ContactFormValues,
  type PersonField,
  type PersonFormValues,
} from './person-form-validation';
import { usePersonsStore } from './persons-store';
import { RevealAddressButton } from './RevealAddressButton';

type Field = PersonField | ContactField;
const FIELDS: readonly string[] = [...PERSON_FIELDS, ...CONTACT_FIELDS];

/**
 * "Registrera person", or with a `personId` "Ändra uppgifter" for someone
 * registered. On a number already registered, registering opens the existing
 * person instead of a duplicate.
 */
export function PersonForm({ personId }: { personId?: string }) {
  const { t } = useTranslation();
  const open = usePersonsStore((s) => s.open);
  const person = usePersonsStore((s) => (personId && s.current?.id === personId ? s.current : null));
  const error = usePersonsStore((s) => s.personError);

  useEffect(() => {
    if (personId && !person) void open(personId);
  }, [personId, person, open]);

  if (!personId) return <PersonFormBody existing={null} />;
  if (error) return <Alert>{describeError(error)}</Alert>;
  if (!person) return <p className="loading">{t('common.loading')}</p>;
  return <PersonFormBody existing={person} />;
}

function PersonFormBody({ existing }: { existing: PersonDetail | null }) {
  const { t } = useTranslation();
  const create = usePersonsStore((s) => s.create);
  const update = usePersonsStore((s) => s.update);
  const revealed = usePersonsStore((s) => (existing && s.revealed?.personId === existing.id ? s.revealed.address : null));
  const [values, setValues] = useState<PersonFormValues>(() => (existing ? fromDetail(existing) : EMPTY_PERSON_FORM));
  // Null while a protected address has not been shown: the contact block is then left as it is.
  const [contact, setContact] = useState<ContactFormValues | null>(() => {
    if (!existing) return EMPTY_CONTACT_FORM;
    if (existing.address.kind === 'withheld') return null;
    return contactFromDetail(existing, existing.address.kind === 'shown' ? existing.address.address : null);
  });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [otherErrors, setOtherErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const focus = useFocusInvalid<HTMLFormElement>();

  // An address shown for editing is hidden again when the form closes (saved or not).
  const hideAddress = usePersonsStore((s) => s.hideAddress);
  useEffect(() => () => hideAddress(), [hideAddress]);

  // The worker chose to see the protected address: now the contact block can be edited as a whole.
  useEffect(() => {
    if (existing && revealed && contact === null) setContact(contactFromDetail(existing, revealed));
  }, [existing, revealed, contact]);

  const onPersonChange = (patch: Partial<PersonFormValues>, clears: PersonField) => {
    setValues((v) => ({ ...v, ...patch }));
    setFieldErrors((e) => ({ ...e, [clears]: undefined }));
  };
  const onContactChange = (patch: Partial<ContactFormValues>, clears?: ContactField) => {
    setContact((c) => (c ? { ...c, ...patch } : c));
    if (clears) setFieldErrors((e) => ({ ...e, [clears]: undefined }));
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setOtherErrors([]);
    const findings = { ...validatePerson(values), ...(contact ? validateContact(contact) : {}) };
    if (hasFindings(findings)) {
      setFieldErrors(translateFindings<Field>(findings));
      focus.refused();
      return;
    }
    setBusy(true);
    try {
      if (existing) {
        await update(toUpdateInput(existing.id, values, contact));
        navigate({ name: 'person', personId: existing.id, notice: 'saved' });
      } else {
        const person = await create(toCreateInput(values, contact ?? undefined));
        navigate({ name: 'person', personId: person.id });
      }
    } catch (err) {
      const existingId = existingIdOf(err);
      if (!existing && existingId) {
        navigate({ name: 'person', personId: existingId, notice: 'already_registered' });
        return;
      }
      // Everything typed stays in the form; the refusal is shown where it belongs.
      const { fields, other } = splitFieldErrors(err, FIELDS);
      if (existing && errorCode(err) === 'conflict' && existingId) fields['identity.value'] = describeError(err);
      setFieldErrors(fields as Partial<Record<Field, string>>);
      setOtherErrors(other);
      setFormError(describeError(err));
      setBusy(false);
      focus.refused();
    }
  };

  const protectedNow = isAddressProtected(values.protectionLevel);

  return (
    <section className="page page-narrow">
      <PageHeading>{existing ? t('personForm.editTitle', { name: fullName(existing) }) : t('personForm.title')}</PageHeading>
      {existing ? (
        <p className="form-context">
          <ProtectionMarker level={existing.protectionLevel} />
        </p>
      ) : null}
      {formError ? (
        <Alert>
          <p>{formError}</p>
          {otherErrors.length > 0 ? (
            <ul className="plain-list">
              {otherErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <form ref={focus.ref} onSubmit={onSubmit} noValidate className="form">
        <PersonFields idPrefix="person" values={values} onChange={onPersonChange} errors={fieldErrors} />
        <fieldset className="fieldset form-section">
          <legend className="form-section-title">{t('contact.title')}</legend>
          {contact ? (
            <ContactFields idPrefix="person-contact" values={contact} onChange={onContactChange} errors={fieldErrors} addressProtected={protectedNow} />
          ) : existing ? (
            <div className="locked-contact">
              <p>
                <strong>{t('address.withheld')}</strong> {t('contact.lockedText')}
              </p>
              <RevealAddressButton personId={existing.id} personName={fullName(existing)} label={t('contact.revealToEdit')} />
            </div>
          ) : null}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.saving') : existing ? t('personForm.saveChanges') : t('personForm.submit')}
          </button>
          <button type="button" className="button" onClick={() => navigate(existing ? { name: 'person', personId: existing.id } : { name: 'persons' })} disabled={busy}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
