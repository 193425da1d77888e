import { normaliseReserveNumber, parsePersonalNumber, type PersonalNumberError } from '../../../src-main/domain/personal-number';
import type { Gender, ProtectionLevel } from '../../../src-main/domain/vocabulary';
import type { PersonAddress, PersonCreateInput, PersonDetail } from '../../../src-main/features/persons/contract';
import type { ValidationKey } from '../../app/validation';

export type IdentityKind = 'personnummer' | 'reservnummer' | 'none';

/** Who the person is: what every registration needs. */
export interface PersonFormValues {
  firstName: string;
  lastName: string;
  identityKind: IdentityKind;
  personalNumber: string;
  reserveNumber: string;
  birthYear: string;
  gender: Gender | '';
  protectionLevel: ProtectionLevel;
}

/** How to reach the person; all optional. */
export interface ContactFormValues {
  streetAddress: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
  language: string;
  interpreterNeeded: boolean;
}

export const EMPTY_PERSON_FORM: PersonFormValues = {
  firstName: '',
  lastName: '',
  identityKind: 'personnummer',
  personalNumber: '',
  reserveNumber: '',
  birthYear: '',
  gender: '',
  protectionLevel: 'none',
};

export const EMPTY_CONTACT_FORM: ContactFormValues = { streetAddress: '', postalCode: '', city: '', phone: '', email: '', language: '', interpreterNeeded: false };

/** Field keys are the server's issue paths, so client and server errors land on the same field. */
export type PersonField = 'firstName' | 'lastName' | 'identity.value' | 'identity.birthYear' | 'gender' | 'protectionLevel';
export const PERSON_FIELDS: readonly PersonField[] = ['firstName', 'lastName', 'identity.value', 'identity.birthYear', 'gender', 'protectionLevel'];

export type ContactField = 'contact.streetAddress' | 'contact.postalCode' | 'contact.city' | 'contact.phone' | 'contact.email' | 'contact.language';
export const CONTACT_FIELDS: readonly ContactField[] = ['contact.streetAddress', 'contact.postalCode', 'contact.city', 'contact.phone', 'contact.email', 'contact.language'];

const NUMBER_KEYS: Record<PersonalNumberError, ValidationKey> = {
  format: 'personalNumberFormat',
  checksum: 'personalNumberChecksum',
  date: 'personalNumberDate',
  future: 'personalNumberFuture',
};

function checkName(name: string): ValidationKey | null {
  const t = name.trim();
  if (t.length === 0) return 'required';
  if (t.length > 100) return 'tooLong';
  return null;
}

/** The same rules the main process applies (personal-number.ts is shared), so most mistakes are caught before saving. */
export function validatePerson(v: PersonFormValues, today: Date = new Date()): Partial<Record<PersonField, ValidationKey>> {
  const out: Partial<Record<PersonField, ValidationKey>> = {};
  const first = checkName(v.firstName);
  if (first) out.firstName = first;
  const last = checkName(v.lastName);
  if (last) out.lastName = last;
  if (v.identityKind === 'personnummer') {
    if (v.personalNumber.trim().length === 0) out['identity.value'] = 'required';
    else {
      const parsed = parsePersonalNumber(v.personalNumber, today);
      if (!parsed.ok) out['identity.value'] = NUMBER_KEYS[parsed.error];
    }
  } else if (v.identityKind === 'reservnummer') {
    if (!normaliseReserveNumber(v.reserveNumber)) out['identity.value'] = 'reserveNumber';
  } else if (v.birthYear.trim() !== '') {
    const year = Number(v.birthYear.trim());
    if (!/^\d{4}$/.test(v.birthYear.trim()) || year < 1900 || year > today.getFullYear()) out['identity.birthYear'] = 'birthYear';
  }
  if (!v.gender) out.gender = 'chooseGender';
  return out;
}

