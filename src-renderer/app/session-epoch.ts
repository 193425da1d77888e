/**
 * A counter that moves on every lock. An answer that was on its way when the
 * vault locked must not refill a store that was just emptied, so each store
 * action takes a ticket before it calls invoke() and drops the answer when
 * the ticket has gone stale.
 */
let epoch = 0;

export interface SessionTicket {
  /** True while no lock has happened since the ticket was taken. */
  readonly current: () => boolean;
}

export function takeTicket(): SessionTicket {
  const mine = epoch;
  return { current: () => mine === epoch };
}

/** Invalidates every ticket taken so far. Called by the lock-down, before the stores are emptied. */
export function endSessionEpoch(): void {
  epoch += 1;
}
