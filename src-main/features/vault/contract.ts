import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, nameSchema, noInput, passphraseSchema } from '../../api/schemas.js';
import type { SessionInfo, VaultStatus } from './types.js';

const repeatMatches = <T extends { passphrase: string; passphraseRepeat: string }>(v: T) => v.passphrase === v.passphraseRepeat;
const repeatError = { error: 'Lösenorden är inte lika.', path: ['passphraseRepeat'] };

export const vaultCreateSchema = z
  .object({
    unitName: nameSchema,
    workerName: nameSchema,
    passphrase: passphraseSchema,
    passphraseRepeat: passphraseSchema,
  })
  .strict()
  .refine(repeatMatches, repeatError);

export const vaultUnlockSchema = z.object({ workerId: idSchema, passphrase: passphraseSchema }).strict();

export const vaultRecoverySchema = z
  .object({
    recoveryKey: z.string().min(1, { error: 'Ange återställningsnyckeln.' }).max(200),
    workerId: idSchema,
    passphrase: passphraseSchema,
    passphraseRepeat: passphraseSchema,
  })
  .strict()
  .refine(repeatMatches, repeatError);

export const changePassphraseSchema = z
  .object({ current: passphraseSchema, passphrase: passphraseSchema, passphraseRepeat: passphraseSchema })
  .strict()
  .refine(repeatMatches, repeatError);

export const vaultContract = {
  'vault.status': channel(noInput, 'public', { activity: false }).returns<VaultStatus>(),
  'vault.create': channel(vaultCreateSchema, 'public').returns<{ recoveryKey: string; session: SessionInfo }>(),
  'vault.unlock': channel(vaultUnlockSchema, 'public').returns<SessionInfo>(),
  'vault.unlockWithRecovery': channel(vaultRecoverySchema, 'public').returns<SessionInfo>(),
  'vault.lock': channel(noInput, 'public', { activity: false }).returns<null>(),
  'vault.changePassphrase': channel(changePassphraseSchema).returns<SessionInfo>(),
  /** The renderer reports that the worker is typing or clicking, so the vault does not lock under them. */
  'vault.touch': channel(noInput).returns<null>(),
} as const;
