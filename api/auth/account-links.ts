import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Config } from '../config.ts';
import type { Db, DbLike } from '../db/client.ts';
import { accountTokens, users, type AccountTokenPurpose, type User } from '../db/schema/index.ts';
import { AppError } from '../lib/errors.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { randomToken, sha256 } from '../lib/tokens.ts';
import { normalizeEmail } from './login.ts';

/** E-mailed links live 30 minutes and work once (OWASP ASVS 5.0 V6.4.1). */
export const ACCOUNT_LINK_TTL_MS = 30 * 60_000;

const PATHS: Record<AccountTokenPurpose, string> = { password_reset: '/portal/reset', account_unlock: '/portal/unlock' };

function mailFor(purpose: AccountTokenPurpose, link: string, user: User) {
  const minutes = ACCOUNT_LINK_TTL_MS / 60_000;
  if (purpose === 'password_reset') {
    return {
      subject: '重设千企在线展馆密码 · Reset your password',
      text:
        `${user.displayName}，您好：\n\n请在 ${minutes} 分钟内打开下面的链接设置新密码（仅可使用一次）：\n${link}\n\n` +
        `如果不是您本人操作，请忽略本邮件，您的密码不会改变。\n\n` +
        `To set a new password, open this link within ${minutes} minutes (it works once):\n${link}\n` +
        `If you did not ask for this, ignore this message; your password stays the same.\n`,
    };
  }
  return {
    subject: '解锁千企在线展馆账号 · Unlock your account',
    text:
      `${user.displayName}，您好：\n\n您的账号因多次登录失败而暂时受限。请在 ${minutes} 分钟内打开下面的链接解除限制（仅可使用一次）：\n${link}\n\n` +
      `如果登录失败不是您本人造成的，建议随后修改密码。\n\n` +
      `Sign-in to your account was slowed down after many failed attempts. Open this link within ${minutes} minutes to lift it (it works once):\n${link}\n` +
      `If the failed attempts were not yours, consider changing your password afterwards.\n`,
  };
}

/**
 * Creates a single-use link for the account with this e-mail and queues its mail, in one transaction. Does
 * nothing for unknown or disabled accounts (the caller answers alike either way). Returns the user id or null.
 */
export async function sendAccountLink(
  db: Db,
  config: Config,
  purpose: AccountTokenPurpose,
  email: string,
  lang: 'zh' | 'en',
  now = new Date(),
): Promise<number | null> {
  const [user] = await db.select().from(users).where(eq(users.email, normalizeEmail(email)));
  if (!user || user.disabled || !user.passwordHash || (user.demo && !config.demo)) return null;
  const token = randomToken();
  const link = `${config.publicUrl}${lang === 'en' ? '/en' : ''}${PATHS[purpose]}/${token}`;
  await db.transaction(async (tx) => {
    await tx.insert(accountTokens).values({ tokenHash: sha256(token), userId: user.id, purpose, expiresAt: new Date(now.getTime() + ACCOUNT_LINK_TTL_MS) });
    await enqueueMail(tx, { to: user.email, ...mailFor(purpose, link, user), kind: purpose, userId: user.id });
  });
  return user.id;
}

const unusable = () =>
  new AppError(410, 'link_invalid', { zh: '链接无效、已使用或已过期，请重新申请', en: 'This link is invalid, used or expired; ask for a new one' });

/** The user an unused, unexpired link of this purpose belongs to; 410 otherwise. */
export async function openAccountLink(db: DbLike, purpose: AccountTokenPurpose, token: string, now = new Date()): Promise<User> {
  const [row] = await db
    .select({ user: users })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(and(eq(accountTokens.tokenHash, sha256(token)), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now)));
  if (!row || row.user.disabled) throw unusable();
  return row.user;
}

/** Uses a link up (guarded: of two concurrent uses only one succeeds); returns its user or throws 410. */
export async function consumeAccountLink(db: DbLike, purpose: AccountTokenPurpose, token: string, now = new Date()): Promise<User> {
  const user = await openAccountLink(db, purpose, token, now);
  const used = await db
    .update(accountTokens)
    .set({ usedAt: now })
    .where(and(eq(accountTokens.tokenHash, sha256(token)), isNull(accountTokens.usedAt)))
    .returning({ id: accountTokens.id });
  if (used.length !== 1) throw unusable();
  // Any other open link of the same kind dies with it.
  await db.update(accountTokens).set({ usedAt: now }).where(and(eq(accountTokens.userId, user.id), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)));
  return user;
}
