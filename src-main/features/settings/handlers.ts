import type { Handlers } from '../../api/context.js';
import type { settingsContract } from './contract.js';
import { readSettings, updateSettings } from './service.js';
import { setUnitNameInSlots } from '../../vault/vault.js';

export const settingsHandlers: Handlers<typeof settingsContract> = {
  'settings.get': (_input, { session }) => readSettings(session.db),
  'settings.update': async (input, { core, session }) => {
    const next = await updateSettings(session, input);
    if (input.unitName !== undefined) setUnitNameInSlots(session.vault, next.unitName);
    core.applySettings(next);
    return next;
  },
};
