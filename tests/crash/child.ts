/**
 * Crash-test child: unlocks a vault and writes transactions through the real
 * router and services until it is killed. After each transaction has
 * committed (the call returned) it prints a line — synchronously, so a
 * printed line always describes something the database had already made
 * durable:
 *
 *   COMMITTED <id>         a person, a case or a journal entry (draft) was created
 *   SIGNED <id> <sha256>   a journal entry was signed; the hash is of its text
 *   DELETING <id>          a draft is about to be deleted (printed before the call)
 *   DELETED <id>           a draft was deleted
 *
 * Writes: a person (persons + person_search + audit event in one
 * transaction); for every other person a case (cases + case_violence_types +
 * case_persons + status and assignment history + audit event, numbered
 * inside the transaction); and journal work in the child's cases: new
 * drafts, edits of drafts (the full-text index's update trigger), deleted
 * drafts (its delete trigger), signing, and corrections of signed entries.
 * Now and then it tries to edit a signed entry, which must be refused.
 * Prints `READY` once unlocked.
 *
 * Usage: node --import tsx tests/crash/child.ts <vaultDir> <workerId> <passphrase>
 */
import { createHash } from 'node:crypto';
import { writeSync } from 'node:fs';
import { Core } from '../../src-main/core.js';
import { createAppRouter } from '../../src-main/api/app-router.js';
import { Rng } from '../../src-main/demo/prng.js';
import { testNumber, TEST_SERIAL_MIN, TEST_SERIAL_MAX } from '../../src-main/demo/identity.js';
import { composeNote, TAGS, type NoteCase, type NoteKind } from '../../src-main/demo/journal-text.js';
import { VIOLENCE_TYPES, INTAKE_SOURCES } from '../../src-main/domain/vocabulary.js';

const [dir, workerId, passphrase] = process.argv.slice(2);
if (!dir || !workerId || !passphrase) {
  process.stderr.write('usage: child.ts <vaultDir> <workerId> <passphrase>\n');
  process.exit(2);
}

const say = (line: string) => writeSync(1, `${line}\n`);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
function fail(what: string, detail: unknown): never {
  process.stderr.write(`${what}: ${JSON.stringify(detail)}\n`);
  process.exit(3);
}

// The vault's key slot carries its own KDF parameters; the Core's kdf only applies to new slots.
const core = new Core({ vaultDir: dir });
const router = createAppRouter(core);
await core.unlock(workerId, passphrase);
say('READY');

