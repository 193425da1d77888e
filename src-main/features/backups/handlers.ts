import type { Handlers } from '../../api/context.js';
import type { backupsContract } from './contract.js';

export const backupsHandlers: Handlers<typeof backupsContract> = {
  'backups.create': async (_input, { core, session }) => {
    const info = core.backupNow();
    await session.db.insertInto('audit_events').values({ at: new Date(core.now()).toISOString(), worker_id: session.worker.id, action: 'backups.create', entity_type: 'vault', entity_id: null, detail: JSON.stringify({ backup: info.name }) }).execute();
    return info;
  },
  'backups.list': async (_input, { core }) => core.backups(),
  'backups.restore': (input, { core }) => core.restore(input.name),
};
