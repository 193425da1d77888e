import type { z } from 'zod';

/**
 * Who may call a channel: `public` works while the vault is locked (set-up,
 * unlock, status); `worker` needs an unlocked session; `coordinator` needs a
 * session whose worker is a samordnare.
 */
export type Access = 'public' | 'worker' | 'coordinator';

/** One channel of the contract: its input schema, its access, and (as a type only) its output. */
export interface ChannelDef<I extends z.ZodType, O, A extends Access = Access> {
  readonly input: I;
  readonly access: A;
  /** Whether a call counts as the worker being active (resets the auto-lock timer). */
  readonly activity: boolean;
  /** Phantom: never set at run time, carries the output type. */
  readonly __output?: O;
}

/**
 * Declares a channel. The output type is given separately because TypeScript
 * cannot infer one type argument and take another.
 *
 * @example
 * const c = channel(z.object({ id: z.string() })).returns<PersonDetail>();
 */
export function channel<I extends z.ZodType, A extends Access = 'worker'>(input: I, access: A = 'worker' as A, options: { activity?: boolean } = {}) {
  return {
    returns<O>(): ChannelDef<I, O, A> {
      return Object.freeze({ input, access, activity: options.activity ?? true });
    },
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the widest channel, only used as a constraint
export type AnyChannel = ChannelDef<z.ZodType, any, Access>;
export type AnyContract = Readonly<Record<string, AnyChannel>>;

export type InputOf<C> = C extends ChannelDef<infer I, unknown, Access> ? z.input<I> : never;
export type ParsedOf<C> = C extends ChannelDef<infer I, unknown, Access> ? z.output<I> : never;
export type OutputOf<C> = C extends ChannelDef<z.ZodType, infer O, Access> ? O : never;
export type AccessOf<C> = C extends ChannelDef<z.ZodType, unknown, infer A> ? A : never;
