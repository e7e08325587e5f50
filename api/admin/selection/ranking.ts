/**
 * Ranking applications within the quota (pure). The stated tie rule (issue 10 §5): higher score first; on equal
 * scores (to 0.01) the smaller spread (the panel agreed more), then the earlier application, then the lower id.
 * Quotas: the bureau's overrides come first (`include` takes a place, `exclude` never does — each with a written
 * reason kept in history); then the ranking fills places, skipping a firm whose area already reached its quota,
 * until the overall quota is reached.
 */
import type { County } from '../../domain/program.ts';

export interface Rankable {
  id: number;
  county: County;
  score: number | null;
  spread: number | null;
  /** When the firm applied (ms). */
  appliedAt: number;
  override: 'include' | 'exclude' | null;
}

export interface Ranked<T extends Rankable> {
  item: T;
  rank: number;
  proposed: boolean;
  /** Why a ranked firm is out: quota reached, area quota reached, excluded, or unscored. */
  outBecause: 'quota' | 'area_quota' | 'excluded' | 'unscored' | null;
}

/** Sort order of the tie rule above (negative: a before b). */
export function compareForRanking(a: Rankable, b: Rankable): number {
  const sa = a.score === null ? -Infinity : Math.round(a.score * 100);
  const sb = b.score === null ? -Infinity : Math.round(b.score * 100);
  if (sa !== sb) return sb - sa;
  const pa = a.spread ?? Infinity;
  const pb = b.spread ?? Infinity;
  if (pa !== pb) return pa - pb;
  if (a.appliedAt !== b.appliedAt) return a.appliedAt - b.appliedAt;
  return a.id - b.id;
}

/** Ranks and marks the proposed list for a quota and optional per-area quotas. */
export function rankWithinQuota<T extends Rankable>(items: readonly T[], quota: number, areaQuotas: Partial<Record<County, number>> = {}): Ranked<T>[] {
  const sorted = [...items].sort(compareForRanking);
  const taken = new Map<County, number>();
  let places = 0;
  const proposed = new Set<number>();
  for (const it of sorted) {
    if (it.override === 'include') {
      proposed.add(it.id);
      places += 1;
      taken.set(it.county, (taken.get(it.county) ?? 0) + 1);
    }
  }
  const why = new Map<number, Ranked<T>['outBecause']>();
  for (const it of sorted) {
    if (it.override === 'include') continue;
    if (it.override === 'exclude') why.set(it.id, 'excluded');
    else if (it.score === null) why.set(it.id, 'unscored');
    else if (places >= quota) why.set(it.id, 'quota');
    else if (areaQuotas[it.county] !== undefined && (taken.get(it.county) ?? 0) >= areaQuotas[it.county]!) why.set(it.id, 'area_quota');
    else {
      proposed.add(it.id);
      places += 1;
      taken.set(it.county, (taken.get(it.county) ?? 0) + 1);
    }
  }
  return sorted.map((item, i) => ({ item, rank: i + 1, proposed: proposed.has(item.id), outBecause: proposed.has(item.id) ? null : (why.get(item.id) ?? null) }));
}
