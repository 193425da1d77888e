/**
 * `npm run test:crash -- [rounds]` (default 200): kills a writing child
 * process at random moments and checks after each kill that the vault is
 * intact and holds every transaction the child reported committed, that no
 * signed journal entry has changed, and that the full-text index agrees with
 * the journal.
 */
import { runCrashRounds } from './harness.js';

const rounds = Number(process.argv[2] ?? 200);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: npm run test:crash -- [rounds]');
  process.exit(2);
}

console.log(`Crash test: ${rounds} rounds; each child is killed (SIGKILL) 50–600 ms after its first commit.`);
const stats = await runCrashRounds(rounds, {
  onRound: (r) => {
    const mark = r.problems.length === 0 ? 'ok' : `FAIL ${r.problems.join('; ')}`;
    if (r.problems.length > 0 || r.round % 10 === 0 || r.round === rounds) {
      console.log(`round ${String(r.round).padStart(4)}: killed after ${String(r.killedAfterMs).padStart(3)} ms, committed ${String(r.committed).padStart(4)}, recovered ${String(r.recovered).padStart(4)}, unreported ${r.unreported}, signed ${r.signed}, signed checked ${r.signedChecked}, integrity ${r.integrity}, fts ${r.fts} — ${mark}`);
    }
  },
});

const figures: [string, string][] = [
  ['rounds', String(stats.rounds)],
  ['transactions reported committed', String(stats.totalCommitted)],
  ['of those present after the crash', String(stats.totalRecovered)],
  ['all committed present', stats.allPresent ? 'yes' : 'NO'],
  ['integrity_check ok', `${stats.integrityOk} of ${stats.rounds}`],
  ['FTS integrity-check (plain and rank 1) ok', `${stats.ftsOk} of ${stats.rounds}`],
  ['journal entries reported signed', String(stats.totalSigned)],
  ['recovered per round, max / avg', `${stats.maxRecovered} / ${stats.avgRecovered.toFixed(1)}`],
  ['committed but not yet reported at the kill', String(stats.totalUnreported)],
  ['rounds with a problem', String(stats.failures.length)],
  ['final vault: persons / cases / journal entries (signed) / audit events', `${stats.finalCounts.persons} / ${stats.finalCounts.cases} / ${stats.finalCounts.journalEntries} (${stats.finalCounts.signedEntries}) / ${stats.finalCounts.auditEvents}`],
  ['wall time', `${(stats.wallMs / 1000).toFixed(1)} s`],
];
const w = Math.max(...figures.map((f) => f[0].length));
console.log('');
for (const [k, v] of figures) console.log(`${k.padEnd(w)}  ${v}`);
console.log('\nJSON: ' + JSON.stringify({ ...stats, wallMs: Math.round(stats.wallMs) }));
process.exit(stats.failures.length === 0 && stats.allPresent && stats.integrityOk === stats.rounds && stats.ftsOk === stats.rounds ? 0 : 1);
