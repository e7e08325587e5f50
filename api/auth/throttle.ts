import { eq, inArray, lt } from 'drizzle-orm';
import type { DbLike } from '../db/client.ts';
import { authThrottle } from '../db/schema/index.ts';
import { AppError } from '../lib/errors.ts';
import { sha256 } from '../lib/tokens.ts';

/**
 * Sign-in throttling with progressive delays (OWASP ASVS 5.0 V6.3.1), in the database so every app process
 * shares the counters. A key may fail `free` times; each failure after that blocks it for a delay that doubles
 * from `firstDelayMs` up to `maxDelayMs`. A counter starts again a day after its last failure.
 * Nothing is ever locked for good: the owner's known device is counted on its own key, and an e-mailed unlock
 * link clears the account's key (api/auth/unlock.ts).
 */
export interface ThrottlePolicy {
  free: number;
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Per account (e-mail), known or not: 5 free failures, then 15 s, 30 s, … up to 15 min. */
export const ACCOUNT_POLICY: ThrottlePolicy = { free: 5, firstDelayMs: 15_000, maxDelayMs: 15 * 60_000 };
/** Per client address over every account: 20 free failures, then 1 min doubling to 1 h. */
export const IP_POLICY: ThrottlePolicy = { free: 20, firstDelayMs: 60_000, maxDelayMs: 60 * 60_000 };
/** Per known device (its own owner's browser): 10 free failures, then 15 s doubling to 15 min. */
export const DEVICE_POLICY: ThrottlePolicy = { free: 10, firstDelayMs: 15_000, maxDelayMs: 15 * 60_000 };

const WINDOW_MS = 86_400_000;

/** Counter keys: an account by its e-mail's SHA-256 (known or not), a client address, a known device's id. */
export const accountKey = (email: string) => `acct:${sha256(email.trim().toLowerCase())}`;
export const ipKey = (ip: string) => `ip:${ip}`;
export const deviceKey = (deviceId: string) => `dev:${deviceId}`;

/** The delay after the n-th failure under a policy (0 while free). */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.free) return 0;
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (failures - policy.free));
}

/** Seconds until every key may try again (0 when all may now). */
export async function retryAfterSeconds(db: DbLike, keys: string[], now = new Date()): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db.select().from(authThrottle).where(inArray(authThrottle.key, keys));
  let wait = 0;
  for (const r of rows) if (r.blockedUntil && r.blockedUntil > now) wait = Math.max(wait, r.blockedUntil.getTime() - now.getTime());
  return Math.ceil(wait / 1000);
}

/** Throws 429 `signin_throttled` while any key is in its delay; the same answer for known and unknown accounts. */
export async function assertNotThrottled(db: DbLike, keys: string[], now = new Date()): Promise<void> {
  const seconds = await retryAfterSeconds(db, keys, now);
  if (seconds > 0) throw throttledError(seconds);
}

/** 429 `signin_throttled` with the seconds to wait (`details.retryAfter`), worded alike for every account. */
export function throttledError(seconds: number): AppError {
  return new AppError(
    429,
    'signin_throttled',
    {
      zh: `尝试次数过多，请 ${seconds} 秒后再试；也可以通过邮件解锁或重设密码`,
      en: `Too many attempts; try again in ${seconds} s, or unlock the account or reset the password by e-mail`,
    },
    { retryAfter: seconds },
  );
}

/** Counts one failure under each key (policy by key), setting its next delay. */
export async function recordFailure(db: DbLike, keys: Array<{ key: string; policy: ThrottlePolicy }>, now = new Date()): Promise<void> {
  for (const { key, policy } of keys) {
    const [row] = await db.select().from(authThrottle).where(eq(authThrottle.key, key));
    const failures = row && row.windowEndsAt > now ? row.failures + 1 : 1;
    const delay = delayAfter(failures, policy);
    const values = { failures, blockedUntil: delay ? new Date(now.getTime() + delay) : null, windowEndsAt: new Date(now.getTime() + WINDOW_MS) };
    await db.insert(authThrottle).values({ key, ...values }).onConflictDoUpdate({ target: authThrottle.key, set: values });
  }
}

/** Clears keys after a success (the account's and the device's; never the address's, which an attacker shares). */
export async function clearFailures(db: DbLike, keys: string[]): Promise<void> {
  if (keys.length) await db.delete(authThrottle).where(inArray(authThrottle.key, keys));
}

/** Drops counters whose window has ended (run at start). */
export async function deleteExpiredThrottles(db: DbLike, now = new Date()): Promise<void> {
  await db.delete(authThrottle).where(lt(authThrottle.windowEndsAt, now));
}
