import { i18n } from '../../i18n';
import type { PersonNumberKind } from '../../../src-main/domain/vocabulary';

/** The storage prefix of a reservnummer (`R:`), which the main process still passes through. */
function stripReservePrefix(value: string): string {
  return value.startsWith('R:') ? value.slice(2) : value;
}

/** How a person is identified, as one short text for lists and views. */
export function identityText(p: { numberKind: PersonNumberKind; personalNumber: string | null; birthYear: number | null }): string {
  switch (p.numberKind) {
    case 'personnummer':
    case 'samordningsnummer':
      return p.personalNumber ?? '';
    case 'reservnummer':
      return i18n.t('persons.reserve', { value: stripReservePrefix(p.personalNumber ?? '') });
    case 'none':
      return p.birthYear ? i18n.t('persons.bornYear', { year: p.birthYear }) : i18n.t('persons.noNumber');
  }
}

/** The same for a case's people, who come without their number kind. */
export function numberText(personalNumber: string | null): string {
  if (!personalNumber) return i18n.t('persons.noNumber');
  return personalNumber.startsWith('R:') ? i18n.t('persons.reserve', { value: stripReservePrefix(personalNumber) }) : personalNumber;
}

export function fullName(p: { firstName: string; lastName: string }): string {
  return `${p.firstName} ${p.lastName}`;
}
