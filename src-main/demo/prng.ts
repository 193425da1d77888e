/**
 * A small deterministic pseudo-random generator for demo and benchmark data:
 * the same seed always gives the same vault contents. Not for anything secret
 * (passphrases and keys come from node:crypto).
 *
 * The core is sfc32 (a 128-bit-state counter generator), seeded through
 * splitmix32 so that neighbouring seeds give unrelated streams.
 */

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over a string: turns a step name into a sub-seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  constructor(seed: number) {
    const sm = splitmix32(seed);
    this.#a = sm();
    this.#b = sm();
    this.#c = sm();
    this.#d = sm();
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** An independent stream for a named part of the data, so adding a part never changes the others. */
  fork(name: string): Rng {
    return new Rng((this.u32() ^ hashString(name)) >>> 0);
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  u32(): number {
    const t = (((this.#a + this.#b) >>> 0) + this.#d) >>> 0;
    this.#d = (this.#d + 1) >>> 0;
    this.#a = this.#b ^ (this.#b >>> 9);
    this.#b = (this.#c + (this.#c << 3)) >>> 0;
    this.#c = ((this.#c << 21) | (this.#c >>> 11)) >>> 0;
    this.#c = (this.#c + t) >>> 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A random-format (version 4) UUID built from this stream, so ids are reproducible too. */
  uuid(): string {
    return uuidFromWords(this.u32(), this.u32(), this.u32(), this.u32());
  }
}

/** The version 4 UUID `Rng#uuid` makes from four 32-bit words (kept as numbers, an id can be made when it is needed). */
export function uuidFromWords(a: number, b: number, c: number, d: number): string {
  const h = (n: number, shift: number) => HEX[(n >>> shift) & 0xff]!;
  return (
    h(a, 24) + h(a, 16) + h(a, 8) + h(a, 0) + '-' +
    h(b, 24) + h(b, 16) + '-' +
    HEX[0x40 | ((b >>> 8) & 0x0f)]! + h(b, 0) + '-' +
    HEX[0x80 | ((c >>> 24) & 0x3f)]! + h(c, 16) + '-' +
    h(c, 8) + h(c, 0) + h(d, 24) + h(d, 16) + h(d, 8) + h(d, 0)
  );
}

/** Picks by weight; built once, drawn many times. */
export class Weighted<T> {
  readonly #values: T[];
  readonly #cumulative: number[];
  readonly #total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.#values = entries.map((e) => e[0]);
    let sum = 0;
    this.#cumulative = entries.map((e) => (sum += e[1]));
    this.#total = sum;
    if (!(sum > 0)) throw new Error('weights must sum to more than zero');
  }

  draw(rng: Rng): T {
    const x = rng.next() * this.#total;
    const cum = this.#cumulative;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < cum[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return this.#values[lo]!;
  }
}
