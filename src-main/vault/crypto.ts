import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual, createHmac } from 'node:crypto';

/**
 * Key wrapping for the vault's key slots.
 *
 * The data key (32 random bytes) encrypts the SQLCipher database. A key slot
 * holds that data key encrypted with AES-256-GCM under a key-encryption key
 * derived from a passphrase with scrypt (memory-hard). GCM's tag tells a wrong
 * passphrase from a right one without touching the database.
 */

export interface ScryptParams {
  name: 'scrypt';
  /** CPU/memory cost, a power of two. Memory used is 128 · N · r bytes. */
  N: number;
  r: number;
  p: number;
  /** base64, 16 bytes */
  salt: string;
}

export interface WrappedKey {
  alg: 'aes-256-gcm';
  /** base64, 12 bytes */
  iv: string;
  /** base64, 16 bytes */
  tag: string;
  /** base64, 32 bytes */
  ciphertext: string;
}

/** Production parameters: N=2^17, r=8 → 128 MiB of memory per derivation. */
export const DEFAULT_SCRYPT: Omit<ScryptParams, 'salt'> = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

export const DATA_KEY_BYTES = 32;

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

export function newScryptParams(base: Omit<ScryptParams, 'salt'> = DEFAULT_SCRYPT): ScryptParams {
  return { ...base, salt: randomBytes(16).toString('base64') };
}

/** Derives a 32-byte key-encryption key from a passphrase. */
export function deriveKek(passphrase: string, params: ScryptParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64'), 32, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) => {
      if (err) reject(err);
      else resolve(key);
    });
  });
}

/** Additional data binds a wrapped key to its vault and slot, so slots cannot be swapped between vaults. */
export function wrapKey(kek: Buffer, dataKey: Buffer, aad: string): WrappedKey {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return { alg: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

/** Returns the data key, or null when the key-encryption key is wrong. */
export function unwrapKey(kek: Buffer, wrapped: WrappedKey, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/**
 * The recovery key is the raw data key written for people: 64 hexadecimal
 * digits in 16 groups of four, e.g. `3F2A-9C01-…`. Removing the dashes gives
 * exactly what the reference SQLCipher takes as `PRAGMA key = "x'…'"`.
 */
export function formatRecoveryKey(dataKey: Buffer): string {
  const hex = dataKey.toString('hex').toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

/** Parses a typed recovery key (any case, spaces or dashes); null when malformed. */
export function parseRecoveryKey(text: string): Buffer | null {
  const hex = text.replace(/[\s-]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) return null;
  return Buffer.from(hex, 'hex');
}

/** A check value stored in the recovery slot, to tell a mistyped recovery key before opening the database. */
export function recoveryCheck(dataKey: Buffer, vaultId: string): string {
  return createHmac('sha256', dataKey).update(`fristad-recovery-check:${vaultId}`).digest('base64');
}

export function recoveryCheckMatches(dataKey: Buffer, vaultId: string, stored: string): boolean {
  const a = Buffer.from(recoveryCheck(dataKey, vaultId), 'base64');
  const b = Buffer.from(stored, 'base64');
  return a.length === b.length && timingSafeEqual(a, b);
}
