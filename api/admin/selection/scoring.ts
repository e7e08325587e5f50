/**
 * Aggregating expert scores (pure functions). Each expert scores every rubric indicator 0–100; the weighted total is
 * points of 100. The panel's score is the trimmed mean (去掉一个最高分和一个最低分, the usual rule of Chinese expert
 * panels) when at least TRIM_FROM scores exist, else the plain mean; a spread (max − min) above the round's
 * threshold flags the application for discussion.
 */
import type { Rubric } from '../../domain/selection.ts';

/** From this many scores on, the single highest and lowest are dropped. */
export const TRIM_FROM = 5;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Σ weight × score / 100 over the rubric's indicators, rounded to 0.01; throws RangeError when one is missing or out of 0..100. */
export function weightedTotal(rubric: Rubric, scores: Record<string, number>): number {
  let total = 0;
  for (const ind of rubric.indicators) {
    const s = scores[ind.key];
    if (s === undefined || !Number.isFinite(s) || s < 0 || s > 100) throw new RangeError(`score of ${ind.key} must be 0..100`);
    total += (ind.weight * s) / 100;
  }
  return round2(total);
}

/** The trimmed mean of totals (see TRIM_FROM), rounded to 0.01; null for no scores. */
export function trimmedMean(totals: readonly number[]): number | null {
  if (totals.length === 0) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  const kept = sorted.length >= TRIM_FROM ? sorted.slice(1, -1) : sorted;
  return round2(kept.reduce((s, x) => s + x, 0) / kept.length);
}

/** The panel's verdict on one application: score, spread (max − min) and whether the spread exceeds `threshold`. */
export function aggregate(totals: readonly number[], threshold: number): { score: number | null; spread: number | null; flagged: boolean } {
  if (totals.length === 0) return { score: null, spread: null, flagged: false };
  const spread = round2(Math.max(...totals) - Math.min(...totals));
  return { score: trimmedMean(totals), spread, flagged: spread > threshold };
}

export interface ReviewTotal {
  applicationId: number;
  expertId: number;
  total: number;
}

export interface Drift {
  expertId: number;
  /** Mean of (this expert's total − mean of the other experts' totals on the same application), points of 100. */
  drift: number;
  applications: number;
  /** |drift| ≥ the limit over at least `minApplications` applications. */
  flagged: boolean;
}

/**
 * Reviewer drift: how far each expert sits, on average, from the peers who scored the same applications. Positive =
 * more generous. Applications with a single score are skipped (no peers).
 */
export function reviewerDrift(reviews: readonly ReviewTotal[], limit = 10, minApplications = 3): Drift[] {
  const byApp = new Map<number, ReviewTotal[]>();
  for (const r of reviews) byApp.set(r.applicationId, [...(byApp.get(r.applicationId) ?? []), r]);
  const acc = new Map<number, { sum: number; n: number }>();
  for (const group of byApp.values()) {
    if (group.length < 2) continue;
    const sum = group.reduce((s, r) => s + r.total, 0);
    for (const r of group) {
      const peers = (sum - r.total) / (group.length - 1);
      const a = acc.get(r.expertId) ?? { sum: 0, n: 0 };
      a.sum += r.total - peers;
      a.n += 1;
      acc.set(r.expertId, a);
    }
  }
  return [...acc]
    .map(([expertId, a]) => {
      const drift = round2(a.sum / a.n);
      return { expertId, drift, applications: a.n, flagged: a.n >= minApplications && Math.abs(drift) >= limit };
    })
    .sort((x, y) => Math.abs(y.drift) - Math.abs(x.drift) || x.expertId - y.expertId);
}
