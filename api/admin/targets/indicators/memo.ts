import type { DbLike } from '../../../db/client.ts';
import type { CountedRow, Indicator } from './types.ts';

interface Entry {
  value: Promise<unknown>;
  at: number;
  refreshing: boolean;
}

// Per database handle (tests and the bench open several), per key. In this process's memory: another app process keeps
// its own copy (documented in README "Scaling out").
const memo = new WeakMap<object, Map<string, Entry>>();

/**
 * A heavy dashboard figure memoised for `ttlMs` (stale-while-revalidate): a fresh copy is served as is; an older one
 * is served while a refresh runs in the background, so only the very first request pays the full query. A failed
 * first computation is not kept. `key` names the figure and its window within this database handle.
 */
export function memoised<T>(db: DbLike, key: string, ttlMs: number, compute: () => Promise<T>, now = Date.now()): Promise<T> {
  let byKey = memo.get(db);
  if (!byKey) memo.set(db, (byKey = new Map()));
  const hit = byKey.get(key);
  if (!hit) {
    const entry: Entry = { value: compute(), at: now, refreshing: false };
    byKey.set(key, entry);
    entry.value.catch(() => byKey.delete(key));
    return entry.value as Promise<T>;
  }
  if (now - hit.at > ttlMs && !hit.refreshing) {
    hit.refreshing = true;
    const next = compute();
    next.then(
      () => byKey.set(key, { value: next, at: Date.now(), refreshing: false }),
      () => (hit.refreshing = false),
    );
  }
  return hit.value as Promise<T>;
}

/**
 * The rows of an indicator, memoised for `indicator.cacheMs` when it sets one (counters such as hall visits, whose
 * query scans hundreds of thousands of daily rows). Indicators without `cacheMs`, and callers asking `fresh`
 * (publishing a report), always query.
 */
export function indicatorRows(db: DbLike, indicator: Indicator, window: { startYear: number; endYear: number }, fresh = false, now = Date.now()): Promise<CountedRow[]> {
  if (!indicator.cacheMs || fresh) return indicator.rows(db, window);
  return memoised(db, `indicator:${indicator.code}:${window.startYear}-${window.endYear}`, indicator.cacheMs, () => indicator.rows(db, window), now);
}
