import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Reads a SQLCipher 4 file the way an attacker holding the key would: every
 * page of the file, and every frame of its WAL, decrypted with AES-256-CBC
 * (raw key, default 4096-byte pages, 80 reserved bytes per page: a 16-byte
 * IV and a 64-byte HMAC; page 1 starts after the 16-byte salt). Free pages
 * and the unused space of pages come out too — what SQLite itself would
 * never show, and what a deletion must have wiped.
 */
const PAGE = 4096;
const RESERVED = 80;

function decryptPage(key: Buffer, page: Buffer, first: boolean): Buffer {
  const start = first ? 16 : 0;
  const iv = page.subarray(PAGE - RESERVED, PAGE - RESERVED + 16);
  const d = createDecipheriv('aes-256-cbc', key, iv);
  d.setAutoPadding(false);
  return Buffer.concat([d.update(page.subarray(start, PAGE - RESERVED)), d.final()]);
}

export function decryptedPages(dbPath: string, key: Buffer): Buffer {
  const parts: Buffer[] = [];
  const file = readFileSync(dbPath);
  for (let off = 0; off + PAGE <= file.length; off += PAGE) parts.push(decryptPage(key, file.subarray(off, off + PAGE), off === 0));
  const walPath = `${dbPath}-wal`;
  if (existsSync(walPath)) {
    const wal = readFileSync(walPath);
    for (let off = 32; off + 24 + PAGE <= wal.length; off += 24 + PAGE) {
      const pageNo = wal.readUInt32BE(off);
      parts.push(decryptPage(key, wal.subarray(off + 24, off + 24 + PAGE), pageNo === 1));
    }
  }
  return Buffer.concat(parts);
}
