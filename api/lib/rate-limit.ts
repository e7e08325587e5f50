import { AppError } from './errors.ts';

/** At most `max` events per `windowMs` (a sliding window). */
export interface Limit {
  max: number;
  windowMs: number;
}

/**
 * Sliding-window counters kept in this process's memory, one list of event times per key. With several app
 * processes each counts on its own, so the effective limit multiplies by the process count (documented in README);
 * swap for a shared store then.
 */
export class RateLimiter {
  readonly #hits = new Map<string, number[]>();
  readonly #limits: Limit[];
  readonly #longest: number;

  /** One or more limits that every key must stay within, e.g. 5 per 10 minutes and 20 per day. */
  constructor(...limits: [Limit, ...Limit[]]) {
    this.#limits = limits;
    this.#longest = Math.max(...limits.map((l) => l.windowMs));
  }

  /** True when one more event under `key` stays within every limit; the event is recorded only then. */
  take(key: string, now = Date.now()): boolean {
    const recent = this.#recent(key, now);
    const ok = this.#limits.every((l) => recent.filter((t) => now - t < l.windowMs).length < l.max);
    if (ok) recent.push(now);
    this.#hits.set(key, recent);
    if (this.#hits.size > 50_000) this.#prune(now);
    return ok;
  }

  /** Seconds until `key` may act again (0 when it may now). */
  retryAfter(key: string, now = Date.now()): number {
    const recent = this.#recent(key, now);
    let wait = 0;
    for (const l of this.#limits) {
      const inWindow = recent.filter((t) => now - t < l.windowMs);
      // The oldest events must leave the window until one more fits.
      if (inWindow.length >= l.max) wait = Math.max(wait, inWindow[inWindow.length - l.max]! + l.windowMs - now);
    }
    return Math.ceil(wait / 1000);
  }

  #recent(key: string, now: number): number[] {
    return (this.#hits.get(key) ?? []).filter((t) => now - t < this.#longest);
  }

  #prune(now: number): void {
    for (const [k, v] of this.#hits) if (v.every((t) => now - t >= this.#longest)) this.#hits.delete(k);
  }
}

/** Takes one event for `key` or throws 429 with a readable message (the API's onError logs it as a security event). */
export function enforceRateLimit(limiter: RateLimiter, key: string): void {
  if (limiter.take(key)) return;
  const seconds = Math.max(1, limiter.retryAfter(key));
  throw new AppError(
    429,
    'rate_limited',
    { zh: `操作过于频繁，请 ${seconds} 秒后再试`, en: `Too many requests; try again in ${seconds} s` },
    { retryAfter: seconds },
  );
}
