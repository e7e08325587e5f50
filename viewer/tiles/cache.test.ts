import { describe, expect, it } from 'vitest';
import { LruBudget } from './cache.ts';

describe('LRU texture budget', () => {
  it('evicts least recently used first, down to the budget', () => {
    const lru = new LruBudget<string>(3);
    lru.add('a', 1);
    lru.add('b', 1);
    lru.add('c', 1);
    lru.touch('a');
    lru.add('d', 1);
    expect(lru.evict()).toEqual(['b']);
    expect(lru.bytes).toBe(3);
    expect(lru.has('a')).toBe(true);
  });

  it('never evicts pinned entries, even when that leaves it over budget', () => {
    const lru = new LruBudget<string>(1);
    lru.add('a', 1);
    lru.add('b', 1);
    lru.add('c', 1);
    expect(lru.evict(new Set(['a', 'b']))).toEqual(['c']);
    expect(lru.bytes).toBe(2);
  });

  it('replaces an entry with the same key without double counting, and clears everything', () => {
    const lru = new LruBudget<string>(10);
    lru.add('a', 4);
    lru.add('a', 6);
    expect(lru.bytes).toBe(6);
    expect(lru.size).toBe(1);
    expect(lru.clear()).toEqual(['a']);
    expect(lru.bytes).toBe(0);
  });
});
