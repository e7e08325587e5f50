import { describe, expect, it } from 'vitest';
import { PublicCache } from './public-cache.ts';

describe('PublicCache', () => {
  it('shares one load among concurrent callers and reloads after the TTL', async () => {
    const cache = new PublicCache(1000);
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cache.get('k', load, 0), cache.get('k', load, 10)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await cache.get('k', load, 1500)).toBe(2);
  });

  it('forgets failures and bounds its size', async () => {
    const cache = new PublicCache(1000, 2);
    await expect(cache.get('bad', () => Promise.reject(new Error('x')), 0)).rejects.toThrow('x');
    expect(await cache.get('bad', async () => 'ok', 1)).toBe('ok');
    await cache.get('a', async () => 1, 2);
    await cache.get('b', async () => 2, 3);
    expect(await cache.get('bad', async () => 'reloaded', 4)).toBe('reloaded');
  });
});
