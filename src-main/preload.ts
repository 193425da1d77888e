import { contextBridge, ipcRenderer } from 'electron';
import type { InvokeResult } from './api/result.js';
import { INVOKE_CHANNEL } from './ipc-channel.js';

/**
 * The whole bridge: one `invoke(channel, input)` that carries a call to the
 * main process's router and resolves with its InvokeResult. Nothing of
 * `ipcRenderer` itself reaches the page. (Bundled as CommonJS: a sandboxed
 * preload cannot be an ES module.)
 */
const bridge = {
  invoke: (channel: string, input: unknown): Promise<InvokeResult> => ipcRenderer.invoke(INVOKE_CHANNEL, channel, input) as Promise<InvokeResult>,
};

export type PreloadBridge = typeof bridge;

contextBridge.exposeInMainWorld('fristad', bridge);