/** The contact rules of the contract: postal code NNN NN, phone digits, a plausible e-mail address. */
export function validateContact(v: ContactFormValues): Partial<Record<ContactField, ValidationKey>> {
  const out: Partial<Record<ContactField, ValidationKey>> = {};
  if (v.streetAddress.trim().length > 200) out['contact.streetAddress'] = 'tooLong200';
  if (!/^(\d{3} ?\d{2})?$/.test(v.postalCode.trim())) out['contact.postalCode'] = 'postalCode';
  if (v.city.trim().length > 100) out['contact.city'] = 'tooLong';
  if (!/^[0-9+\-() ]{0,30}$/.test(v.phone.trim())) out['contact.phone'] = 'phone';
  const email = v.email.trim();
  if (email.length > 0 && (email.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))) out['contact.email'] = 'email';
  if (v.language.trim().length > 60) out['contact.language'] = 'tooLong60';
  return out;
}

function identityOf(v: PersonFormValues): PersonCreateInput['identity'] {
  return v.identityKind === 'personnummer'
    ? { kind: 'personnummer', value: v.personalNumber.trim() }
    : v.identityKind === 'reservnummer'
      ? { kind: 'reservnummer', value: v.reserveNumber.trim() }
      : { kind: 'none', birthYear: v.birthYear.trim() === '' ? null : Number(v.birthYear.trim()) };
}

function contactOf(c: ContactFormValues): NonNullable<PersonCreateInput['contact']> {
  return {
    streetAddress: c.streetAddress.trim(),
    postalCode: c.postalCode.trim(),
    city: c.city.trim(),
    phone: c.phone.trim(),
    email: c.email.trim(),
    language: c.language.trim(),
    interpreterNeeded: c.interpreterNeeded,
  };
}

export function hasContact(c: ContactFormValues): boolean {
  return c.interpreterNeeded || [c.streetAddress, c.postalCode, c.city, c.phone, c.email, c.language].some((s) => s.trim() !== '');
}

/** The input of persons.create; call only after validation found nothing. Contact details go along only when some are filled in. */
export function toCreateInput(v: PersonFormValues, contact?: ContactFormValues): PersonCreateInput {
  const input: PersonCreateInput = {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    identity: identityOf(v),
    gender: v.gender as Gender,
    protectionLevel: v.protectionLevel,
  };
  if (contact && hasContact(contact)) input.contact = contactOf(contact);
  return input;
}

/**
 * The input of persons.update. `contact: null` leaves every contact detail as
 * it is: persons.update replaces the whole contact block, so a form that has
 * not been shown a protected address must not send one (it would erase it).
 */
export function toUpdateInput(id: string, v: PersonFormValues, contact: ContactFormValues | null): PersonCreateInput & { id: string } {
  const input: PersonCreateInput & { id: string } = { id, ...toCreateInput(v) };
  if (contact) input.contact = contactOf(contact);
  return input;
}

/** The form as a registered person fills it, for editing. */
export function fromDetail(p: PersonDetail): PersonFormValues {
  const kind: IdentityKind = p.numberKind === 'reservnummer' ? 'reservnummer' : p.numberKind === 'none' ? 'none' : 'personnummer';
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    identityKind: kind,
    personalNumber: kind === 'personnummer' ? (p.personalNumber ?? '') : '',
    reserveNumber: kind === 'reservnummer' ? (p.personalNumber ?? '').replace(/^R:/, '') : '',
    birthYear: kind === 'none' && p.birthYear ? String(p.birthYear) : '',
    gender: p.gender,
    protectionLevel: p.protectionLevel,
  };
}

/** The contact part of a registered person; the address comes from the detail or from a deliberate reveal. */
export function contactFromDetail(p: PersonDetail, address: PersonAddress | null): ContactFormValues {
  return {
    streetAddress: address?.streetAddress ?? '',
    postalCode: address?.postalCode ?? '',
    city: address?.city ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    language: p.language ?? '',
    interpreterNeeded: p.interpreterNeeded,
  };
}
