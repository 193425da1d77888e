#!/usr/bin/env node
// Run by `npm start` (prestart), never by the tests. Makes sure the desktop
// app can start:
//  1. the Electron binary is there (package.json keeps its download out of
//     `npm install`, so the first start fetches it: needs internet);
//  2. an Electron build of the SQLite module is in
//     native/electron-<version>-<platform>-<arch>/better_sqlite3.node, made in
//     a temporary copy of the package, so the Node build in node_modules that
//     the tests load is never touched. src-main/index.ts hands that file to
//     the driver (setNativeBinding); the folder layout must match
//     electronNativeBindingPath in src-main/shell-policy.ts.
// Plain Node, no dependencies.

import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const MODULE = 'better-sqlite3-multiple-ciphers';
const moduleDir = join(root, 'node_modules', MODULE);

const say = (text) => process.stdout.write(`ensure-electron-native: ${text}\n`);
const warn = (text) => process.stderr.write(`ensure-electron-native: ${text}\n`);

/** The Electron version installed in node_modules (the one `npm start` runs). */
export function electronVersion() {
  return JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
}

/** Where the Electron build of the SQLite module goes; same layout as src-main/shell-policy.ts. */
export function nativeTarget(version, platform = process.platform, arch = process.arch) {
  return join(root, 'native', `electron-${version}-${platform}-${arch}`, 'better_sqlite3.node');
}

/** The Electron executable, or null when it has not been downloaded. */
function electronExecutable() {
  const pathTxt = join(electronDir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const exe = join(electronDir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

/** Step 1: download the Electron binary with Electron's own installer when it is missing. */
export function ensureElectronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    say(`ELECTRON_OVERRIDE_DIST_PATH är satt; använder / is set; using ${process.env.ELECTRON_OVERRIDE_DIST_PATH}`);
    return true;
  }
  if (electronExecutable()) return true;
  say(`Hämtar Electron ${electronVersion()} (en gång, behöver internet) / downloading Electron ${electronVersion()} (once, needs internet) …`);
  const env = { ...process.env };
  // `npm start` needs the binary, whatever a skip flag set for `npm install` says.
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const r = spawnSync(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, stdio: 'inherit', env });
  if (r.status === 0 && electronExecutable()) return true;
  warn(
    [
      'Electron kunde inte hämtas. Kontrollera internetanslutningen (och proxy: HTTPS_PROXY), och kör `npm start` igen.',
      'Utan internet går Fristad att använda i webbläsaren: npm run start:browser',
      'Electron could not be downloaded. Check the internet connection (and proxy: HTTPS_PROXY) and run `npm start` again.',
      'Without internet, Fristad runs in a browser: npm run start:browser',
    ].join('\n  '),
  );
  return false;
}

/**
 * The environment for the build tools: without the calling npm's idea of
 * which package is installed, and without any npm setting that points the
 * build at other headers (a user-level `nodedir` would silently give a Node
 * build instead of an Electron one).
 */
function toolEnv() {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_package_/i.test(k) || /^npm_config_(nodedir|target|runtime|disturl|dist_url|build_from_source)$/i.test(k)) continue;
    env[k] = v;
  }
  return env;
}

