import { sv } from '../../i18n/sv';

/** Action codes contain a dot, which i18next reads as nesting: their translation keys use `__` instead. */
export const actionKey = (action: string) => action.replace('.', '__');

/** The actions the log filter offers (those with a Swedish label). */
export const KNOWN_ACTIONS: readonly string[] = Object.keys(sv.privacy.log.actions).map((k) => k.replace('__', '.'));
