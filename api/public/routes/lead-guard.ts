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
  /**
   * Per hall AND network (/24 for IPv4, /64 for IPv6): a handful of addresses can use up only their own network's
   * share of a firm's forms, never shut them for everyone (the hall cap degrades instead of failing).
   */
  perHallNetwork: [{ max: 10, windowMs: 3_600_000 }] as [Limit, ...Limit[]],
  /** A last bound on what one hall can be sent in an hour, far above what any firm receives (storage safety). */
  perHall: [{ max: 500, windowMs: 3_600_000 }] as [Limit, ...Limit[]],
};

/**
 * The form's start time and a random nonce, signed so they cannot be forged: `<ms>.<nonce>.<hmac>`. The key sits
 * in the private data dir, so every process sharing that directory accepts every other's forms. The nonce makes
 * each rendered form's token single-use (lead-form.ts records used nonces in the database).
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
    const nonce = randomBytes(12).toString('base64url');
    return `${now}.${nonce}.${this.sign(`${now}.${nonce}`)}`;
  }

  /** The nonce of a well-formed token (check it first), to record its use. */
  nonceOf(token: string): string {
    return token.split('.')[1] ?? '';
  }

  /** 'ok', 'too_fast', or 'invalid' (missing, forged or stale). */
  check(token: string | undefined, now = Date.now()): 'ok' | 'too_fast' | 'invalid' {
    const [ms, nonce, mac, extra] = (token ?? '').split('.');
    if (!ms || !nonce || !mac || extra !== undefined || !/^\d{10,15}$/.test(ms) || !/^[A-Za-z0-9_-]{16}$/.test(nonce)) return 'invalid';
    const expected = Buffer.from(this.sign(`${ms}.${nonce}`));
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
