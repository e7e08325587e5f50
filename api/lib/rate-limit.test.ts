import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('lets a key act up to every limit in its sliding windows, and says how long to wait', () => {
    const limiter = new RateLimiter({ max: 2, windowMs: 60_000 }, { max: 3, windowMs: 3_600_000 });
    expect(limiter.take('ip', 0)).toBe(true);
    expect(limiter.take('ip', 10_000)).toBe(true);
    expect(limiter.take('ip', 20_000)).toBe(false);
    expect(limiter.retryAfter('ip', 20_000)).toBe(40); // the first event leaves the minute at 60 s
    expect(limiter.take('other', 20_000)).toBe(true);
    expect(limiter.take('ip', 60_000)).toBe(true); // refused events were not counted
    expect(limiter.take('ip', 130_000)).toBe(false); // now the hourly limit holds
    expect(limiter.retryAfter('ip', 130_000)).toBe(3_470); // the event at 0 s leaves the hour at 3600 s
  });
});
