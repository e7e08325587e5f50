import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/client.ts';
import { rateCounters } from '../db/schema/index.ts';
import { createTestContext, type TestContext } from '../testing.ts';
import { deleteExpiredRateCounters, RateLimiter } from './rate-limit.ts';

let ctx: TestContext;
let other: Db;
beforeEach(async () => {
  ctx = await createTestContext();
  // A second connection to the same file stands for a second app process.
  other = await openDb(ctx.config.databaseUrl);
});
afterEach(async () => {
  other.$client.close();
  await ctx.cleanup();
});

const HOUR = 3_600_000;
const T0 = 1_800_000_000_000; // a multiple of the minute and of the hour

describe('RateLimiter', () => {
  it('lets a key act up to every limit in its windows, and says how long to wait', async () => {
    const limiter = new RateLimiter(ctx.db, 'test', { max: 2, windowMs: 60_000 }, { max: 3, windowMs: HOUR });
    expect(await limiter.take('ip', T0)).toBe(true);
    expect(await limiter.take('ip', T0 + 10_000)).toBe(true);
    expect(await limiter.take('ip', T0 + 20_000)).toBe(false);
    expect(await limiter.retryAfter('ip', T0 + 20_000)).toBe(40); // the minute's window ends at 60 s
    expect(await limiter.take('other', T0 + 20_000)).toBe(true);
    expect(await limiter.take('ip', T0 + 60_000)).toBe(true); // refused events were not counted
    expect(await limiter.take('ip', T0 + 130_000)).toBe(false); // now the hourly limit holds
    expect(await limiter.retryAfter('ip', T0 + 130_000)).toBe(3_470); // the hour's window ends at 3600 s
  });

  it('counts in the database, so two processes share one limit instead of each allowing it', async () => {
    const a = new RateLimiter(ctx.db, 'lead-ip', { max: 5, windowMs: 10 * 60_000 });
    const b = new RateLimiter(other, 'lead-ip', { max: 5, windowMs: 10 * 60_000 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).take('203.0.113.7', T0 + i)));
    expect(results.filter(Boolean)).toHaveLength(5);
    expect(await a.take('203.0.113.7', T0 + 100)).toBe(false);
    expect(await b.take('203.0.113.7', T0 + 100)).toBe(false);
  });

  it('deletes counters whose window has ended', async () => {
    const limiter = new RateLimiter(ctx.db, 'test', { max: 2, windowMs: 60_000 });
    await limiter.take('old', T0);
    await limiter.take('new', T0 + 60_000);
    await deleteExpiredRateCounters(ctx.db, T0 + 61_000);
    expect((await ctx.db.select().from(rateCounters)).map((r) => r.key)).toEqual(['new']);
  });
});
