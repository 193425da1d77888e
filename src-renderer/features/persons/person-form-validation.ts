import { normaliseReserveNumber, parsePersonalNumber, type PersonalNumberError } from '../../../src-main/domain/personal-number';
import type { Gender, ProtectionLevel } from '../../../src-main/domain/vocabulary';
import type { PersonCreateInput } from '../../../src-main/features/persons/contract';
import type { ValidationKey } from '../../app/validation';

export type IdentityKind = 'personnummer' | 'reservnummer' | 'none';

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

/** Field keys are the server's issue paths, so client and server errors land on the same field. */
export type PersonField = 'firstName' | 'lastName' | 'identity.value' | 'identity.birthYear' | 'gender' | 'protectionLevel';

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

/** The input of persons.create; call only after validatePerson found nothing. */
export function toCreateInput(v: PersonFormValues): PersonCreateInput {
  const identity: PersonCreateInput['identity'] =
    v.identityKind === 'personnummer'
      ? { kind: 'personnummer', value: v.personalNumber.trim() }
      : v.identityKind === 'reservnummer'
        ? { kind: 'reservnummer', value: v.reserveNumber.trim() }
        : { kind: 'none', birthYear: v.birthYear.trim() === '' ? null : Number(v.birthYear.trim()) };
  return {
    firstName: v.firstName.trim(),
    lastName: v.lastName.trim(),
    identity,
    gender: v.gender as Gender,
    protectionLevel: v.protectionLevel,
  };
}
