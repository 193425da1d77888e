/**
 * `npm run demo -- --out <folder> [--size small|large] [--seed N]`
 *
 * Writes a demo vault full of fictional people and cases into <folder>, with
 * the app's real key derivation, and prints who can unlock it and how.
 * Refuses a folder that already holds a vault.
 */
import { resolve } from 'node:path';
import { generateDemoVault, DEMO_PROFILES, type DemoSize } from '../src-main/demo/generate.js';
import { DEFAULT_SCRYPT } from '../src-main/vault/crypto.js';
import { vaultExists } from '../src-main/vault/vault.js';

function usage(message?: string): never {
  if (message) console.error(message);
  console.error('usage: npm run demo -- --out <folder> [--size small|large] [--seed N]');
  process.exit(2);
}

const args = process.argv.slice(2);
function option(name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (!v || v.startsWith('--')) usage(`--${name} needs a value`);
  return v;
}

const out = option('out');
if (!out) usage('--out is required');
const size = (option('size') ?? 'small') as DemoSize;
if (size !== 'small' && size !== 'large') usage('--size must be small or large');
const seedText = option('seed');
const seed = seedText === undefined ? undefined : Number(seedText);
if (seed !== undefined && !Number.isInteger(seed)) usage('--seed must be an integer');

const dir = resolve(out);
if (vaultExists(dir)) {
  console.error(`There is already a vault in ${dir}. It is never overwritten: choose another folder.`);
  process.exit(1);
}

const profile = DEMO_PROFILES[size];
console.log(`Creating a ${size} demo vault (${profile.persons.toLocaleString('sv-SE')} persons, ${profile.cases.toLocaleString('sv-SE')} cases) in ${dir} …`);
const demo = await generateDemoVault({ dir, size, seed, kdf: DEFAULT_SCRYPT });

const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
console.log(`
Done in ${(demo.timings.totalMs / 1000).toFixed(1)} s. All people, numbers and cases are fictional
(surnames like "Påhittsson", personnummer from Skatteverket's test range 980–999).

  Unit:          ${demo.unitName}
  Worker:        ${demo.workerName} (samordnare)
  Passphrase:    ${demo.passphrase}
  Recovery key:  ${demo.recoveryKey}

Open it with:
  FRISTAD_VAULT_DIR=${shellQuote(dir)} npm start
or in a browser:
  npm run start:browser -- --vault ${shellQuote(dir)}
`);
