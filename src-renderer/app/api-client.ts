import type { Channel, ChannelInput, ChannelOutput } from '../../src-main/api/contract';
import type { InvokeResult } from '../../src-main/api/result';
import type { ErrorPayload } from '../../src-main/domain/errors';

/**
 * The renderer's only way to the data: one typed `invoke`. Under Electron
 * the preload provides `window.fristad`; under the test host (`npm run
 * start:browser`, end-to-end tests) an HTTP bridge over loopback does, with
 * the per-run token from the address.
 */
export interface FristadBridge {
  invoke(channel: string, input: unknown): Promise<InvokeResult>;
}

declare global {
  interface Window {
    fristad?: FristadBridge;
  }
}

/** A refused call, with the main process's typed error. */
export class ApiError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'ApiError';
    this.payload = payload;
  }
  get code() {
    return this.payload.code;
  }
}

const TOKEN_KEY = 'fristad.hostToken';

/** The bridge to the test host: POST /invoke with the token taken from `#token=…` (then removed from the address bar). */
export function httpBridge(): FristadBridge | null {
  const hash = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  const fromHash = hash.get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = fromHash ?? sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  return {
    async invoke(channel, input) {
      let res: Response;
      try {
        res = await fetch('/invoke', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-fristad-token': token },
          body: JSON.stringify({ channel, input: input ?? null }),
        });
      } catch {
        return { ok: false, error: { code: 'internal', message: 'Kontakten med Fristad bröts. Starta om programmet.' } };
      }
      if (!res.ok) return { ok: false, error: { code: 'internal', message: 'Kontakten med Fristad nekades. Öppna adressen som programmet skrev ut på nytt.' } };
      return (await res.json()) as InvokeResult;
    },
  };
}

let bridge: FristadBridge | null = null;

export function setBridge(b: FristadBridge | null): void {
  bridge = b;
}

function currentBridge(): FristadBridge {
  if (!bridge) bridge = window.fristad ?? httpBridge();
  if (!bridge) throw new ApiError({ code: 'internal', message: 'Fristad kan inte nå sina data. Starta programmet på nytt.' });
  return bridge;
}

/** Calls one channel; resolves with its value or rejects with an ApiError. */
export async function invoke<K extends Channel>(channel: K, ...args: undefined extends ChannelInput<K> ? [input?: ChannelInput<K>] : [input: ChannelInput<K>]): Promise<ChannelOutput<K>> {
  const result = await currentBridge().invoke(channel, args[0]);
  if (!result.ok) {
    if (result.error.code === 'locked') lockListeners.forEach((l) => l());
    throw new ApiError(result.error);
  }
  return result.value as ChannelOutput<K>;
}

const lockListeners = new Set<() => void>();

/** Called when any call finds the vault locked (auto-lock, OS lock): the shell drops all case data. */
export function onLockedResponse(listener: () => void): () => void {
  lockListeners.add(listener);
  return () => lockListeners.delete(listener);
}
