import type { HallChange } from '../../live/hub.ts';

/** One memoised answer; `firm` is set for an answer about one firm (a hall) once it has loaded. */
interface Entry {
  at: number;
  value: Promise<unknown>;
  /** True when the answer belongs to one firm (see `get`'s `firmOf`). */
  perFirm: boolean;
  /** That firm, once loaded (null: no firm, e.g. no published hall at that slug). */
  firm?: number | null;
}

/**
 * A short-lived memo for public, anonymous reads (home, directory, search, boards, hall pages): the same answer for
 * everyone, so a burst of visitors costs one query. Per process and in memory; with several processes each keeps
 * its own, and each forgets what a firm's change touches when the change arrives — saved here, or by another
 * process through the change feed (api/live/feed.ts, ~150 ms later): a hotspot shows only in its own hall, so a
 * hotspot change drops that firm's answers; any other change (profile, scenes, listings) can show in lists, so it
 * drops everything. Edits that send no change show within `ttlMs` (seconds).
 */
export class PublicCache {
  private readonly entries = new Map<string, Entry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(ttlMs: number, maxEntries = 1_000) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
  }

  /**
   * The cached answer for `key`, or runs `load` (concurrent callers share one run; failures are not kept).
   * `firmOf` marks an answer about one firm (returns its enterprise id, or null for none), so that a change of
   * another firm's hotspots keeps it.
   */
  get<T>(key: string, load: () => Promise<T>, now = Date.now(), firmOf?: (value: T) => number | null): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = load();
    const entry: Entry = { at: now, value, perFirm: firmOf !== undefined };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.then(
      (v) => (entry.firm = firmOf ? firmOf(v) : null),
      () => this.entries.get(key) === entry && this.entries.delete(key),
    );
    // Oldest first in insertion order: drop the oldest when full.
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** The fresh answer kept for `key`, if any, without loading it. */
  peek<T>(key: string, now = Date.now()): Promise<T> | undefined {
    const hit = this.entries.get(key);
    return hit && now - hit.at < this.ttlMs ? (hit.value as Promise<T>) : undefined;
  }

  /** Forgets everything. */
  clear(): void {
    this.entries.clear();
  }

  /**
   * Forgets what a firm's saved change can touch, so this process shows it at once: for a hotspot change, the
   * answers about that firm (and per-firm answers still loading, whose firm is not known yet); else everything.
   */
  forget(change: Pick<HallChange, 'enterpriseId' | 'what'>): void {
    if (change.what !== 'hotspots') return this.clear();
    for (const [key, entry] of this.entries) {
      if (entry.perFirm && (entry.firm === undefined || entry.firm === change.enterpriseId)) this.entries.delete(key);
    }
  }
}

/** TTL of public page data, from PUBLIC_CACHE_MS (0 turns the memo off, e.g. to measure cold queries). */
export const PUBLIC_CACHE_MS = Number(process.env.PUBLIC_CACHE_MS ?? 15_000);

/** The process-wide memo of public page data. */
export const publicCache = new PublicCache(PUBLIC_CACHE_MS);

/**
 * TTL of whole rendered public pages for anonymous visitors (api/edge/page-cache.ts), from PUBLIC_PAGE_CACHE_MS:
 * short, since a page may be built from data the memo above has held for up to PUBLIC_CACHE_MS; 0 when the memo is off.
 */
export const PUBLIC_PAGE_CACHE_MS = PUBLIC_CACHE_MS > 0 ? Number(process.env.PUBLIC_PAGE_CACHE_MS ?? 5_000) : 0;

/** `load()` through the process-wide memo, or directly when it is turned off; `firmOf` as for PublicCache.get. */
export function cachedPublic<T>(key: string, load: () => Promise<T>, firmOf?: (value: T) => number | null): Promise<T> {
  return PUBLIC_CACHE_MS > 0 ? publicCache.get(key, load, Date.now(), firmOf) : load();
}
