/**
 * The one IPC channel the preload bridge and the ipcMain transport share.
 * Its own file with no imports: the sandboxed preload may require nothing
 * but `electron`, so whatever it imports is bundled into it whole.
 */
export const INVOKE_CHANNEL = 'fristad:invoke';
