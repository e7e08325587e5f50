import { describe, expect, it } from 'vitest';
import { restartDelay } from './cluster.ts';

describe('restartDelay', () => {
  it('restarts a worker that lived at once, and one that keeps dying after 1 s doubling to 30 s', () => {
    expect([0, 1, 2, 3, 5, 6, 10].map(restartDelay)).toEqual([0, 1_000, 2_000, 4_000, 16_000, 30_000, 30_000]);
  });
});
