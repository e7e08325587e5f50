import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { isBusy, type Db, type DbLike } from '../db/client.ts';
import { rateCounters } from '../db/schema/index.ts';
import { AppError } from './errors.ts';

/** At most `max` events per `windowMs` (a fixed window: the count starts again at every multiple of `windowMs`). */
export interface Limit {
  max: number;
  windowMs: number;
}

interface Cell {
  limit: Limit;
  bucket: string;
  key: string;
  windowStart: number;
  expiresAt: number;
}

/**
 * Rate limits counted in the database (`rate_counters`), so every app process on it shares one count: N processes
 * do not multiply a limit. Fixed windows (one counter row per key and window; a client can use a window's allowance
 * at its end and the next one's at its start, i.e. at most 2× `max` within any `windowMs` — the usual trade for one
 * row per key instead of a row per event). Each limit is checked and counted by one atomic upsert (`count + 1 where count < max`), so two
 * processes cannot both take the last slot — and no transaction is held across an await. Refused events are not
 * counted (a refusal by a later limit gives back the earlier ones).
 */
export class RateLimiter {
  readonly #db: Db;
  readonly #name: string;
  readonly #limits: Limit[];

  /**
   * `name` identifies the limit in the shared table (one name per limiter: e.g. `lead-ip`); then one or more limits
   * that every key must stay within, e.g. 5 per 10 minutes and 20 per day.
   */
  constructor(db: Db, name: string, ...limits: [Limit, ...Limit[]]) {
    this.#db = db;
    this.#name = name;
    this.#limits = limits;
  }

  #cells(key: string, now: number): Cell[] {
    return this.#limits.map((l) => {
      const windowStart = Math.floor(now / l.windowMs) * l.windowMs;
      return { limit: l, bucket: `${this.#name}:${l.windowMs}`, key, windowStart, expiresAt: windowStart + l.windowMs };
    });
  }

  async #counts(db: DbLike, cells: Cell[]): Promise<number[]> {
    const rows = await db
      .select()
      .from(rateCounters)
      .where(and(inArray(rateCounters.bucket, cells.map((c) => c.bucket)), eq(rateCounters.key, cells[0]!.key)));
    return cells.map((c) => rows.find((r) => r.bucket === c.bucket && r.windowStart === c.windowStart)?.count ?? 0);
  }

  /**
   * True when one more event under `key` stays within every limit; the event is counted only then. When the
   * database stays locked past its wait (BUSY_WAIT_MS, e.g. a stuck writer) the event is let through and a warning
   * logged: an abuse limit that fails open for seconds beats answering every visitor with a 500.
   */
  async take(key: string, now = Date.now()): Promise<boolean> {
    try {
      return await this.#take(key, now);
    } catch (error) {
      if (!isBusy(error)) throw error;
      console.warn(`[rate-limit] ${this.#name}: database busy, event let through`);
      return true;
    }
  }

  async #take(key: string, now: number): Promise<boolean> {
    const cells = this.#cells(key, now);
    const taken: Cell[] = [];
    for (const c of cells) {
      // One atomic statement per limit: count one more unless the window is full (no row comes back then).
      const rows = await this.#db
        .insert(rateCounters)
        .values({ bucket: c.bucket, key, windowStart: c.windowStart, count: 1, expiresAt: c.expiresAt })
        .onConflictDoUpdate({
          target: [rateCounters.bucket, rateCounters.key, rateCounters.windowStart],
          set: { count: sql`${rateCounters.count} + 1` },
          setWhere: sql`${rateCounters.count} < ${c.limit.max}`,
        })
        .returning({ count: rateCounters.count });
      if (rows.length === 0) {
        // Refused by this limit: give back what the earlier limits counted.
        for (const t of taken) await this.#db.update(rateCounters).set({ count: sql`${rateCounters.count} - 1` }).where(and(eq(rateCounters.bucket, t.bucket), eq(rateCounters.key, key), eq(rateCounters.windowStart, t.windowStart)));
        return false;
      }
      taken.push(c);
    }
    return true;
  }

  /** Seconds until `key` may act again (0 when it may now): the end of the latest full window. */
  async retryAfter(key: string, now = Date.now()): Promise<number> {
    const cells = this.#cells(key, now);
    const counts = await this.#counts(this.#db, cells);
    let wait = 0;
    cells.forEach((c, i) => {
      if (counts[i]! >= c.limit.max) wait = Math.max(wait, c.expiresAt - now);
    });
    return Math.ceil(wait / 1000);
  }
}

/** Deletes counters whose window has ended (the running server does it at start and every 10 minutes). */
export async function deleteExpiredRateCounters(db: DbLike, now = Date.now()): Promise<void> {
  await db.delete(rateCounters).where(lt(rateCounters.expiresAt, now));
}

/** Takes one event for `key` or throws 429 with a readable message (the API's onError logs it as a security event). */
export async function enforceRateLimit(limiter: RateLimiter, key: string, now = Date.now()): Promise<void> {
  if (await limiter.take(key, now)) return;
  const seconds = Math.max(1, await limiter.retryAfter(key, now));
  throw new AppError(
    429,
    'rate_limited',
    { zh: `操作过于频繁，请 ${seconds} 秒后再试`, en: `Too many requests; try again in ${seconds} s` },
    { retryAfter: seconds },
  );
}
