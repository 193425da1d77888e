import { describe, expect, it } from 'vitest';
import { runCrashRounds } from '../../crash/harness.js';
import { TEST_KDF } from '../../support/temp.js';

describe('crash safety', () => {
  it('a writer killed with SIGKILL mid-work leaves an intact vault holding every transaction it reported committed, signed entries unchanged and the full-text index in step', async () => {
    const stats = await runCrashRounds(4, { kdf: TEST_KDF });
    expect(stats.failures).toEqual([]);
    expect(stats.integrityOk).toBe(4);
    expect(stats.ftsOk).toBe(4);
    expect(stats.allPresent).toBe(true);
    expect(stats.finalCounts.journalEntries).toBeGreaterThan(0);
    // The kill comes only after the first commit, so every round has something to check.
    expect(stats.totalCommitted).toBeGreaterThanOrEqual(4);
    expect(stats.totalRecovered).toBe(stats.totalCommitted);
  });
});
