import { describe, expect, it } from 'vitest';
import { HALL_RUBRIC } from '../../domain/selection.ts';
import { compareForRanking, rankWithinQuota, type Rankable } from './ranking.ts';
import { aggregate, reviewerDrift, trimmedMean, weightedTotal } from './scoring.ts';

describe('aggregation of expert scores', () => {
  it('weights indicator scores into points of 100', () => {
    const all = (v: number) => Object.fromEntries(HALL_RUBRIC.indicators.map((i) => [i.key, v]));
    expect(weightedTotal(HALL_RUBRIC, all(80))).toBe(80);
    // industry_fit 20 %, tier 15, growth 20, innovation 20, digital 10, showroom 15
    expect(weightedTotal(HALL_RUBRIC, { ...all(0), innovation: 100, showroom: 50 })).toBe(27.5);
    expect(() => weightedTotal(HALL_RUBRIC, { ...all(50), growth: 101 })).toThrow(RangeError);
    expect(() => weightedTotal(HALL_RUBRIC, { industry_fit: 50 })).toThrow(RangeError);
  });

  it('drops the highest and lowest of five or more, not of fewer', () => {
    expect(trimmedMean([90, 70, 80, 10, 100])).toBe(80); // (70+80+90)/3
    expect(trimmedMean([60, 70, 80, 90])).toBe(75);
    expect(trimmedMean([])).toBeNull();
  });

  it('flags a spread above the threshold', () => {
    expect(aggregate([90, 70, 80, 10, 100], 20)).toEqual({ score: 80, spread: 90, flagged: true });
    expect(aggregate([78, 80, 82, 79, 81], 20)).toEqual({ score: 80, spread: 4, flagged: false });
    expect(aggregate([60, 80], 20).flagged).toBe(false); // exactly the threshold is not above it
  });

  it('finds the reviewer who is consistently far from peers', () => {
    const reviews = [1, 2, 3, 4].flatMap((app) => [
      { applicationId: app, expertId: 1, total: 70 },
      { applicationId: app, expertId: 2, total: 72 },
      { applicationId: app, expertId: 3, total: 95 },
    ]);
    const drift = reviewerDrift(reviews);
    expect(drift[0]).toEqual({ expertId: 3, drift: 24, applications: 4, flagged: true });
    expect(drift.find((d) => d.expertId === 1)).toMatchObject({ drift: -13.5, flagged: true });
    expect(reviewerDrift(reviews.filter((r) => r.applicationId === 1))[0]!.flagged).toBe(false); // one application is not a pattern
  });
});

describe('ranking within quotas and the tie rule', () => {
  const app = (id: number, score: number | null, extra: Partial<Rankable> = {}): Rankable => ({ id, county: 'linqing', score, spread: 5, appliedAt: 1000 + id, override: null, ...extra });

  it('breaks ties by smaller spread, then earlier application, then id', () => {
    const a = app(1, 80, { spread: 10 });
    const b = app(2, 80, { spread: 4 });
    const c = app(3, 80.001, { spread: 4, appliedAt: 1 }); // equal to 0.01, earlier
    const d = app(4, 80, { spread: 4, appliedAt: 1 });
    expect([a, b, c, d].sort(compareForRanking).map((x) => x.id)).toEqual([3, 4, 2, 1]);
  });

  it('fills the quota in score order, respecting area quotas and overrides', () => {
    const items = [
      app(1, 90),
      app(2, 85),
      app(3, 84, { county: 'chiping' }),
      app(4, 83),
      app(5, 60, { override: 'include' }),
      app(6, 95, { override: 'exclude' }),
      app(7, null),
    ];
    const ranked = rankWithinQuota(items, 3, { linqing: 2 });
    const proposed = ranked.filter((r) => r.proposed).map((r) => r.item.id);
    expect(proposed.sort()).toEqual([1, 3, 5]); // 5 by override takes a linqing place; 2 and 4 stop at the area quota
    expect(ranked.find((r) => r.item.id === 2)!.outBecause).toBe('area_quota');
    expect(ranked.find((r) => r.item.id === 6)!.outBecause).toBe('excluded');
    expect(ranked.find((r) => r.item.id === 7)!.outBecause).toBe('unscored');
    expect(ranked[0]!.item.id).toBe(6);
  });

  it('stops at the overall quota', () => {
    const ranked = rankWithinQuota([app(1, 70), app(2, 80), app(3, 90)], 2);
    expect(ranked.map((r) => [r.item.id, r.proposed, r.outBecause])).toEqual([
      [3, true, null],
      [2, true, null],
      [1, false, 'quota'],
    ]);
  });
});
