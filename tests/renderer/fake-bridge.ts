import { setBridge } from '../../src-renderer/app/api-client';
import type { Channel, ChannelInput, ChannelOutput } from '../../src-main/api/contract';
import type { ErrorPayload } from '../../src-main/domain/errors';

/** Thrown by a fake handler to answer with a refusal, as the router would. */
export class Refusal {
  constructor(readonly payload: ErrorPayload) {}
}

export function refuse(payload: ErrorPayload): never {
  throw new Refusal(payload);
}

export type FakeHandlers = { [K in Channel]?: (input: ChannelInput<K>) => ChannelOutput<K> | Promise<ChannelOutput<K>> };

export interface FakeBridge {
  calls: { channel: string; input: unknown }[];
  /** The inputs the renderer sent on one channel, in order, typed as the contract has them. */
  callsTo<K extends Channel>(channel: K): ChannelInput<K>[];
  /** Replaces or adds handlers mid-test (e.g. the vault locks). */
  set(more: FakeHandlers): void;
}

/**
 * Stands in for the main process: each channel answers from a handler
 * given by the test, and every call is recorded. A channel without a
 * handler is refused as unknown, so a test notices an unexpected call.
 */
export function installFakeBridge(initial: FakeHandlers): FakeBridge {
  const handlers: FakeHandlers = { ...initial };
  const calls: { channel: string; input: unknown }[] = [];
  setBridge({
    async invoke(channel, input) {
      calls.push({ channel, input });
      const handler = (handlers as Record<string, ((i: unknown) => unknown) | undefined>)[channel];
      if (!handler) return { ok: false, error: { code: 'unknown_channel', message: `Not faked: ${channel}` } };
      try {
        return { ok: true, value: await handler(input) };
      } catch (err) {
        if (err instanceof Refusal) return { ok: false, error: err.payload };
        throw err;
      }
    },
  });
  return {
    calls,
    callsTo: <K extends Channel>(channel: K) => calls.filter((c) => c.channel === channel).map((c) => c.input as ChannelInput<K>),
    set: (more) => Object.assign(handlers, more),
  };
}
