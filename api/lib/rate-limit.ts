import { AppError } from './errors.ts';

/**
 * Fixed-window counters kept in this process's memory. With several app processes each counts on its own,
 * so the effective limit multiplies by the process count (documented in README); swap for a shared store then.
 */
export class RateLimiter {
  readonly #windows = new Map<string, { count: number; resetAt: number }>();
  readonly limit: number;
  readonly windowMs: number;

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Counts one hit for key; returns false when the key is over its limit in the current window. */
  hit(key: string, now = Date.now()): boolean {
    const w = this.#windows.get(key);
    if (!w || w.resetAt <= now) {
      if (this.#windows.size > 50_000) this.#sweep(now);
      this.#windows.set(key, { count: 1, resetAt: now + this.windowMs });
      return true;
    }
    w.count += 1;
    return w.count <= this.limit;
  }

  /** Seconds until key may try again. */
  retryAfter(key: string, now = Date.now()): number {
    const w = this.#windows.get(key);
    return w ? Math.max(1, Math.ceil((w.resetAt - now) / 1000)) : 0;
  }

  reset(key: string): void {
    this.#windows.delete(key);
  }

  #sweep(now: number): void {
    for (const [k, w] of this.#windows) if (w.resetAt <= now) this.#windows.delete(k);
  }
}

/** Counts a hit and throws 429 with a readable message when the key is over its limit. */
export function enforceRateLimit(limiter: RateLimiter, key: string): void {
  if (limiter.hit(key)) return;
  const seconds = limiter.retryAfter(key);
  throw new AppError(
    429,
    'rate_limited',
    { zh: `操作过于频繁，请 ${seconds} 秒后再试`, en: `Too many requests; try again in ${seconds} s` },
    { retryAfter: seconds },
  );
}
