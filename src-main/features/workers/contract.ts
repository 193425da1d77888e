import { z } from 'zod';
import { channel } from '../../api/channel.js';
import { idSchema, nameSchema, noInput, passphraseSchema } from '../../api/schemas.js';
import { WORKER_ROLES, type WorkerRole } from '../../domain/vocabulary.js';

export interface WorkerSummary {
  id: string;
  name: string;
  role: WorkerRole;
  active: boolean;
}

const roleSchema = z.enum(WORKER_ROLES, { error: 'Välj roll: handläggare eller samordnare.' });
const repeatMatches = (v: { firstPassphrase: string; firstPassphraseRepeat: string }) => v.firstPassphrase === v.firstPassphraseRepeat;
const repeatError = { error: 'Lösenorden är inte lika.', path: ['firstPassphraseRepeat'] };

export const workerCreateSchema = z
  .object({ name: nameSchema, role: roleSchema, firstPassphrase: passphraseSchema, firstPassphraseRepeat: passphraseSchema })
  .strict()
  .refine(repeatMatches, repeatError);

export const workerResetSchema = z
  .object({
    workerId: idSchema,
    recoveryKey: z.string({ error: 'Ange återställningsnyckeln.' }).min(1, { error: 'Ange återställningsnyckeln.' }).max(200, { error: 'Återställningsnyckeln är för lång.' }),
    firstPassphrase: passphraseSchema,
    firstPassphraseRepeat: passphraseSchema,
  })
  .strict()
  .refine(repeatMatches, repeatError);

export const workersContract = {
  /** The unit's workers, for assigning cases and filtering the case list. */
  'workers.list': channel(noInput).returns<WorkerSummary[]>(),
  /** Adds a worker with a first passphrase they must change at their first unlock (a new key slot). */
  'workers.create': channel(workerCreateSchema, 'coordinator').returns<WorkerSummary>(),
  /** Deactivates a worker: their key slot is removed; their name stays in history. */
  'workers.deactivate': channel(z.object({ id: idSchema }).strict(), 'coordinator').returns<WorkerSummary>(),
  /** Changes a worker's role; takes effect at their next unlock. */
  'workers.setRole': channel(z.object({ id: idSchema, role: roleSchema }).strict(), 'coordinator').returns<WorkerSummary>(),
  /** A forgotten passphrase: with the recovery key, the coordinator gives the worker a new first passphrase to change at unlock. */
  'workers.resetPassphrase': channel(workerResetSchema, 'coordinator').returns<WorkerSummary>(),
} as const;
