import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A hand-written stand-in for the parts of `electron` the shell uses, since
 * the Electron binary cannot run on the build machines. It records what the
 * shell registers (handlers, listeners, options) so a test can play the
 * events and check the answers. One instance per test file, kept on
 * globalThis so it survives vi.resetModules(); reset() clears it.
 *
 * Use: vi.mock('electron', async () => (await import('./fake-electron.js')).fakeElectron());
 */

type Handler = (...args: never[]) => unknown;

export interface PermissionCallbacks {
  request: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null;
  check: ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null;
  device: ((details: unknown) => boolean) | null;
}

export class FakeSession {
  permission: PermissionCallbacks = { request: null, check: null, device: null };
  beforeRequest: ((details: { url: string }, callback: (r: { cancel?: boolean }) => void) => void) | null = null;
  headersReceived:
    | ((details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (r: { responseHeaders?: Record<string, string[]> }) => void) => void)
    | null = null;
  setPermissionRequestHandler = vi.fn((h: PermissionCallbacks['request']) => void (this.permission.request = h));
  setPermissionCheckHandler = vi.fn((h: PermissionCallbacks['check']) => void (this.permission.check = h));
  setDevicePermissionHandler = vi.fn((h: PermissionCallbacks['device']) => void (this.permission.device = h));
  webRequest = {
    onBeforeRequest: vi.fn((l: FakeSession['beforeRequest']) => void (this.beforeRequest = l)),
    onHeadersReceived: vi.fn((l: FakeSession['headersReceived']) => void (this.headersReceived = l)),
  };
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  constructor(readonly session: FakeSession) {
    super();
  }
  setWindowOpenHandler = vi.fn((h: FakeWebContents['windowOpenHandler']) => void (this.windowOpenHandler = h));

  /** Plays a navigation event the way Electron sends it; true when the shell prevented it. */
  navigate(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    const e = fakeEvent({ url });
    this.emit(event, e, url);
    return e.defaultPrevented;
  }
}

export function fakeEvent<T extends object>(extra: T = {} as T): T & { preventDefault: () => void; defaultPrevented: boolean } {
  const e = {
    ...extra,
    defaultPrevented: false,
    preventDefault: vi.fn(() => {
      e.defaultPrevented = true;
    }),
  };
  return e;
}

function createFake() {
  const state = {
    singleInstance: true,
    isPackaged: true,
    appPath: '/nonexistent-app',
    paths: new Map<string, string>(),
    windows: [] as FakeBrowserWindow[],
    ipcHandlers: new Map<string, Handler>(),
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    defaultSession: new FakeSession(),
    /** Resolves app.whenReady(); tests call it to play "ready". */
    ready: null as null | (() => void),
  };

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents(state.defaultSession);
    minimized = false;
    loadURL = vi.fn(async (_url: string) => undefined);
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn(() => void (this.minimized = false));
    isMinimized = vi.fn(() => this.minimized);
    constructor(readonly options: { webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
      super();
      state.windows.push(this);
    }
    static getAllWindows = () => state.windows;
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    setName: vi.fn(),
    getName: vi.fn(() => 'Fristad'),
    getVersion: vi.fn(() => '0.1.0'),
    getAppPath: vi.fn(() => state.appPath),
    getPath: vi.fn((name: string) => state.paths.get(name) ?? `/nonexistent-${name}`),
    setPath: vi.fn((name: string, value: string) => void state.paths.set(name, value)),
    requestSingleInstanceLock: vi.fn(() => state.singleInstance),
    enableSandbox: vi.fn(),
    quit: vi.fn(),
    whenReady: vi.fn(() => new Promise<void>((resolve) => (state.ready = resolve))),
  });
  // A getter (Object.assign would have copied a value), so a test can flip it before the shell starts.
  Object.defineProperty(app, 'isPackaged', { get: () => state.isPackaged });

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })), setApplicationMenu: vi.fn() },
    powerMonitor: new EventEmitter(),
    session: { defaultSession: state.defaultSession },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, h: (request: Request) => Promise<Response>) => void state.protocolHandlers.set(scheme, h)),
    },
    ipcMain: {
      handle: vi.fn((channel: string, h: Handler) => {
        if (state.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        state.ipcHandlers.set(channel, h);
      }),
      removeHandler: vi.fn((channel: string) => void state.ipcHandlers.delete(channel)),
    },
    ipcRenderer: { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => ({ ok: true, value: null })) },
    contextBridge: { exposeInMainWorld: vi.fn() },
    crashReporter: { start: vi.fn() },
    dialog: { showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })) },
  };

  return {
    state,
    electron,
    FakeBrowserWindow,
    reset() {
      state.singleInstance = true;
      state.isPackaged = true;
      state.appPath = '/nonexistent-app';
      state.paths.clear();
      state.windows.length = 0;
      state.ipcHandlers.clear();
      state.protocolHandlers.clear();
      state.ready = null;
      const ses = new FakeSession();
      state.defaultSession = ses;
      electron.session.defaultSession = ses;
      app.removeAllListeners();
      electron.powerMonitor.removeAllListeners();
      vi.clearAllMocks();
    },
  };
}

export type FakeElectron = ReturnType<typeof createFake>;
export type FakeBrowserWindow = InstanceType<FakeElectron['FakeBrowserWindow']>;

const KEY = Symbol.for('fristad.fakeElectron');
const store = globalThis as unknown as Record<symbol, FakeElectron | undefined>;

/** The fake for this test file (created on first use). */
export function fake(): FakeElectron {
  return (store[KEY] ??= createFake());
}

/** What `vi.mock('electron', …)` should return: the module object, with a default export like CommonJS gives. */
export function fakeElectron() {
  const e = fake().electron;
  return { ...e, default: e };
}
