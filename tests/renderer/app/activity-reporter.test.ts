import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createActivityReporter, TOUCH_INTERVAL_MS } from '../../../src-renderer/app/activity-reporter';

describe('activity reporter', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reports the first activity at once and at most once per 30 seconds after that', () => {
    // Given a reporter
    const touch = vi.fn();
    const reporter = createActivityReporter(touch, { now: () => Date.now() });
    // When the worker types ten times within a few seconds
    for (let i = 0; i < 10; i++) {
      reporter.activity();
      vi.advanceTimersByTime(500);
    }
    // Then one report went out at once, and one more follows at the end of the interval
    expect(touch).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(TOUCH_INTERVAL_MS);
    expect(touch).toHaveBeenCalledTimes(2);
    // And with no further activity nothing more is sent
    vi.advanceTimersByTime(TOUCH_INTERVAL_MS * 3);
    expect(touch).toHaveBeenCalledTimes(2);
    reporter.dispose();
  });

  it('sends nothing after it is disposed (the vault locked)', () => {
    // Given a pending report
    const touch = vi.fn();
    const reporter = createActivityReporter(touch, { now: () => Date.now() });
    reporter.activity();
    reporter.activity();
    // When disposed before the interval ends
    reporter.dispose();
    vi.advanceTimersByTime(TOUCH_INTERVAL_MS * 2);
    // Then only the first report was sent
    expect(touch).toHaveBeenCalledTimes(1);
  });
});
