import { and, eq, isNull } from 'drizzle-orm';
import type { Db, DbLike } from '../db/client.ts';
import type { County } from '../domain/program.ts';
import { enterprises, invitations, users, type Role } from '../db/schema/index.ts';
import { AppError } from '../lib/errors.ts';
import { randomToken, sha256 } from '../lib/tokens.ts';
import { normalizeEmail } from './login.ts';
import { hashPassword } from './passwords.ts';

export const INVITATION_TTL_DAYS = 7;

/** Issues an invitation; the token is returned once (for the link) and only its hash is kept. */
export async function createInvitation(
  db: DbLike,
  input: { role: Role; enterpriseId: number | null; county?: County | null; email?: string; createdByUserId?: number; ttlDays?: number },
  now = new Date(),
) {
  const token = randomToken();
  const [invitation] = await db
    .insert(invitations)
    .values({
      tokenHash: sha256(token),
      role: input.role,
      enterpriseId: input.enterpriseId,
      county: input.county ?? null,
      email: input.email ? normalizeEmail(input.email) : null,
      createdByUserId: input.createdByUserId,
      expiresAt: new Date(now.getTime() + (input.ttlDays ?? INVITATION_TTL_DAYS) * 86_400_000),
    })
    .returning();
  return { token, invitation: invitation! };
}

const emailTaken = () => new AppError(409, 'email_taken', { zh: '该邮箱已注册，请直接登录', en: 'This e-mail already has an account; sign in instead' });

const unusable = () =>
  new AppError(410, 'invitation_invalid', {
    zh: '邀请链接无效、已使用或已过期，请联系主管部门重新发送',
    en: 'This invitation link is invalid, used or expired; ask the bureau for a new one',
  });

const alreadyUsed = () =>
  new AppError(409, 'invitation_used', {
    zh: '该邀请已被使用，请直接登录；如非本人操作请联系主管部门',
    en: 'This invitation has already been used; sign in instead, or tell the bureau if it was not you',
  });

const busy = () =>
  new AppError(409, 'invitation_conflict', {
    zh: '该邀请正被另一请求使用，请稍后刷新页面重试或直接登录',
    en: 'Another request is using this invitation right now; reload and try again, or sign in',
  });

/** The open invitation behind a token, with the enterprise it is for; 409 when already used, 410 when unknown or expired. */
export async function openInvitation(db: DbLike, token: string, now = new Date()) {
  const [row] = await db
    .select({ invitation: invitations, enterpriseName: enterprises.name })
    .from(invitations)
    .leftJoin(enterprises, eq(enterprises.id, invitations.enterpriseId))
    .where(eq(invitations.tokenHash, sha256(token)));
  if (row?.invitation.acceptedAt) throw alreadyUsed();
  if (!row || row.invitation.expiresAt <= now) throw unusable();
  return row;
}

/** Accepts an invitation: creates the account with its password, marks the invitation used. */
export async function acceptInvitation(
  db: DbLike,
  token: string,
  input: { email: string; displayName: string; password?: string; passwordHash?: string },
  now = new Date(),
) {
  const { invitation } = await openInvitation(db, token, now);
  const email = normalizeEmail(input.email);
  if (invitation.email && invitation.email !== email) {
    throw new AppError(400, 'invitation_email_mismatch', {
      zh: '该邀请仅限指定邮箱使用',
      en: 'This invitation is for a different e-mail address',
    });
  }
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw emailTaken();
  const [user] = await db
    .insert(users)
    .values({ email, displayName: input.displayName, role: invitation.role, enterpriseId: invitation.enterpriseId, county: invitation.county, passwordHash: input.passwordHash ?? (await hashPassword(input.password ?? '')) })
    .returning();
  // Single use: the guarded update fails to match if a concurrent accept got there first.
  const updated = await db
    .update(invitations)
    .set({ acceptedAt: now, acceptedUserId: user!.id })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  if (updated.length !== 1) throw alreadyUsed();
  return user!;
}

/**
 * Accepts an invitation in its own write transaction. Of several concurrent accepts one wins; the others get
 * 409 `invitation_used`, `invitation_conflict` (the database was busy with the winner) or `email_taken`, never
 * a 500: a transaction that finds the database busy or loses the race on the unique e-mail is answered as the
 * conflict it is.
 */
export async function acceptInvitationSafely(db: Db, token: string, input: { email: string; displayName: string; password: string }) {
  // The password hash is made before the write lock is taken: argon2 takes ~40 ms.
  const passwordHash = await hashPassword(input.password);
  try {
    // libSQL begins transactions as BEGIN IMMEDIATE ("write"): the write lock is taken first, so a loser fails at
    // BEGIN, before it has read anything, instead of deadlocking while upgrading a read lock.
    return await db.transaction((tx) => acceptInvitation(tx, token, { ...input, passwordHash }));
  } catch (e) {
    if (e instanceof AppError) throw e;
    const text = `${(e as { code?: string }).code ?? ''} ${(e as Error).message ?? ''} ${String((e as { cause?: unknown }).cause ?? '')}`;
    // In one process libSQL cannot wait for a lock held by another of its own connections (the driver is
    // synchronous), so a concurrent writer means SQLITE_BUSY at once: answer it as the conflict it is.
    if (/SQLITE_BUSY|database is locked/i.test(text)) throw busy();
    if (/UNIQUE constraint failed: users\.email/i.test(text)) throw emailTaken();
    throw e;
  }
}
