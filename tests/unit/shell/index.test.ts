import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { fake, fakeEvent, FakeSession, FakeWebContents } from './fake-electron.js';
import { tempDir } from '../../support/temp.js';
import type { Core as CoreType } from '../../../src-main/core.js';

vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron());
// Record the shell's choice of native module without handing a fake file to the real driver.
vi.mock('../../../src-main/db/connection.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../src-main/db/connection.js')>()),
  setNativeBinding: vi.fn(),
}));

const hadElectronVersion = 'electron' in process.versions;
Object.defineProperty(process.versions, 'electron', { value: '41.10.0', configurable: true });
afterAll(() => {
  if (!hadElectronVersion) delete (process.versions as Record<string, string | undefined>).electron;
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

interface MenuItem {
  label?: string;
  role?: string;
  type?: string;
  click?: () => void;
  submenu?: MenuItem[];
}

/** Loads src-main/index.ts afresh against the fake, the way Electron would run it. */
async function startShell(opts: { singleInstance?: boolean; packaged?: boolean; nativeFile?: boolean } = {}) {
  vi.resetModules();
  const f = fake();
  f.reset();
  f.state.singleInstance = opts.singleInstance ?? true;
  f.state.isPackaged = opts.packaged ?? true;
  const appData = tempDir();
  const appPath = tempDir();
  f.state.paths.set('appData', appData);
  f.state.appPath = appPath;
  const native = join(appPath, 'native', `electron-41.10.0-${process.platform}-${process.arch}`, 'better_sqlite3.node');
  if (opts.nativeFile) {
    mkdirSync(dirname(native), { recursive: true });
    writeFileSync(native, '');
  }
  const { Core } = await import('../../../src-main/core.js');
  const lock = vi.spyOn(Core.prototype, 'lock');
  const connection = await import('../../../src-main/db/connection.js');
  await import('../../../src-main/index.js');
  const userData = join(appData, 'Fristad');
  return {
    f,
    lock,
    native,
    userData,
    setNativeBinding: vi.mocked(connection.setNativeBinding),
    core: () => lock.mock.contexts[0] as CoreType,
    async ready() {
      f.state.ready?.();
      await flush();
    },
    window() {
      const w = f.state.windows[0];
      if (!w) throw new Error('no window');
      return w;
    },
    menu(): MenuItem[] {
      return f.electron.Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItem[];
    },
    logLines(): Record<string, unknown>[] {
      return readFileSync(join(userData, 'logs', 'fristad.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    },
  };
}

describe('shell: single instance', () => {
  it('given another Fristad already runs, when this one starts, then it quits without opening anything', async () => {
    const s = await startShell({ singleInstance: false });
    expect(s.f.electron.app.quit).toHaveBeenCalledTimes(1);
    expect(s.f.electron.app.whenReady).not.toHaveBeenCalled();
    expect(s.f.state.ipcHandlers.size).toBe(0);
    expect(s.f.electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(s.f.state.windows).toHaveLength(0);
  });

  it('given the first window is minimised, when a second start happens, then it is restored and focused', async () => {
    const s = await startShell();
    await s.ready();
    const w = s.window();
    w.minimized = true;
    s.f.electron.app.emit('second-instance', fakeEvent(), [], '/');
    expect(w.restore).toHaveBeenCalledTimes(1);
    expect(w.show).toHaveBeenCalled();
    expect(w.focus).toHaveBeenCalledTimes(1);
    expect(s.f.electron.app.quit).not.toHaveBeenCalled();
  });
});

describe('shell: start-up', () => {
  it('registers app:// and the sandbox before ready, then serves the renderer and opens the window', async () => {
    const s = await startShell();
    expect(s.f.electron.app.setName).toHaveBeenCalledWith('Fristad');
    expect(s.f.electron.app.setPath).toHaveBeenCalledWith('userData', s.userData);
    expect(s.f.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(s.f.electron.app.enableSandbox).toHaveBeenCalledTimes(1);
    expect([...s.f.state.ipcHandlers.keys()]).toEqual(['fristad:invoke']);
    expect(s.f.state.windows).toHaveLength(0);

    await s.ready();
    expect(s.f.state.protocolHandlers.has('app')).toBe(true);
    expect(s.window().loadURL).toHaveBeenCalledWith('app://fristad/');
    expect(s.window().options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false });
    expect(s.f.electron.crashReporter.start).not.toHaveBeenCalled();
  });

  it('the IPC transport answers our page through the real router and refuses others', async () => {
    const s = await startShell();
    await s.ready();
    const invoke = s.f.state.ipcHandlers.get('fristad:invoke') as unknown as (...a: unknown[]) => Promise<unknown>;
    expect(await invoke({ senderFrame: { url: 'app://fristad/', parent: null } }, 'vault.status', undefined)).toEqual({ ok: true, value: { state: 'no_vault' } });
    expect(await invoke({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'vault.status', undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps the vault in userData/vault unless FRISTAD_VAULT_DIR says otherwise', async () => {
    const a = await startShell();
    await a.ready();
    a.f.electron.powerMonitor.emit('lock-screen');
    expect(a.core().vaultDir).toBe(join(a.userData, 'vault'));

    const elsewhere = tempDir();
    vi.stubEnv('FRISTAD_VAULT_DIR', elsewhere);
    const b = await startShell();
    await b.ready();
    b.f.electron.powerMonitor.emit('lock-screen');
    expect(b.core().vaultDir).toBe(elsewhere);
  });

  it('points the driver at the Electron build of the SQLite module when it is there', async () => {
    const withFile = await startShell({ nativeFile: true });
    expect(withFile.setNativeBinding).toHaveBeenCalledWith(withFile.native);
    const without = await startShell();
    expect(without.setNativeBinding).not.toHaveBeenCalled();
    expect(without.logLines().map((l) => l.event)).toContain('shell.native_module_missing');
  });

  it('writes its log as JSON lines under userData/logs', async () => {
    const s = await startShell();
    await s.ready();
    const file = join(s.userData, 'logs', 'fristad.log');
    expect(existsSync(file)).toBe(true);
    expect(s.logLines().at(-1)).toMatchObject({ level: 'info', event: 'shell.ready', packaged: true });
  });

  it('hardens every WebContents created later, as a second line', async () => {
    const s = await startShell();
    const contents = new FakeWebContents(new FakeSession());
    s.f.electron.app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.navigate('will-navigate', 'https://example.org/')).toBe(true);
  });
});

describe('shell: development', () => {
  it('the installed app ignores ELECTRON_RENDERER_URL', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    const s = await startShell({ packaged: true });
    await s.ready();
    expect(s.window().loadURL).toHaveBeenCalledWith('app://fristad/');
  });

  it('an unpackaged app loads the dev server and has developer tools', async () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    const s = await startShell({ packaged: false });
    await s.ready();
    expect(s.window().loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(s.window().options.webPreferences).toMatchObject({ devTools: true });
  });
});

describe('shell: locking', () => {
  it('locks the vault when the computer is locked or goes to sleep', async () => {
    const s = await startShell();
    await s.ready();
    s.f.electron.powerMonitor.emit('lock-screen');
    expect(s.lock).toHaveBeenLastCalledWith('os');
    s.f.electron.powerMonitor.emit('suspend');
    expect(s.lock).toHaveBeenCalledTimes(2);
    expect(s.lock).toHaveBeenLastCalledWith('os');
  });

  it('locks when the system shuts down or the Windows session ends (no before-quit then)', async () => {
    const s = await startShell();
    await s.ready();
    s.f.electron.powerMonitor.emit('shutdown', fakeEvent());
    expect(s.lock).toHaveBeenLastCalledWith('quit');
    s.window().emit('session-end', fakeEvent());
    expect(s.lock).toHaveBeenCalledTimes(2);
  });

  it('on quit, waits for one lock("quit") before letting the app end', async () => {
    const s = await startShell();
    await s.ready();
    const first = fakeEvent();
    s.f.electron.app.emit('before-quit', first);
    const again = fakeEvent();
    s.f.electron.app.emit('before-quit', again);
    expect(first.defaultPrevented).toBe(true);
    expect(again.defaultPrevented).toBe(true);
    await flush();
    expect(s.lock).toHaveBeenCalledTimes(1);
    expect(s.lock).toHaveBeenCalledWith('quit');
    expect(s.f.electron.app.quit).toHaveBeenCalledTimes(1);
    const last = fakeEvent();
    s.f.electron.app.emit('before-quit', last);
    expect(last.defaultPrevented).toBe(false);
    expect(s.lock).toHaveBeenCalledTimes(1);
  });

  it('quits when the window is closed (which locks, as above)', async () => {
    const s = await startShell();
    s.f.electron.app.emit('window-all-closed');
    expect(s.f.electron.app.quit).toHaveBeenCalledTimes(1);
  });
});

describe('shell: menu', () => {
  it('is Swedish: Arkiv (Lås, Avsluta), Redigera (standard roles), Visa without reload or devtools when installed', async () => {
    const s = await startShell({ packaged: true });
    await s.ready();
    const menu = s.menu();
    const top = menu.filter((m) => m.label).map((m) => m.label);
    expect(top).toEqual(['Arkiv', 'Redigera', 'Visa']);
    const arkiv = menu.find((m) => m.label === 'Arkiv')!.submenu!;
    expect(arkiv.filter((i) => i.label).map((i) => i.label)).toEqual(['Lås', 'Avsluta']);
    expect(arkiv.find((i) => i.label === 'Avsluta')?.role).toBe('quit');
    const redigera = menu.find((m) => m.label === 'Redigera')!.submenu!;
    expect(redigera.map((i) => i.role).filter(Boolean)).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']);
    const visa = menu.find((m) => m.label === 'Visa')!.submenu!.map((i) => i.role);
    expect(visa).not.toContain('reload');
    expect(visa).not.toContain('toggleDevTools');
    expect(s.f.electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });

  it('Lås locks the vault for the user', async () => {
    const s = await startShell();
    await s.ready();
    s.menu().find((m) => m.label === 'Arkiv')!.submenu!.find((i) => i.label === 'Lås')!.click!();
    expect(s.lock).toHaveBeenCalledWith('user');
  });

  it('offers reload and developer tools in development only', async () => {
    const s = await startShell({ packaged: false });
    await s.ready();
    const visa = s.menu().find((m) => m.label === 'Visa')!.submenu!.map((i) => i.role);
    expect(visa).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });
});
