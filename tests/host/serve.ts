import { defaultVaultDir } from '../../src-main/paths.js';
import { createLogger } from '../../src-main/log.js';
import { startHost } from './server.js';

/**
 * `npm run start:browser`: the real app in a browser. Prints a loopback
 * address with a one-run token; open it in Chromium, Chrome, Edge or Firefox.
 * Options: --vault <folder> (default: the desktop app's vault folder), --port <n>.
 */
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const vaultDir = opt('--vault') ?? defaultVaultDir();
const port = opt('--port') ? Number(opt('--port')) : 0;

const host = await startHost({ vaultDir, port, logger: createLogger((line) => process.stderr.write(line + '\n')) });
process.stdout.write(`\nFristad körs i webbläsarläge.\nValvmapp: ${vaultDir}\nÖppna: ${host.openUrl}\n(Adressen gäller bara den här körningen. Avsluta med Ctrl+C – valvet låses.)\n\n`);

const stop = async () => {
  await host.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
