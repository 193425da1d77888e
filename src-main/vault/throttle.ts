/**
 * A growing delay after repeated wrong passphrases. The first three tries are
 * free; after that each further try must wait 2, 4, 8 … seconds (at most five
 * minutes). Kept in memory only: a wrong passphrase never writes to disk.
 */
export class UnlockThrottle {
  #failures = 0;
  #notBefore = 0;
  constructor(private readonly now: () => number = Date.now) {}

  /** Seconds left before another try is allowed; 0 when allowed now. */
  waitSeconds(): number {
    const ms = this.#notBefore - this.now();
    return ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  recordFailure(): void {
    this.#failures += 1;
    if (this.#failures >= 3) {
      const seconds = Math.min(300, 2 ** (this.#failures - 2));
      this.#notBefore = this.now() + seconds * 1000;
    }
  }

  recordSuccess(): void {
    this.#failures = 0;
    this.#notBefore = 0;
  }

  get failures(): number {
    return this.#failures;
  }
}
