/**
 * Crash-test child: unlocks a vault and writes transactions through the real
 * router and services until it is killed. After each transaction has
 * committed (the call returned) it prints `COMMITTED <id>` — synchronously,
 * so a printed id is always one the database had already made durable.
 *
 * Usage: node --import tsx tests/crash/child.ts <vaultDir> <workerId> <passphrase>
 *
 * Writes: a person (persons + person_search + audit event in one
 * transaction), and for every other person a case (cases +
 * case_violence_types + case_persons + audit event, numbered inside the
 * transaction). Prints `READY` once unlocked.
 */
import { writeSync } from 'node:fs';
import { Core } from '../../src-main/core.js';
import { createAppRouter } from '../../src-main/api/app-router.js';
import { Rng } from '../../src-main/demo/prng.js';
import { testNumber, TEST_SERIAL_MIN, TEST_SERIAL_MAX } from '../../src-main/demo/identity.js';
import { VIOLENCE_TYPES, INTAKE_SOURCES } from '../../src-main/domain/vocabulary.js';

const [dir, workerId, passphrase] = process.argv.slice(2);
if (!dir || !workerId || !passphrase) {
  process.stderr.write('usage: child.ts <vaultDir> <workerId> <passphrase>\n');
  process.exit(2);
}

const say = (line: string) => writeSync(1, `${line}\n`);

// The vault's key slot carries its own KDF parameters; the Core's kdf only applies to new slots.
const core = new Core({ vaultDir: dir });
const router = createAppRouter(core);
await core.unlock(workerId, passphrase);
say('READY');

const rng = new Rng((process.pid * 2654435761 + Date.now()) >>> 0);
// Intake dates spread over 25 years: case numbers are per year and four digits, so one year must not get 10,000 cases.
const pastDay = () => new Date(Date.now() - rng.int(1, 25 * 365) * 86_400_000).toISOString().slice(0, 10);
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
    process.stderr.write(`persons.create failed: ${person.error.code}\n`);
    process.exit(3);
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
    if (!c.ok) {
      process.stderr.write(`cases.create failed: ${c.error.code}\n`);
      process.exit(3);
    }
    say(`COMMITTED ${(c.value as { id: string }).id}`);
  }
}
