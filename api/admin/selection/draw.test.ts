import { describe, expect, it } from 'vitest';
import { drawExperts } from './draw.ts';

const pool = Array.from({ length: 40 }, (_, i) => i + 1);

describe('the random expert draw', () => {
  it('is reproducible from its seed and differs between seeds and applications', () => {
    const a = drawExperts('2026-hall-7f3a', 12, pool, new Set(), 5);
    expect(drawExperts('2026-hall-7f3a', 12, [...pool].reverse(), new Set(), 5)).toEqual(a); // order of the pool does not matter
    expect(a).toHaveLength(5);
    expect(new Set(a).size).toBe(5);
    expect(drawExperts('2026-hall-other', 12, pool, new Set(), 5)).not.toEqual(a);
    expect(drawExperts('2026-hall-7f3a', 13, pool, new Set(), 5)).not.toEqual(a);
  });

  it('never draws an excluded expert', () => {
    const excluded = new Set(pool.filter((id) => id % 2 === 0));
    for (let app = 1; app <= 200; app += 1) {
      for (const id of drawExperts('s', app, pool, excluded, 5)) expect(excluded.has(id)).toBe(false);
    }
  });

  it('returns fewer when the eligible pool is too small', () => {
    expect(drawExperts('s', 1, [1, 2, 3], new Set([2]), 5).sort()).toEqual([1, 3]);
  });

  it('spreads the work: every eligible expert is drawn somewhere over many applications', () => {
    const seen = new Set<number>();
    for (let app = 1; app <= 100; app += 1) for (const id of drawExperts('s', app, pool, new Set(), 5)) seen.add(id);
    expect(seen.size).toBe(40);
  });
});
