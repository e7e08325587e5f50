import type { DbLike } from '../../../db/client.ts';
import type { CountedRow, Indicator } from './types.ts';

interface Entry {
  rows: CountedRow[];
  at: number;
  refreshing: boolean;
}

// Per database handle (tests and the bench open several), per indicator and window. In this process's memory: another
// app process keeps its own copy (documented in README "Scaling out").
const memo = new WeakMap<object, Map<string, Entry>>();

/**
 * The rows of an indicator, memoised for `indicator.cacheMs` when it sets one (counters such as hall visits, whose
 * query scans hundreds of thousands of daily rows): a fresh copy is served as is; an older one is served while a
 * refresh runs in the background (stale-while-revalidate), so only the very first request pays the full query.
 * Indicators without `cacheMs`, and callers asking `fresh` (publishing a report), always query.
 */
export async function indicatorRows(db: DbLike, indicator: Indicator, window: { startYear: number; endYear: number }, fresh = false, now = Date.now()): Promise<CountedRow[]> {
  if (!indicator.cacheMs || fresh) return indicator.rows(db, window);
  let byKey = memo.get(db);
  if (!byKey) memo.set(db, (byKey = new Map()));
  const key = `${indicator.code}:${window.startYear}-${window.endYear}`;
  const hit = byKey.get(key);
  if (hit) {
    if (now - hit.at > indicator.cacheMs && !hit.refreshing) {
      hit.refreshing = true;
      indicator.rows(db, window).then(
        (rows) => byKey.set(key, { rows, at: Date.now(), refreshing: false }),
        () => (hit.refreshing = false),
      );
    }
    return hit.rows;
  }
  const rows = await indicator.rows(db, window);
  byKey.set(key, { rows, at: now, refreshing: false });
  return rows;
}
