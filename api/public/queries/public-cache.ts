/**
 * A short-lived memo for public, anonymous reads (home, directory, search, boards, hall pages): the same answer for
 * everyone, so a burst of visitors costs one query. Per process and in memory; with several processes each keeps
 * its own, and each clears it when a firm's change arrives — saved here, or by another process through the change
 * feed (api/live/feed.ts, ~150 ms later). Other edits show within `ttlMs` (seconds).
 */
export class PublicCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(ttlMs: number, maxEntries = 1_000) {
    this.ttlMs = ttlMs;
    this.maxEntries = maxEntries;
  }

  /** The cached answer for `key`, or runs `load` (concurrent callers share one run; failures are not kept). */
  get<T>(key: string, load: () => Promise<T>, now = Date.now()): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = load();
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    value.catch(() => this.entries.delete(key));
    // Oldest first in insertion order: drop the oldest when full.
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** Forgets everything: called when a firm saves a change, so this process shows it at once. */
  clear(): void {
    this.entries.clear();
  }
}

/** TTL of public page data, from PUBLIC_CACHE_MS (0 turns the memo off, e.g. to measure cold queries). */
export const PUBLIC_CACHE_MS = Number(process.env.PUBLIC_CACHE_MS ?? 15_000);

/** The process-wide memo of public page data. */
export const publicCache = new PublicCache(PUBLIC_CACHE_MS);

/** `load()` through the process-wide memo, or directly when it is turned off. */
export function cachedPublic<T>(key: string, load: () => Promise<T>): Promise<T> {
  return PUBLIC_CACHE_MS > 0 ? publicCache.get(key, load) : load();
}
