/**
 * Tells the main process that the worker is active, at most once per
 * interval. The first activity is reported at once; activity inside the
 * interval is reported once at its end, so the auto-lock clock never runs
 * from a moment earlier than the interval.
 */
export interface ActivityReporter {
  activity(): void;
  dispose(): void;
}

export interface ActivityReporterOptions {
  intervalMs?: number;
  now?: () => number;
}

export const TOUCH_INTERVAL_MS = 30_000;

export function createActivityReporter(report: () => void, options: ActivityReporterOptions = {}): ActivityReporter {
  const intervalMs = options.intervalMs ?? TOUCH_INTERVAL_MS;
  const now = options.now ?? Date.now;
  let lastSent = Number.NEGATIVE_INFINITY;
  let pending: ReturnType<typeof setTimeout> | null = null;

  const send = () => {
    lastSent = now();
    report();
  };

  return {
    activity() {
      const since = now() - lastSent;
      if (since >= intervalMs) {
        send();
        return;
      }
      if (pending) return;
      pending = setTimeout(() => {
        pending = null;
        send();
      }, intervalMs - since);
    },
    dispose() {
      if (pending) clearTimeout(pending);
      pending = null;
    },
  };
}
