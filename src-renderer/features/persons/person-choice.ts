import type { PersonSummary } from '../../../src-main/features/persons/contract';
import { EMPTY_PERSON_FORM, type PersonFormValues } from './person-form-validation';

/** A person for a form: someone picked from the register, or a new person typed in. Both halves are kept, so switching loses nothing. */
export interface PersonChoice {
  mode: 'existing' | 'new';
  picked: PersonSummary | null;
  values: PersonFormValues;
}

export function emptyChoice(mode: PersonChoice['mode'] = 'existing', picked: PersonSummary | null = null): PersonChoice {
  return { mode, picked, values: EMPTY_PERSON_FORM };
}
