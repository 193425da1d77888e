import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the vault lives by default: the same folder Electron uses as the
 * app's user-data folder, plus `vault/`. The unit's IT can point elsewhere
 * with the environment variable FRISTAD_VAULT_DIR.
 *
 * Windows: %APPDATA%\Fristad\vault · macOS: ~/Library/Application Support/Fristad/vault · Linux: ~/.config/Fristad/vault
 */
export function defaultVaultDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.FRISTAD_VAULT_DIR) return env.FRISTAD_VAULT_DIR;
  return join(userDataDir(env, platform), 'vault');
}

export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Fristad');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Fristad');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Fristad');
}
