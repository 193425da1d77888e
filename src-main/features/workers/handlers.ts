import type { Handlers } from '../../api/context.js';
import type { workersContract } from './contract.js';
import { createWorker, deactivateWorker, listWorkers, resetWorkerPassphrase, setWorkerRole } from './service.js';

export const workersHandlers: Handlers<typeof workersContract> = {
  'workers.list': (_input, { session }) => listWorkers(session),
  'workers.create': (input, { core, session }) => createWorker(session, input, core.kdf),
  'workers.deactivate': (input, { session }) => deactivateWorker(session, input.id),
  'workers.setRole': (input, { session }) => setWorkerRole(session, input.id, input.role),
  'workers.resetPassphrase': (input, { core, session }) => resetWorkerPassphrase(session, input, core.kdf),
};
