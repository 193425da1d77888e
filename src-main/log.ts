/**
 * The process log. Entries name channels, error codes and ids, never names,
 * numbers, addresses or free text: the log file is not encrypted.
 */
export interface Logger {
  info(event: string, fields?: Record<string, string | number | boolean | null>): void;
  warn(event: string, fields?: Record<string, string | number | boolean | null>): void;
  error(event: string, fields?: Record<string, string | number | boolean | null>): void;
}

export function createLogger(write: (line: string) => void): Logger {
  const emit = (level: string, event: string, fields?: Record<string, string | number | boolean | null>) =>
    write(JSON.stringify({ t: new Date().toISOString(), level, event, ...fields }));
  return {
    info: (e, f) => emit('info', e, f),
    warn: (e, f) => emit('warn', e, f),
    error: (e, f) => emit('error', e, f),
  };
}

export const silentLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
