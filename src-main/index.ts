import { app, BrowserWindow, dialog, Menu, powerMonitor, type MenuItemConstructorOptions } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Core } from './core.js';
import { createAppRouter } from './api/app-router.js';
import { setNativeBinding } from './db/connection.js';
import { createFileLogger } from './file-log.js';
import { installIpcTransport } from './ipc-transport.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { devServerOrigin, electronNativeBindingPath, isAppPageUrl } from './shell-policy.js';
import { createMainWindow, createPrintWindow, hardenWebContents } from './window.js';
import { createElectronPrintEngine } from './print/electron-engine.js';

/**
 * The desktop app's life cycle. Everything with data in it lives in Core and
 * the router, shared with the test host; this file only wires Electron to
 * them. The crash reporter is never started: a crash dump of this process
 * could hold case data, and nothing may be uploaded.
 */

function menu(core: Core, development: boolean): Menu {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'Arkiv',
      submenu: [{ label: 'Lås', accelerator: 'CmdOrCtrl+L', click: () => void core.lock('user') }, sep, { label: 'Avsluta', role: 'quit' }],
    },
    {
      label: 'Redigera',
      submenu: [
        { label: 'Ångra', role: 'undo' },
        { label: 'Gör om', role: 'redo' },
        sep,
        { label: 'Klipp ut', role: 'cut' },
        { label: 'Kopiera', role: 'copy' },
        { label: 'Klistra in', role: 'paste' },
        { label: 'Markera allt', role: 'selectAll' },
      ],
    },
    {
      label: 'Visa',
      submenu: [
        { label: 'Större text', role: 'zoomIn' },
        { label: 'Mindre text', role: 'zoomOut' },
        { label: 'Normal textstorlek', role: 'resetZoom' },
        ...(development ? [sep, { label: 'Läs in igen', role: 'reload' as const }, { label: 'Utvecklarverktyg', role: 'toggleDevTools' as const }] : []),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}

function main(): void {
  app.setName('Fristad');
  // Electron derives the folder from package.json's name ("fristad"); the vault's documented place is ".../Fristad".
  app.setPath('userData', join(app.getPath('appData'), 'Fristad'));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  registerAppScheme();
  app.enableSandbox();

  const userData = app.getPath('userData');
  const log = createFileLogger(join(userData, 'logs', 'fristad.log'));
  const development = !app.isPackaged;
  const devOrigin = devServerOrigin(process.env, app.isPackaged);
  const isOwnPage = (url: string) => isAppPageUrl(url, devOrigin);

  const native = electronNativeBindingPath(app.getAppPath(), process.versions.electron ?? 'unknown', process.platform, process.arch);
  if (existsSync(native)) setNativeBinding(native);
  else log.warn('shell.native_module_missing', { expected: `electron-${process.versions.electron ?? 'unknown'}-${process.platform}-${process.arch}` });

  const core = new Core({ vaultDir: process.env.FRISTAD_VAULT_DIR ?? join(userData, 'vault'), logger: log });
  const router = createAppRouter(core);
  installIpcTransport(router, isOwnPage, log);

  let win: BrowserWindow | null = null;
  // Printing: a hidden window on the print route, made at the first print and kept warm.
  const printEngine = createElectronPrintEngine({
    createWindow: () => createPrintWindow({ devOrigin, log }),
    parent: () => win,
    showSaveDialog: (parent, options) => (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options)),
  });
  core.usePrintEngine(printEngine);
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devOrigin, log));
  app.on('window-all-closed', () => app.quit());

  // Lock (audit flush, automatic backup, key wiped) before the process ends, once.
  let quitState: 'running' | 'locking' | 'locked' = 'running';
  app.on('before-quit', (event) => {
    if (quitState === 'locked') return;
    event.preventDefault();
    if (quitState === 'locking') return;
    quitState = 'locking';
    core
      .lock('quit')
      .catch(() => log.error('shell.lock_on_quit_failed'))
      .finally(() => {
        void printEngine.close();
        quitState = 'locked';
        app.quit();
      });
  });

  app
    .whenReady()
    .then(() => {
      serveRenderer(join(app.getAppPath(), 'out', 'renderer'));
      powerMonitor.on('lock-screen', () => void core.lock('os'));
      powerMonitor.on('suspend', () => void core.lock('os'));
      // The system going down skips before-quit (macOS/Linux: shutdown; Windows: the window's session-end): lock as far as time allows.
      powerMonitor.on('shutdown', () => void core.lock('quit'));
      Menu.setApplicationMenu(menu(core, development));
      win = createMainWindow({ appPath: app.getAppPath(), devOrigin, devTools: development, log });
      win.on('session-end', () => void core.lock('quit'));
      win.on('closed', () => {
        win = null;
      });
      log.info('shell.ready', { version: app.getVersion(), packaged: app.isPackaged, development: devOrigin !== null });
    })
    .catch((err: unknown) => {
      log.error('shell.start_failed', { error: err instanceof Error ? err.name : 'unknown' });
      app.quit();
    });
}

main();
