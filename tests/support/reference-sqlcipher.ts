import RefDatabase from '@signalapp/sqlcipher';

/**
 * Opens a file with the reference SQLCipher 4 (the npm package
 * `@signalapp/sqlcipher`, a test-only dependency) using a raw key, and returns
 * the rows of a query — or throws what the reference throws.
 */
export function readWithReference(path: string, rawKeyHex: string, query: string): unknown[] {
  const db = new RefDatabase(path);
  try {
    db.pragma(`key = "x'${rawKeyHex}'"`);
    return db.prepare(query).all();
  } finally {
    db.close();
  }
}

export function referenceCipherVersion(path: string, rawKeyHex: string): string {
  const db = new RefDatabase(path);
  try {
    db.pragma(`key = "x'${rawKeyHex}'"`);
    db.prepare('SELECT count(*) FROM sqlite_schema').all();
    const rows = db.pragma('cipher_version') as unknown as { cipher_version: string }[];
    return rows[0]?.cipher_version ?? '';
  } finally {
    db.close();
  }
}
