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

  it('forgets only that firm\'s answers (and per-firm answers still loading) on a hotspot change, everything on others', async () => {
    const cache = new PublicCache(60_000);
    let loads = 0;
    const hall = (firm: number) => async () => ({ firm, load: ++loads });
    const firmOf = (v: { firm: number }) => v.firm;
    const read = () =>
      Promise.all([cache.get('hall:a', hall(1), 0, firmOf), cache.get('hall:b', hall(2), 0, firmOf), cache.get('home', async () => ++loads, 0)]);
    const first = await read();
    let pending!: (v: { firm: number; load: number }) => void;
    const loading = cache.get('hall:c', () => new Promise<{ firm: number; load: number }>((r) => (pending = r)), 0, firmOf);

    cache.forget({ enterpriseId: 1, what: 'hotspots' });
    pending({ firm: 3, load: 0 });
    await loading;
    const second = await read();
    expect(second[0]).not.toEqual(first[0]); // firm 1's hall reloaded
    expect([second[1], second[2]]).toEqual([first[1], first[2]]); // firm 2's hall and the home page kept
    expect(await cache.get('hall:c', async () => ({ firm: 3, load: 99 }), 0, firmOf)).toEqual({ firm: 3, load: 99 }); // was loading: dropped

    cache.forget({ enterpriseId: 1, what: 'listings' });
    const third = await read();
    expect(third.every((v, i) => JSON.stringify(v) !== JSON.stringify(second[i]))).toBe(true);
  });
});