/** The node-gyp that ships with npm, found without npx (which would hand it the user's npm settings again). */
function npmNodeGyp() {
  const npmDirs = [join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm'), join(dirname(process.execPath), 'node_modules', 'npm')];
  const candidates = [process.env.npm_config_node_gyp, ...npmDirs.map((d) => join(d, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'))];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

function tryPrebuilt(work, version, platform, arch) {
  let bin;
  try {
    bin = createRequire(join(moduleDir, 'package.json')).resolve('prebuild-install/bin.js');
  } catch {
    warn('prebuild-install saknas / is missing; går vidare till kompilering / moving on to compiling.');
    return false;
  }
  say(`Hämtar färdigbyggd modul för Electron ${version} / downloading a prebuilt module for Electron ${version} …`);
  const args = [bin, '--runtime', 'electron', '--target', version, '--arch', arch, '--platform', platform, '--verbose'];
  return spawnSync(process.execPath, args, { cwd: work, stdio: 'inherit', env: toolEnv() }).status === 0;
}

function tryCompile(work, version, arch) {
  say(`Kompilerar modulen för Electron ${version} (behöver python3, make och en C++-kompilator) / compiling for Electron ${version} (needs python3, make and a C++ compiler) …`);
  const args = ['rebuild', '--release', `--target=${version}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers', '--runtime=electron'];
  const gyp = npmNodeGyp();
  const r =
    gyp
      ? spawnSync(process.execPath, [gyp, ...args], { cwd: work, stdio: 'inherit', env: toolEnv() })
      : spawnSync('npx', ['--yes', 'node-gyp', ...args], { cwd: work, stdio: 'inherit', env: toolEnv(), shell: process.platform === 'win32' });
  return r.status === 0;
}

/** The ABI number Electron's native modules are built for (node_modules/electron/abi_version), if known. */
function electronAbi() {
  const file = join(electronDir, 'abi_version');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

/**
 * Checks a built file before it is used: it must not load in this Node (then
 * it was built for Node, not Electron), a version mismatch it reports must name
 * Electron's ABI, and, when the Electron binary is there, it must load in
 * Electron run as Node. Catches a wrong build here rather than as a vault
 * error at unlock.
 */
export function verifyBuild(file) {
  const inNode = spawnSync(process.execPath, ['-e', `process.dlopen({ exports: {} }, ${JSON.stringify(file)})`], { encoding: 'utf8' });
  if (inNode.status === 0) return { ok: false, error: 'Filen laddar i Node, så den är byggd för Node och inte för Electron / the file loads in Node, so it was built for Node, not Electron.' };
  const abi = electronAbi();
  const builtFor = /using NODE_MODULE_VERSION (\d+)/.exec(inNode.stderr)?.[1];
  if (abi && builtFor && builtFor !== abi) {
    return { ok: false, error: `Filen är byggd för ABI ${builtFor}, Electron ${electronVersion()} behöver ${abi} / built for ABI ${builtFor}, Electron needs ${abi}.` };
  }
  const exe = electronExecutable();
  if (!exe) return { ok: true, detail: abi ? `ABI ${abi}` : '' };
  const code = `const D = require(${JSON.stringify(moduleDir)}); const db = new D(':memory:', { nativeBinding: ${JSON.stringify(file)} }); process.stdout.write(String(db.prepare('select sqlite3mc_version() as v').get().v)); db.close();`;
  const r = spawnSync(exe, ['-e', code], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, encoding: 'utf8' });
  return r.status === 0 ? { ok: true, detail: r.stdout.trim() } : { ok: false, error: (r.stderr || `exit ${r.status}`).trim().split('\n').slice(0, 4).join('\n') };
}

/** Step 2: the Electron build of the SQLite module, made in a temporary copy of the package. */
export function ensureElectronNative(version = electronVersion(), platform = process.platform, arch = process.arch) {
  const target = nativeTarget(version, platform, arch);
  const shown = relative(root, target);
  if (existsSync(target)) {
    const check = verifyBuild(target);
    if (check.ok) {
      say(`${shown} finns / is present${check.detail ? ` (${check.detail})` : ''}.`);
      return true;
    }
    warn(`${shown} duger inte och byggs om / is not usable and is rebuilt:\n  ${check.error.replace(/\n/g, '\n  ')}`);
    rmSync(target, { force: true });
  }
  if (!existsSync(moduleDir)) {
    warn(`${MODULE} saknas i node_modules / is missing from node_modules: kör / run \`npm install\`.`);
    return false;
  }
  const work = mkdtempSync(join(tmpdir(), 'fristad-electron-native-'));
  try {
    // Everything but build output: the copy gets its own build/Release.
    cpSync(moduleDir, work, {
      recursive: true,
      filter: (src) => {
        const first = relative(moduleDir, src).split(sep)[0];
        return first !== 'build' && first !== 'node_modules';
      },
    });
    const built = join(work, 'build', 'Release', 'better_sqlite3.node');
    const ok = (tryPrebuilt(work, version, platform, arch) && existsSync(built)) || (tryCompile(work, version, arch) && existsSync(built));
    if (!ok) {
      warn(
        [
          `Ingen Electron-byggd ${MODULE} kunde hämtas eller byggas.`,
          'Hämtningen behöver internet (github.com); kompileringen behöver python3, make och en C++-kompilator',
          '(Debian/Ubuntu: sudo apt-get install -y python3 make g++; macOS: xcode-select --install;',
          'Windows: Visual Studio Build Tools med "Desktop development with C++" och Python 3).',
          `No Electron build of ${MODULE} could be downloaded or compiled.`,
          'Downloading needs internet (github.com); compiling needs python3, make and a C++ compiler (see above).',
          'Fristad also runs in a browser without this: npm run start:browser',
        ].join('\n  '),
      );
      return false;
    }
    const check = verifyBuild(built);
    if (!check.ok) {
      warn(`Den byggda modulen duger inte / the built module is not usable:\n  ${check.error.replace(/\n/g, '\n  ')}`);
      return false;
    }
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(built, target);
    say(`${shown} klar / ready (Electron ${version}${check.detail ? `, ${check.detail}` : ''}).`);
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (!existsSync(join(electronDir, 'package.json'))) {
    warn('node_modules/electron saknas / is missing: kör / run `npm install`.');
    process.exit(1);
  }
  const binary = ensureElectronBinary();
  const native = ensureElectronNative();
  process.exit(binary && native ? 0 : 1);
}
