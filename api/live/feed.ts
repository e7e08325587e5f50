import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { desc, gt, lt } from 'drizzle-orm';
import type { DbLike } from '../db/client.ts';
import { changeFeed, type ChangeFeedRow } from '../db/schema/index.ts';

/** This process's name in feed rows and job leases: `host:pid:random` (random, so a reused pid is not mistaken). */
export const PROCESS_ID = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;

/** How often a process reads new feed rows (FEED_POLL_MS; default 150 ms, the 100–250 ms). */
export const FEED_POLL_MS = Number(process.env.FEED_POLL_MS ?? 150);
/** Feed rows older than this are deleted (5 min: far longer than any process lags behind). */
export const FEED_KEEP_MS = 5 * 60_000;
const PRUNE_EVERY_MS = 60_000;
/** Rows read per poll; a burst larger than this is read over the next polls. */
const BATCH = 500;

/** Appends one change (`topic` e.g. `hall:12`, `kind` e.g. `hotspots`); call with the transaction or right after commit. */
export async function appendChange(db: DbLike, topic: string, kind: string, origin = PROCESS_ID, at = Date.now()): Promise<void> {
  await db.insert(changeFeed).values({ topic, kind, origin, at });
}

/**
 * Tails the shared `change_feed` table so that changes saved by *other* processes reach this process's listeners.
 * One indexed query per poll (`id > last`), nothing when idle but that query; the process's own rows are skipped
 * (it told its listeners when it saved). Starts at the current end of the feed: a new process only needs what
 * happens after it started (viewers refetch on (re)connect). Errors (e.g. a busy database) are logged and retried
 * at the next poll.
 */
export class ChangeFeed {
  readonly #db: DbLike;
  readonly #origin: string;
  readonly #pollMs: number;
  readonly #listeners = new Set<(row: ChangeFeedRow) => void>();
  #last = -1;
  #timer: NodeJS.Timeout | undefined;
  #polling: Promise<void> | undefined;
  #lastPrune = 0;

  constructor(db: DbLike, options: { origin?: string; pollMs?: number } = {}) {
    this.#db = db;
    this.#origin = options.origin ?? PROCESS_ID;
    this.#pollMs = options.pollMs ?? FEED_POLL_MS;
  }

  get origin(): string {
    return this.#origin;
  }

  /** Appends a change from this process (its own listeners are not called for it). */
  append(topic: string, kind: string, db: DbLike = this.#db): Promise<void> {
    return appendChange(db, topic, kind, this.#origin);
  }

  /** Calls `listener` for every change another process appends; returns the unsubscribe function. */
  onRemote(listener: (row: ChangeFeedRow) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Begins tailing from the current end of the feed. */
  async start(): Promise<this> {
    if (this.#last < 0) this.#last = await this.#head();
    this.#timer ??= setInterval(() => void this.poll(), this.#pollMs).unref();
    return this;
  }

  /** Stops tailing (waits for a poll in flight). */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#polling;
  }

  /** Reads new rows once and tells the listeners (the timer calls this; tests call it directly). */
  poll(now = Date.now()): Promise<void> {
    this.#polling ??= this.#poll(now).finally(() => (this.#polling = undefined));
    return this.#polling;
  }

  async #head(): Promise<number> {
    const [row] = await this.#db.select({ id: changeFeed.id }).from(changeFeed).orderBy(desc(changeFeed.id)).limit(1);
    return row?.id ?? 0;
  }

  async #poll(now: number): Promise<void> {
    try {
      if (this.#last < 0) this.#last = await this.#head();
      const rows = await this.#db.select().from(changeFeed).where(gt(changeFeed.id, this.#last)).orderBy(changeFeed.id).limit(BATCH);
      for (const row of rows) {
        this.#last = row.id;
        if (row.origin === this.#origin) continue;
        for (const listener of this.#listeners) {
          try {
            listener(row);
          } catch (err) {
            console.error('[feed] listener failed:', err);
          }
        }
      }
      if (now - this.#lastPrune > PRUNE_EVERY_MS) {
        this.#lastPrune = now;
        await pruneChangeFeed(this.#db, now);
      }
    } catch (err) {
      console.error('[feed] poll failed:', err instanceof Error ? err.message : err);
    }
  }
}

/** Deletes feed rows older than FEED_KEEP_MS (every process does it about once a minute; idempotent). */
export async function pruneChangeFeed(db: DbLike, now = Date.now()): Promise<void> {
  await db.delete(changeFeed).where(lt(changeFeed.at, now - FEED_KEEP_MS));
}
