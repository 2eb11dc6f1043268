/** A bounded gate for heavy jobs (R13): image decoding and encoding today (./images.ts). */

/**
 * A counting semaphore with a bounded queue (R13): at most `limit` jobs run, up to `queueLimit` wait in
 * order, and past that a job is refused at once (the caller answers 503) instead of piling up bodies.
 */
export class JobGate {
  readonly limit: number;
  readonly queueLimit: number;
  /** The most jobs seen running at once since creation (or the last reset): tests check it. */
  peak = 0;
  #running = 0;
  #queue: (() => void)[] = [];

  constructor(limit: number, queueLimit: number) {
    this.limit = limit;
    this.queueLimit = queueLimit;
  }

  get running(): number {
    return this.#running;
  }
  get waiting(): number {
    return this.#queue.length;
  }
  /** True when a new job would be refused. */
  get isFull(): boolean {
    return this.#running >= this.limit && this.#queue.length >= this.queueLimit;
  }

  async run<T>(job: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    if (this.#running < this.limit) this.#running++;
    else if (this.#queue.length < this.queueLimit) await new Promise<void>((wake) => this.#queue.push(wake));
    else return { ok: false };
    this.peak = Math.max(this.peak, this.#running);
    try {
      return { ok: true, value: await job() };
    } finally {
      // A finished job hands its slot straight to the next in line, so the count never dips and rises.
      const next = this.#queue.shift();
      if (next) next();
      else this.#running--;
    }
  }
}
