import { i18n } from '../../i18n';
import type { CaseDetail } from '../../../src-main/features/cases/contract';
import { isAddressProtected } from '../../../src-main/domain/vocabulary';
import type { SelectOption } from '../../components/SelectField';
import { fullName } from '../persons/person-format';

/** The people of a case as choices for a decision or a service: each once, with their role(s) and a protection note. */
export function casePersonOptions(detail: CaseDetail): SelectOption[] {
  const byId = new Map<string, { name: string; roles: string[]; protectedId: boolean }>();
  for (const p of detail.persons) {
    const entry = byId.get(p.personId) ?? { name: fullName(p), roles: [], protectedId: isAddressProtected(p.protectionLevel) };
    entry.roles.push(i18n.t(`vocab.role.${p.role}`).toLowerCase());
    byId.set(p.personId, entry);
  }
  return [...byId.entries()].map(([id, e]) => ({
    value: id,
    label: `${e.name} (${e.roles.join(', ')})${e.protectedId ? ` – ${i18n.t('vocab.protectionMarker.protected')}` : ''}`,
  }));
}
