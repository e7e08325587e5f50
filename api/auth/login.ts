import { eq } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { DbLike } from '../db/client.ts';
import { users, type User } from '../db/schema/index.ts';
import { AppError } from '../lib/errors.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import {
  ACCOUNT_POLICY,
  accountKey,
  assertNotThrottled,
  clearFailures,
  DEVICE_POLICY,
  deviceKey,
  IP_POLICY,
  ipKey,
  recordFailure,
} from './throttle.ts';

// Unknown e-mails are checked against a real hash too, so response time does not reveal which accounts exist.
const DUMMY_HASH = hashPassword('not-a-real-password-' + Math.random());

export const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', { zh: '邮箱或密码不正确', en: 'Wrong e-mail or password' });

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface SignInAttempt {
  email: string;
  password: string;
  ip: string;
  /**
   * Resolves this browser's known-device id for a user (null when the browser has never signed in to it).
   * A known device is throttled on its own key: strangers' failures never keep the owner out (ASVS V6.3.1).
   */
  knownDevice: (userId: number) => Promise<string | null>;
}

/**
 * Checks e-mail and password with throttling (api/auth/throttle.ts): per account and per address, or per known
 * device. Unknown, disabled and throttled accounts answer exactly like known ones: 401 `invalid_credentials`
 * for a wrong pair, 429 `signin_throttled` while delayed. Returns the user on success.
 */
export async function signIn(db: DbLike, config: Config, attempt: SignInAttempt, now = new Date()): Promise<User> {
  const [found] = await db.select().from(users).where(eq(users.email, normalizeEmail(attempt.email)));
  const user = found && found.passwordHash && !found.disabled && !(found.demo && !config.demo) ? found : null;
  const device = user ? await attempt.knownDevice(user.id) : null;
  const keys = device
    ? [{ key: deviceKey(device), policy: DEVICE_POLICY }]
    : [
        { key: accountKey(attempt.email), policy: ACCOUNT_POLICY },
        { key: ipKey(attempt.ip), policy: IP_POLICY },
      ];
  await assertNotThrottled(
    db,
    keys.map((k) => k.key),
    now,
  );
  const ok = user ? await verifyPassword(user.passwordHash!, attempt.password) : (await verifyPassword(await DUMMY_HASH, attempt.password), false);
  if (!ok) {
    await recordFailure(db, keys, now);
    throw invalidCredentials();
  }
  await clearFailures(db, device ? [deviceKey(device), accountKey(attempt.email)] : [accountKey(attempt.email)]);
  return user!;
}

/**
 * Checks a signed-in user's current password before a sensitive change, counted with sign-in failures on the
 * account and the address (a stolen session cannot guess it faster than sign-in could). Throws 429 while
 * throttled, 400 `wrong_password` when wrong.
 */
export async function verifyCurrentPassword(db: DbLike, user: User, password: string, ip: string, now = new Date()): Promise<void> {
  const keys = [
    { key: accountKey(user.email), policy: ACCOUNT_POLICY },
    { key: ipKey(ip), policy: IP_POLICY },
  ];
  await assertNotThrottled(
    db,
    keys.map((k) => k.key),
    now,
  );
  if (user.passwordHash && (await verifyPassword(user.passwordHash, password))) return;
  await recordFailure(db, keys, now);
  throw new AppError(400, 'wrong_password', { zh: '当前密码不正确', en: 'The current password is wrong' });
}
