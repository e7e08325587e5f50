import { eq, sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { DbLike } from '../db/client.ts';
import { users, type User } from '../db/schema/index.ts';
import { AppError } from '../lib/errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

/** After this many wrong passwords in a row the account locks for LOCK_MS. */
export const LOCK_AFTER = 5;
export const LOCK_MS = 15 * 60_000;

// Unknown e-mails are checked against a real hash too, so response time does not reveal which accounts exist.
const DUMMY_HASH = hashPassword('not-a-real-password-' + Math.random());

const invalid = () =>
  new AppError(401, 'invalid_credentials', { zh: '邮箱或密码不正确', en: 'Wrong e-mail or password' });

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Checks e-mail and password with lockout; returns the user on success. */
export async function signIn(db: DbLike, config: Config, email: string, password: string, now = new Date()): Promise<User> {
  const [user] = await db.select().from(users).where(eq(users.email, normalizeEmail(email)));
  if (!user || !user.passwordHash || user.disabled || (user.demo && !config.demo)) {
    await verifyPassword(await DUMMY_HASH, password);
    throw invalid();
  }
  if (user.lockedUntil && user.lockedUntil > now) throw locked(user.lockedUntil, now);

  if (!(await verifyPassword(user.passwordHash, password))) {
    const failures = user.failedLogins + 1;
    const lock = failures >= LOCK_AFTER;
    await db
      .update(users)
      .set({ failedLogins: lock ? 0 : sql`${users.failedLogins} + 1`, lockedUntil: lock ? new Date(now.getTime() + LOCK_MS) : null })
      .where(eq(users.id, user.id));
    if (lock) throw locked(new Date(now.getTime() + LOCK_MS), now);
    throw invalid();
  }
  if (user.failedLogins > 0 || user.lockedUntil) {
    await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  }
  return user;
}

function locked(until: Date, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
  return new AppError(
    423,
    'account_locked',
    { zh: `密码错误次数过多，账号已临时锁定，请 ${minutes} 分钟后再试`, en: `Too many wrong passwords; the account is locked for ${minutes} min` },
    { retryAfterMinutes: minutes },
  );
}
