import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, truncateSync, statSync, openSync, writeSync, closeSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import {
  addWorkerSlot,
  changePassphrase,
  closeVault,
  createVault,
  listUnlockableWorkers,
  removeWorkerSlot,
  unlockVault,
  unlockWithRecoveryKey,
  vaultPaths,
} from '../../../src-main/vault/vault.js';
import { UnlockThrottle } from '../../../src-main/vault/throttle.js';
import { AppError } from '../../../src-main/domain/errors.js';
import { classifyOpenError } from '../../../src-main/db/connection.js';
import { PASS, TEST_KDF, tempDir } from '../../support/temp.js';
import { readWithReference, referenceCipherVersion } from '../../support/reference-sqlcipher.js';
import { snapshotDir } from '../../support/files.js';

async function newVault() {
  const dir = tempDir();
  const created = await createVault(dir, { unitName: 'Enheten', workerName: 'Sara', passphrase: PASS }, TEST_KDF);
  return { dir, ...created };
}

async function expectCode(p: Promise<unknown> | (() => unknown), code: string) {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    expect((err as AppError).message).toMatch(/[a-zåäö]/i);
    return err as AppError;
  }
  throw new Error(`expected ${code}, nothing was thrown`);
}

const hexOf = (recoveryKey: string) => recoveryKey.replace(/-/g, '').toLowerCase();

