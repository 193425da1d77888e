import { z } from 'zod';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../domain/errors.js';

/**
 * The key-slot file lives beside the database (`keyslots.json`). It holds no
 * personal data of clients: the vault's id, the workers' display names (so the
 * lock screen can offer them), and each slot's wrapped copy of the data key.
 */

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

const scryptSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(2 ** 10).max(2 ** 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: base64,
});

const wrappedSchema = z.object({
  alg: z.literal('aes-256-gcm'),
  iv: base64,
  tag: base64,
  ciphertext: base64,
});

const passphraseSlotSchema = z.object({
  kind: z.literal('passphrase'),
  id: z.string().min(1),
  workerId: z.string().min(1),
  label: z.string().min(1).max(200),
  kdf: scryptSchema,
  wrapped: wrappedSchema,
  /** When set, the worker must choose a new passphrase at next unlock. */
  mustChange: z.boolean().optional(),
  createdAt: z.string(),
});

const recoverySlotSchema = z.object({
  kind: z.literal('recovery'),
  id: z.string().min(1),
  check: base64,
  createdAt: z.string(),
});

export const keySlotFileSchema = z.object({
  format: z.literal('fristad-keyslots'),
  version: z.literal(1),
  vaultId: z.string().uuid(),
  unitName: z.string().max(200),
  createdAt: z.string(),
  slots: z.array(z.discriminatedUnion('kind', [passphraseSlotSchema, recoverySlotSchema])).min(1),
});

export type KeySlotFile = z.infer<typeof keySlotFileSchema>;
export type PassphraseSlot = z.infer<typeof passphraseSlotSchema>;
export type RecoverySlot = z.infer<typeof recoverySlotSchema>;

export function readKeySlots(path: string): KeySlotFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AppError('not_a_vault', 'Nyckelfilen (keyslots.json) saknas bredvid valvet. Återställ den från en säkerhetskopia eller använd återställningsnyckeln.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('not_a_vault', 'Nyckelfilen är skadad och kan inte läsas. Återställ den från en säkerhetskopia.');
  }
  const parsed = keySlotFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('not_a_vault', 'Nyckelfilen hör inte till ett Fristad-valv eller är skadad.');
  }
  return parsed.data;
}

/** Writes atomically: a temp file is fsynced, then renamed over the old one. */
export function writeKeySlots(path: string, file: KeySlotFile): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(file, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  try {
    const dfd = openSync(dirname(path), 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Directory fsync is not supported on every platform (Windows); the rename is still atomic there.
  }
}
