import { and, eq, gt, lt } from 'drizzle-orm';
import type { DbLike } from '../db/client.ts';
import { sessions, users, type Session, type User } from '../db/schema/index.ts';
import { randomToken, sha256 } from '../lib/tokens.ts';

/** Sessions last two weeks from the last visit; idle ones expire. */
export const SESSION_TTL_MS = 14 * 86_400_000;
// Touch lastSeenAt at most every few minutes, not on every request.
const TOUCH_EVERY_MS = 5 * 60_000;

export interface Auth {
  user: User;
  session: Session;
}

/** Starts a new session; the token goes to the cookie, only its hash to the database. */
export async function createSession(db: DbLike, userId: number, userAgent: string | undefined, now = new Date()) {
  const token = randomToken();
  const [session] = await db
    .insert(sessions)
    .values({
      id: sha256(token),
      userId,
      csrfToken: randomToken(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      lastSeenAt: now,
      userAgent: userAgent?.slice(0, 300),
    })
    .returning();
  return { token, session: session! };
}

/** The live session and user for a cookie token, sliding its expiry; null when unknown, expired or disabled. */
export async function findSession(db: DbLike, token: string | undefined, now = new Date()): Promise<Auth | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, now)));
  if (!row || row.user.disabled) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, row.session.id));
    row.session = { ...row.session, lastSeenAt: now, expiresAt };
  }
  return row;
}

export async function revokeSession(db: DbLike, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Signs the user out on every device (after a password change, or on request). */
export async function revokeAllSessions(db: DbLike, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: DbLike, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