describe('vault: create', () => {
  it('writes an SQLCipher 4 file with no plaintext header or content, and key slots beside it', async () => {
    const { dir, vault, recoveryKey } = await newVault();
    vault.sqlite.prepare(`INSERT INTO settings(key, value) VALUES ('probe', '"Hemligsdotter Östlund"')`).run();
    closeVault(vault);
    const bytes = readFileSync(vaultPaths(dir).db);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
    expect(bytes.includes(Buffer.from('Hemligsdotter'))).toBe(false);
    expect(bytes.includes(Buffer.from('Enheten'))).toBe(false);
    // The recovery key is grouped for reading aloud: 16 groups of 4.
    expect(recoveryKey).toMatch(/^([0-9A-F]{4}-){15}[0-9A-F]{4}$/);
    const slots = readFileSync(vaultPaths(dir).slots, 'utf8');
    expect(slots).not.toContain(hexOf(recoveryKey));
    expect(slots).not.toContain(Buffer.from(hexOf(recoveryKey), 'hex').toString('base64'));
  });

  it('is opened by the reference SQLCipher 4 with the recovery key, and refused with any other key', async () => {
    const { dir, vault, recoveryKey } = await newVault();
    vault.sqlite.prepare(`INSERT INTO settings(key, value) VALUES ('probe', '"läsbar"')`).run();
    closeVault(vault);
    const path = vaultPaths(dir).db;
    expect(referenceCipherVersion(path, hexOf(recoveryKey))).toMatch(/^4\./);
    expect(readWithReference(path, hexOf(recoveryKey), `SELECT value FROM settings WHERE key = 'probe'`)).toEqual([{ value: '"läsbar"' }]);
    expect(() => readWithReference(path, randomBytes(32).toString('hex'), 'SELECT count(*) FROM settings')).toThrow(/not a database/i);
  });

  it('never overwrites an existing vault', async () => {
    const { dir, vault } = await newVault();
    closeVault(vault);
    const before = snapshotDir(dir);
    await expectCode(createVault(dir, { unitName: 'X', workerName: 'Y', passphrase: PASS }, TEST_KDF), 'vault_exists');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('refuses a short passphrase', async () => {
    await expectCode(createVault(tempDir(), { unitName: 'X', workerName: 'Y', passphrase: 'kort' }, TEST_KDF), 'validation');
  });
});

describe('vault: unlock', () => {
  it('unlocks with the right passphrase and finds the data again', async () => {
    const { dir, vault } = await newVault();
    vault.sqlite.prepare(`INSERT INTO settings(key, value) VALUES ('probe', '1')`).run();
    const workerId = vault.workerId;
    closeVault(vault);
    const again = await unlockVault(dir, workerId, PASS, new UnlockThrottle());
    expect(again.sqlite.prepare(`SELECT value FROM settings WHERE key = 'probe'`).get()).toEqual({ value: '1' });
    closeVault(again);
  });

  it('refuses a wrong passphrase in Swedish and leaves every file byte as it was', async () => {
    const { dir, vault } = await newVault();
    const workerId = vault.workerId;
    closeVault(vault);
    const before = snapshotDir(dir);
    const err = await expectCode(unlockVault(dir, workerId, 'fel lösenord igen', new UnlockThrottle()), 'wrong_passphrase');
    expect(err.message).toMatch(/Fel lösenord/);
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('makes the worker wait longer and longer after repeated failures', async () => {
    const { dir, vault } = await newVault();
    const workerId = vault.workerId;
    closeVault(vault);
    let now = 1_000_000;
    const throttle = new UnlockThrottle(() => now);
    for (let i = 0; i < 2; i++) await expectCode(unlockVault(dir, workerId, 'fel fel fel fel', throttle), 'wrong_passphrase');
    const third = await expectCode(unlockVault(dir, workerId, 'fel fel fel fel', throttle), 'wrong_passphrase');
    expect(third.details?.retryAfterSeconds).toBe(2);
    const waiting = await expectCode(unlockVault(dir, workerId, PASS, throttle), 'too_many_attempts');
    expect(waiting.details?.retryAfterSeconds).toBe(2);
    now += 2_000;
    const fourth = await expectCode(unlockVault(dir, workerId, 'fel fel fel fel', throttle), 'wrong_passphrase');
    expect(fourth.details?.retryAfterSeconds).toBe(4);
    now += 4_000;
    const ok = await unlockVault(dir, workerId, PASS, throttle);
    expect(throttle.failures).toBe(0);
    closeVault(ok);
  });
});

describe('vault: key slots', () => {
  it('changes a passphrase by rewrapping one slot; the database is not re-encrypted', async () => {
    const { dir, vault, recoveryKey } = await newVault();
    const workerId = vault.workerId;
    closeVault(vault);
    const dbBefore = snapshotDir(dir)['fristad.db'];
    const v = await unlockVault(dir, workerId, PASS, new UnlockThrottle());
    await changePassphrase(v, PASS, 'ett helt nytt lösenord', TEST_KDF);
    closeVault(v);
    // Same data key: the reference still opens it with the same recovery key.
    expect(referenceCipherVersion(vaultPaths(dir).db, hexOf(recoveryKey))).toMatch(/^4\./);
    expect(dbBefore).toBeDefined();
    await expectCode(unlockVault(dir, workerId, PASS, new UnlockThrottle()), 'wrong_passphrase');
    closeVault(await unlockVault(dir, workerId, 'ett helt nytt lösenord', new UnlockThrottle()));
  });

  it('refuses a passphrase change when the current passphrase is wrong', async () => {
    const { vault } = await newVault();
    await expectCode(changePassphrase(vault, 'inte rätt alls', 'ett helt nytt lösenord', TEST_KDF), 'wrong_passphrase');
    closeVault(vault);
  });

  it('adds a worker slot that must be changed at first unlock, and removes it', async () => {
    const { dir, vault } = await newVault();
    await addWorkerSlot(vault, '11111111-1111-4111-8111-111111111111', 'Ny Kollega', 'första lösenordet', TEST_KDF);
    expect(listUnlockableWorkers(dir).map((w) => w.name).sort()).toEqual(['Ny Kollega', 'Sara']);
    const colleague = await unlockVault(dir, '11111111-1111-4111-8111-111111111111', 'första lösenordet', new UnlockThrottle());
    expect(colleague.mustChangePassphrase).toBe(true);
    closeVault(colleague);
    const v = await unlockVault(dir, vault.workerId, PASS, new UnlockThrottle());
    removeWorkerSlot(v, '11111111-1111-4111-8111-111111111111');
    await expectCode(unlockVault(dir, '11111111-1111-4111-8111-111111111111', 'första lösenordet', new UnlockThrottle()), 'wrong_passphrase');
    await expectCode(() => removeWorkerSlot(v, v.workerId), 'conflict');
    closeVault(v);
    closeVault(vault);
  });

  it('unlocks with the recovery key and sets a new passphrase; a wrong recovery key is refused', async () => {
    const { dir, vault, recoveryKey } = await newVault();
    const workerId = vault.workerId;
    closeVault(vault);
    const wrong = recoveryKey.replace(/^./, recoveryKey[0] === 'A' ? 'B' : 'A');
    await expectCode(unlockWithRecoveryKey(dir, wrong, workerId, 'nytt efter glömt', TEST_KDF), 'wrong_passphrase');
    await expectCode(unlockWithRecoveryKey(dir, 'inte en nyckel', workerId, 'nytt efter glömt', TEST_KDF), 'wrong_passphrase');
    // Typed in lower case with spaces instead of dashes: still accepted.
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    closeVault(await unlockWithRecoveryKey(dir, typed, workerId, 'nytt efter glömt', TEST_KDF));
    closeVault(await unlockVault(dir, workerId, 'nytt efter glömt', new UnlockThrottle()));
  });
});

describe('vault: files that are not (whole) vaults', () => {
  async function withFile(mutate: (dbPath: string, dir: string) => void) {
    const { dir, vault } = await newVault();
    const workerId = vault.workerId;
    for (let i = 0; i < 300; i++) vault.sqlite.prepare('INSERT INTO settings(key, value) VALUES (?, ?)').run(`k${i}`, 'x'.repeat(200));
    closeVault(vault);
    mutate(vaultPaths(dir).db, dir);
    return { dir, workerId };
  }

  it('random bytes: a clear message, no write', async () => {
    const { dir, workerId } = await withFile((p) => writeFileSync(p, randomBytes(8192)));
    const before = snapshotDir(dir);
    await expectCode(unlockVault(dir, workerId, PASS, new UnlockThrottle()), 'not_a_vault');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('a plain SQLite database: a clear message, no write', async () => {
    const { dir, workerId } = await withFile((p) => {
      writeFileSync(p, '');
      const plain = new Database(p);
      plain.exec('CREATE TABLE t(x); INSERT INTO t VALUES (1)');
      plain.close();
    });
    const before = snapshotDir(dir);
    await expectCode(unlockVault(dir, workerId, PASS, new UnlockThrottle()), 'not_a_vault');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('an empty file: a clear message, no write', async () => {
    const { dir, workerId } = await withFile((p) => writeFileSync(p, ''));
    const before = snapshotDir(dir);
    await expectCode(unlockVault(dir, workerId, PASS, new UnlockThrottle()), 'not_a_vault');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('a truncated file: a clear message, no write', async () => {
    const { dir, workerId } = await withFile((p) => truncateSync(p, statSync(p).size - 1500));
    const before = snapshotDir(dir);
    await expectCode(unlockVault(dir, workerId, PASS, new UnlockThrottle()), 'vault_damaged');
    expect(snapshotDir(dir)).toEqual(before);
  });

  it('a tampered page is found by the integrity check, never silently read', async () => {
    const { dir, workerId } = await withFile((p) => {
      const fd = openSync(p, 'r+');
      writeSync(fd, Buffer.from('tampered!'), 0, 9, statSync(p).size - 2000);
      closeSync(fd);
    });
    // Page 1 is intact, so the key check passes; the tampered page fails its HMAC when read.
    const v = await unlockVault(dir, workerId, PASS, new UnlockThrottle());
    let thrown: unknown;
    try {
      v.sqlite.pragma('integrity_check');
    } catch (err) {
      thrown = err;
    }
    expect(String((thrown as { code?: string }).code)).toMatch(/^SQLITE_(CORRUPT|NOTADB)/);
    expect(classifyOpenError(thrown).code).toMatch(/vault_damaged|not_a_vault/);
    v.sqlite.close();
  });

  it('a missing key-slot file: a clear message', async () => {
    const { dir, workerId } = await withFile((_p, d) => {
      mkdirSync(join(d, 'aside'));
      copyFileSync(join(d, 'keyslots.json'), join(d, 'aside', 'keyslots.json'));
      writeFileSync(join(d, 'keyslots.json'), '{"format":"något annat"}');
    });
    await expectCode(unlockVault(dir, workerId, PASS, new UnlockThrottle()), 'not_a_vault');
  });
});
