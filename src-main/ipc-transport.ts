import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { InvokeResult } from './api/result.js';
import type { Logger } from './log.js';
import { INVOKE_CHANNEL } from './ipc-channel.js';

/** What the transport forwards to: the app router (or a fake of it in tests). */
export interface InvokeTarget {
  invoke(channel: unknown, input: unknown): Promise<InvokeResult>;
}

/** The part of an ipcMain event the transport looks at. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

const REFUSED: InvokeResult = {
  ok: false,
  error: { code: 'forbidden', message: 'Anropet kom inte från Fristads eget fönster och nekades.' },
};

const INTERNAL: InvokeResult = {
  ok: false,
  error: { code: 'internal', message: 'Ett oväntat fel inträffade. Inget har sparats. Försök igen, och kontakta IT om felet kvarstår.' },
};

/** Why a sender is refused, or null when it is our own page's top frame. */
function refusal(event: SenderEvent, isAllowedUrl: (url: string) => boolean): { reason: string; scheme?: string } | null {
  try {
    const frame = event.senderFrame;
    if (!frame) return { reason: 'no_frame' };
    if (frame.parent !== null) return { reason: 'subframe' };
    if (!isAllowedUrl(frame.url)) return { reason: 'foreign_page', scheme: frame.url.split(':', 1)[0]?.slice(0, 20) ?? '' };
    return null;
  } catch {
    // A frame that navigated away or was destroyed throws on access.
    return { reason: 'frame_gone' };
  }
}

/**
 * The ipcMain counterpart of the test host's `/invoke`: the same checks in
 * spirit (the call must come from our own page, as the host demands its
 * token, Host and Origin) and the same forwarding, `null` input meaning none.
 */
export function createInvokeHandler(router: InvokeTarget, isAllowedUrl: (url: string) => boolean, log: Logger) {
  return async (event: SenderEvent, channel: unknown, input: unknown): Promise<InvokeResult> => {
    const refused = refusal(event, isAllowedUrl);
    if (refused) {
      log.warn('ipc.sender_refused', { ...refused, channel: typeof channel === 'string' ? channel.slice(0, 80) : '' });
      return REFUSED;
    }
    try {
      return await router.invoke(channel, input === null ? undefined : input);
    } catch (err) {
      // The router answers every failure itself; this is the last net, so the page gets a result, not a rejected promise.
      log.error('ipc.invoke_failed', { error: err instanceof Error ? err.name : typeof err });
      return INTERNAL;
    }
  };
}

/** Registers the one invoke channel; returns a function that removes it. */
export function installIpcTransport(router: InvokeTarget, isAllowedUrl: (url: string) => boolean, log: Logger): () => void {
  const handler = createInvokeHandler(router, isAllowedUrl, log);
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, input: unknown) => handler(event, channel, input));
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}
