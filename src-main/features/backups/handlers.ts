import type { Handlers } from '../../api/context.js';
import type { backupsContract } from './contract.js';

export const backupsHandlers: Handlers<typeof backupsContract> = {
  'backups.create': async (_input, { core, session }) => {
    const info = core.backupNow();
    await session.audit.append({ action: 'backups.create', entityType: 'vault', detail: { backup: info.name } });
    return info;
  },
  'backups.list': async (_input, { core }) => core.backups(),
  'backups.restore': (input, { core }) => core.restore(input.name),
};
