import { useEffect } from 'react';
import { invoke } from './api-client';
import { createActivityReporter } from './activity-reporter';
import { lockDown } from './lockdown';

export const STATUS_POLL_MS = 5_000;

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * While unlocked: reports typing and clicking (vault.touch, throttled) so the
 * vault does not lock under a worker who is busy, and asks vault.status every
 * few seconds (which does not count as activity) so an auto-lock on the
 * main side empties this window promptly, even if nobody touches it.
 */
export function useAutoLock(unlocked: boolean): void {
  useEffect(() => {
    if (!unlocked) return;
    const reporter = createActivityReporter(() => {
      // A 'locked' refusal reaches the lock listener; nothing else to do here.
      invoke('vault.touch').catch(() => undefined);
    });
    const onActivity = () => reporter.activity();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });

    let stopped = false;
    const poll = setInterval(() => {
      invoke('vault.status')
        .then((status) => {
          if (!stopped && status.state !== 'unlocked') void lockDown();
        })
        .catch(() => undefined); // a passing hiccup; the next poll tries again
    }, STATUS_POLL_MS);

    return () => {
      stopped = true;
      clearInterval(poll);
      reporter.dispose();
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [unlocked]);
}
