import type { Handlers } from '../../api/context.js';
import type { vaultContract } from './contract.js';

export const vaultHandlers: Handlers<typeof vaultContract> = {
  'vault.status': async (_input, { core }) => core.status(),
  'vault.create': (input, { core }) => core.create({ unitName: input.unitName, workerName: input.workerName, passphrase: input.passphrase }),
  'vault.unlock': (input, { core }) => core.unlock(input.workerId, input.passphrase),
  'vault.unlockWithRecovery': (input, { core }) => core.unlockWithRecovery(input.recoveryKey, input.workerId, input.passphrase),
  'vault.lock': async (_input, { core }) => {
    await core.lock('user');
    return null;
  },
  'vault.changePassphrase': async (input, { core }) => {
    await core.changePassphrase(input.current, input.passphrase);
    const status = core.status();
    if (status.state !== 'unlocked') throw new Error('unreachable: session vanished during passphrase change');
    return status.session;
  },
  'vault.touch': async () => null,
};
