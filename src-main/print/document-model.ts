/**
 * The printable document model and THE client-copy filter.
 *
 * A document's builder (in main) marks every value that may be printed only
 * on the internal copy with `internalOnly(…)`: risk scores, internal notes,
 * a shelter's address, a person's address (already taken through
 * `personForDocument`, so a protected address is never there at all).
 * `forVariant` is the one place that decides what leaves main for the print
 * route: for the client copy every marked value becomes null; for the
 * internal copy the marks are simply removed. Templates and renderer
 * components never decide this; the renderer only ever receives the
 * filtered model.
 */

export const PRINT_VARIANTS = ['internal', 'client'] as const;
export type PrintVariant = (typeof PRINT_VARIANTS)[number];

const MARK = '$internal';

/** A value printed only on the internal copy. */
export interface InternalOnly<T> {
  readonly [MARK]: T;
}

/** Marks a value as internal: the client copy never carries it. */
export function internalOnly<T>(value: T): InternalOnly<T> {
  return { [MARK]: value };
}

/** A model after the filter: every internal-only value is either itself (internal copy) or null (client copy). */
export type Printed<T> =
  T extends InternalOnly<infer U>
    ? Printed<U> | null
    : T extends readonly (infer E)[]
      ? Printed<E>[]
      : T extends object
        ? { [K in keyof T]: Printed<T[K]> }
        : T;

function isMark(v: object): v is InternalOnly<unknown> {
  return Object.hasOwn(v, MARK) && Object.keys(v).length === 1;
}

function walk(v: unknown, variant: PrintVariant): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => walk(x, variant));
  if (isMark(v)) return variant === 'client' ? null : walk(v[MARK], variant);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = walk(x, variant);
  return out;
}

/**
 * What the renderer may print of a document in a variant. Pure; the result
 * is a fresh plain object (the input is not changed).
 *
 * @example forVariant({ plan: 'Ring mamma', note: internalOnly('Hotad igår') }, 'client') // { plan: 'Ring mamma', note: null }
 */
export function forVariant<T>(doc: T, variant: PrintVariant): Printed<T> {
  return walk(doc, variant) as Printed<T>;
}
