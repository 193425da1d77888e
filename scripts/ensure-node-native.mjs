#!/usr/bin/env node
// Run first by `npm test` and `npm run start:browser`: checks that the SQLite
// module (better-sqlite3-multiple-ciphers) loads in this Node and carries its
// cipher. If it does not (npm skipped the install script, or the build is for
// another Node or for Electron), runs `npm rebuild` for it once and checks
// again. Plain Node, no dependencies.

import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MODULE = 'better-sqlite3-multiple-ciphers';

// Run in a child process: a failed native load cannot be retried in the same process.
const PROBE = `
const Database = require(${JSON.stringify(MODULE)});
const db = new Database(':memory:');
const v = db.prepare('select sqlite3mc_version() as v').get().v;
db.close();
process.stdout.write(String(v));
`;

/** Loads the module in a fresh Node; returns the SQLite3 Multiple Ciphers version, or the error's first lines. */
function probe() {
  const r = spawnSync(process.execPath, ['-e', PROBE], { cwd: root, encoding: 'utf8' });
  if (r.status === 0) return { ok: true, version: r.stdout.trim() };
  const text = (r.stderr || r.error?.message || `exit ${r.status}`).trim();
  const lines = text.split('\n').filter((l) => /^\s*(\w*Error\b|error:)/.test(l));
  return { ok: false, error: (lines.length ? lines : text.split('\n')).slice(0, 4).join('\n') };
}

/** `npm rebuild <module>`, through the npm that runs this script when there is one. */
function rebuild() {
  const args = ['rebuild', MODULE, '--ignore-scripts=false', '--foreground-scripts'];
  const npmCli = process.env.npm_execpath;
  const r =
    npmCli && /npm-cli\.js$/.test(npmCli)
      ? spawnSync(process.execPath, [npmCli, ...args], { cwd: root, stdio: 'inherit' })
      : spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return r.status === 0;
}

const say = (text) => process.stdout.write(`ensure-node-native: ${text}\n`);

const first = probe();
if (first.ok) {
  say(`${MODULE} laddar i Node ${process.versions.node} (${first.version}) / loads in Node ${process.versions.node}.`);
  process.exit(0);
}

say(`${MODULE} laddar inte i Node ${process.versions.node} / does not load in Node ${process.versions.node}:\n  ${first.error.replace(/\n/g, '\n  ')}`);
say(`Bygger om / rebuilding: npm rebuild ${MODULE} …`);
const rebuilt = rebuild();
const second = probe();
if (second.ok) {
  say(`Klart: modulen laddar nu (${second.version}) / done: the module loads now.`);
  process.exit(0);
}

process.stderr.write(
  [
    '',
    `ensure-node-native: ${MODULE} laddar fortfarande inte / still does not load${rebuilt ? '' : ' (npm rebuild failed)'}:`,
    `  ${second.error.replace(/\n/g, '\n  ')}`,
    '',
    'Modulen hämtas färdigbyggd från GitHub, annars byggs den från källkod. För att bygga behövs:',
    'The module is downloaded prebuilt from GitHub, otherwise compiled from source. Compiling needs:',
    '  Debian/Ubuntu: sudo apt-get install -y python3 make g++',
    '  Fedora:        sudo dnf install -y python3 make gcc-c++',
    '  macOS:         xcode-select --install',
    '  Windows:       Visual Studio Build Tools ("Desktop development with C++") and Python 3',
    `Sedan / then: npm rebuild ${MODULE}`,
    '',
  ].join('\n'),
);
process.exit(1);
