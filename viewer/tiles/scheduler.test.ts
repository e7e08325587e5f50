import { describe, expect, it } from 'vitest';
import { planRequests } from './scheduler.ts';

describe('request planning', () => {
  it('starts the most wanted tiles up to the in-flight cap, skipping loaded and in-flight ones', () => {
    const wanted = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const plan = planRequests(wanted, new Set(['b']), (k) => k === 'a', 6);
    expect(plan).toEqual({ start: ['c', 'd', 'e', 'f', 'g'], abort: [] });
  });

  it('aborts requests the view no longer wants and reuses their slots', () => {
    const inFlight = new Set(['x1', 'x2', 'x3', 'x4', 'x5', 'x6']);
    const plan = planRequests(['n1', 'x2'], inFlight, () => false, 6);
    expect(plan.abort.sort()).toEqual(['x1', 'x3', 'x4', 'x5', 'x6']);
    expect(plan.start).toEqual(['n1']);
  });

  it('starts nothing when all slots are busy with wanted tiles', () => {
    const inFlight = new Set(['a', 'b']);
    expect(planRequests(['a', 'b', 'c'], inFlight, () => false, 2).start).toEqual([]);
  });
});
