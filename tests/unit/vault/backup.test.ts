import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { call, tempDir, unlockedApp, PASS } from '../../support/temp.js';
import { readWithReference } from '../../support/reference-sqlcipher.js';
import { verifyBackup } from '../../../src-main/vault/backup.js';
import type { BackupInfo } from '../../../src-main/features/backups/types.js';
import type { PersonSummary } from '../../../src-main/features/persons/contract.js';
import { AppError } from '../../../src-main/domain/errors.js';

const newPerson = (lastName: string) => ({ firstName: 'Test', lastName, identity: { kind: 'none', birthYear: 1970 }, gender: 'kvinna', protectionLevel: 'none' });

describe('backups', () => {
  it('writes an encrypted, consistent copy with its key slots, readable by the reference SQLCipher with the recovery key', async () => {
    const app = await unlockedApp();
    await call(app.router, 'persons.create', newPerson('Kopiasson'));
    const info = await call<BackupInfo>(app.router, 'backups.create');
    expect(readdirSync(info.path).sort()).toEqual(['fristad.db', 'keyslots.json', 'manifest.json']);
    const bytes = readFileSync(join(info.path, 'fristad.db'));
    expect(bytes.includes(Buffer.from('Kopiasson'))).toBe(false);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toContain('SQLite format');
    const hex = app.recoveryKey.replace(/-/g, '');
    expect(readWithReference(join(info.path, 'fristad.db'), hex, 'SELECT last_name FROM persons')).toEqual([{ last_name: 'Kopiasson' }]);
  });

  it('keeps only the newest N generations in the chosen folder, and backs up automatically at lock', async () => {
    const app = await unlockedApp();
    const folder = tempDir('fristad-share-');
    await call(app.router, 'settings.update', { backupFolder: folder, backupGenerations: 2 });
    for (let i = 0; i < 3; i++) await call(app.router, 'backups.create');
    expect((await call<BackupInfo[]>(app.router, 'backups.list')).length).toBe(2);
    await app.core.lock('user');
    const names = readdirSync(folder).filter((n) => n.startsWith('fristad-backup-'));
    expect(names).toHaveLength(2);
    expect(names.some((n) => n.endsWith('.partial'))).toBe(false);
  });

  it('restores a verified backup and keeps the replaced store aside', async () => {
    const app = await unlockedApp();
    await call(app.router, 'persons.create', newPerson('FöreKopian'));
    const info = await call<BackupInfo>(app.router, 'backups.create');
    await call(app.router, 'persons.create', newPerson('EfterKopian'));
    await call(app.router, 'backups.restore', { name: info.name });
    expect(app.core.status().state).toBe('locked');
    const aside = readdirSync(app.dir).filter((n) => n.startsWith('replaced-'));
    expect(aside).toHaveLength(1);
    expect(existsSync(join(app.dir, aside[0]!, 'fristad.db'))).toBe(true);
    await app.core.unlock(app.workerId, PASS);
    const names = (await call<PersonSummary[]>(app.router, 'persons.search', { query: 'test' })).map((p) => p.lastName);
    expect(names).toEqual(['FöreKopian']);
  });

  it('refuses a backup that was changed after it was taken, and replaces nothing', async () => {
    const app = await unlockedApp();
    await call(app.router, 'persons.create', newPerson('Orörd'));
    const info = await call<BackupInfo>(app.router, 'backups.create');
    const p = join(info.path, 'fristad.db');
    const fd = openSync(p, 'r+');
    writeSync(fd, Buffer.from('X'), 0, 1, statSync(p).size - 100);
    closeSync(fd);
    const r = await app.router.invoke('backups.restore', { name: info.name });
    expect(r).toMatchObject({ ok: false, error: { code: 'backup_invalid' } });
    expect(app.core.status().state).toBe('unlocked');
    expect(readdirSync(app.dir).filter((n) => n.startsWith('replaced-'))).toHaveLength(0);
  });

  it('finds a damaged page by a full read even when the checksums were forged', async () => {
    const app = await unlockedApp();
    for (let i = 0; i < 200; i++) await call(app.router, 'persons.create', newPerson(`Sida${i}`));
    const info = await call<BackupInfo>(app.router, 'backups.create');
    const p = join(info.path, 'fristad.db');
    const fd = openSync(p, 'r+');
    writeSync(fd, Buffer.from('XXXXXXXX'), 0, 8, statSync(p).size - 3000);
    closeSync(fd);
    // Forge the manifest so only the integrity check can notice.
    const manifestPath = join(info.path, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { files: Record<string, string> };
    const { createHash } = await import('node:crypto');
    manifest.files['fristad.db'] = createHash('sha256').update(readFileSync(p)).digest('hex');
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const key = Buffer.from(app.recoveryKey.replace(/-/g, ''), 'hex');
    expect(() => verifyBackup(info.path, key)).toThrow(AppError);
    try {
      verifyBackup(info.path, key);
    } catch (err) {
      expect((err as AppError).code).toBe('backup_invalid');
      expect((err as AppError).message).toMatch(/integritet|skadad/);
    }
  });

  it('refuses a backup of another vault', async () => {
    const a = await unlockedApp();
    const b = await unlockedApp();
    const info = await call<BackupInfo>(b.router, 'backups.create');
    const key = Buffer.from(a.recoveryKey.replace(/-/g, ''), 'hex');
    expect(() => verifyBackup(info.path, key)).toThrow(/hör inte till/);
  });
});
