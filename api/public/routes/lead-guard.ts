import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Limit } from '../../lib/rate-limit.ts';

/** Limits on lead submissions. Counters live in this process's memory: with several app processes each counts its own. */
export const LEAD_LIMITS = {
  /** A person needs at least this long to read and fill a form; bots post at once. */
  minFillMs: 3_000,
  /** A form older than this is stale (and its token could have been harvested). */
  maxFormAgeMs: 24 * 3_600_000,
  perIp: [
    { max: 5, windowMs: 10 * 60_000 },
    { max: 20, windowMs: 24 * 3_600_000 },
  ] as [Limit, ...Limit[]],
  perHall: [{ max: 30, windowMs: 3_600_000 }] as [Limit, ...Limit[]],
};

/**
 * The form's start time, signed so it cannot be forged: `<ms>.<hmac>`. The key sits in the private data dir,
 * so every process sharing that directory accepts every other's forms.
 */
export class FormClock {
  private readonly key: Buffer;

  constructor(dataDir: string) {
    const dir = join(dataDir, 'private');
    const file = join(dir, 'form-key');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      this.key = readFileSync(file);
    } catch {
      // First start: create the key; a racing process may win, so read back what is on disk.
      try {
        writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
      } catch {
        // another process created it first
      }
      this.key = readFileSync(file);
    }
  }

  issue(now = Date.now()): string {
    return `${now}.${this.sign(String(now))}`;
  }

  /** 'ok', 'too_fast', or 'invalid' (missing, forged or stale). */
  check(token: string | undefined, now = Date.now()): 'ok' | 'too_fast' | 'invalid' {
    const [ms, mac] = (token ?? '').split('.');
    if (!ms || !mac || !/^\d{10,15}$/.test(ms)) return 'invalid';
    const expected = Buffer.from(this.sign(ms));
    const given = Buffer.from(mac);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    const age = now - Number(ms);
    if (age > LEAD_LIMITS.maxFormAgeMs || age < -60_000) return 'invalid';
    return age < LEAD_LIMITS.minFillMs ? 'too_fast' : 'ok';
  }

  private sign(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64url').slice(0, 32);
  }
}