const rng = new Rng((process.pid * 2654435761 + Date.now()) >>> 0);
// Intake dates spread over 25 years: case numbers are per year and four digits, so one year must not get 10,000 cases.
const pastDay = () => new Date(Date.now() - rng.int(1, 25 * 365) * 86_400_000).toISOString().slice(0, 10);
/** A date in the last month, in the local calendar (the journal refuses dates after the worker's today). */
const recentDay = () => {
  const d = new Date(Date.now() - rng.int(0, 30) * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

// Journal texts from the demo generator's composer, so the index sees realistic notes.
const noteCase: NoteCase = {
  victim: { first: 'Åsa', gender: 'kvinna' },
  perpetrator: { first: 'Göran', gender: 'man' },
  relation: 'ex_partner',
  children: [{ first: 'Märta', gender: 'kvinna', age: 8, school: 'Krocktestskolan' }],
  interpreterLanguage: null,
  violence: ['physical', 'psychological'],
  source: 'report_police',
  city: 'Påhittköping',
  services: ['stödsamtal'],
  colleagues: ['Vera'],
  mask: TAGS.b | TAGS.s | TAGS.o | TAGS.P | TAGS.x | TAGS.y | TAGS.w | TAGS.u,
};
const KINDS: NoteKind[] = ['phone', 'meeting', 'safety', 'child_talk', 'school', 'police', 'housing', 'followup', 'no_answer'];
const noteText = (kind: NoteKind = rng.pick(KINDS)) => composeNote(new Rng(rng.u32()), noteCase, kind, { dayMs: Date.now() });

const cases: string[] = [];
const drafts: string[] = [];
const signed: string[] = [];
const take = (list: string[]) => list.splice(rng.int(0, list.length - 1), 1)[0]!;

async function journalWork(): Promise<void> {
  const x = rng.next();
  if (x < 0.4 || (drafts.length === 0 && signed.length === 0)) {
    const r = await router.invoke('journal.create', { caseId: rng.pick(cases), entryDate: recentDay(), text: noteText() });
    if (!r.ok) fail('journal.create failed', r.error);
    const id = (r.value as { id: string }).id;
    drafts.push(id);
    say(`COMMITTED ${id}`);
  } else if (x < 0.7 && drafts.length > 0) {
    const id = take(drafts);
    const r = await router.invoke('journal.sign', { id });
    if (!r.ok) fail('journal.sign failed', r.error);
    signed.push(id);
    say(`SIGNED ${id} ${sha256((r.value as { text: string }).text)}`);
  } else if (x < 0.8 && drafts.length > 0) {
    const r = await router.invoke('journal.updateDraft', { id: rng.pick(drafts), entryDate: recentDay(), text: noteText() });
    if (!r.ok) fail('journal.updateDraft failed', r.error);
  } else if (x < 0.86 && drafts.length > 0) {
    const id = take(drafts);
    say(`DELETING ${id}`);
    const r = await router.invoke('journal.deleteDraft', { id });
    if (!r.ok) fail('journal.deleteDraft failed', r.error);
    say(`DELETED ${id}`);
  } else if (x < 0.95 && signed.length > 0) {
    const r = await router.invoke('journal.correct', { entryId: rng.pick(signed), entryDate: recentDay(), text: noteText('correction') });
    if (!r.ok) fail('journal.correct failed', r.error);
    const id = (r.value as { id: string }).id;
    drafts.push(id);
    say(`COMMITTED ${id}`);
  } else if (signed.length > 0) {
    // A signed entry is final: the edit must be refused, and nothing changes.
    const r = await router.invoke('journal.updateDraft', { id: rng.pick(signed), entryDate: recentDay(), text: 'Ändrad i efterhand.' });
    if (r.ok || r.error.code !== 'conflict') fail('editing a signed entry was not refused', r);
  }
}

for (let i = 0; ; i++) {
  let identity: unknown = { kind: 'none', birthYear: rng.int(1940, 2010) };
  if (rng.chance(0.5)) {
    const birth = { year: rng.int(1940, 2005), month: rng.int(1, 12), day: rng.int(1, 28) };
    identity = { kind: 'personnummer', value: testNumber(birth, rng.int(TEST_SERIAL_MIN, TEST_SERIAL_MAX), false) };
  }
  const person = await router.invoke('persons.create', {
    firstName: rng.pick(['Åsa', 'Märta', 'Björn', 'Anna', 'Göran']),
    lastName: `Krocktest${rng.pick(['sson', 'dotter', 'berg', 'ström'])}`,
    identity,
    gender: rng.pick(['kvinna', 'man']),
    protectionLevel: rng.chance(0.05) ? 'skyddad_folkbokforing' : 'none',
  });
  if (!person.ok) {
    if (person.error.code === 'conflict') continue; // that test number was taken in an earlier round
    fail('persons.create failed', person.error);
  }
  const personId = (person.value as { id: string }).id;
  say(`COMMITTED ${personId}`);
  if (i % 2 === 0) {
    const c = await router.invoke('cases.create', {
      mainPersonId: personId,
      intakeDate: pastDay(),
      intakeSource: rng.pick(INTAKE_SOURCES),
      violenceTypes: [rng.pick(VIOLENCE_TYPES), rng.pick(VIOLENCE_TYPES)],
    });
    if (!c.ok) fail('cases.create failed', c.error);
    const caseId = (c.value as { id: string }).id;
    cases.push(caseId);
    say(`COMMITTED ${caseId}`);
  }
  for (let k = rng.int(1, 3); k > 0 && cases.length > 0; k--) await journalWork();
}
