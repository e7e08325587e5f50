import { and, eq, gt, lt } from 'drizzle-orm';
import type { DbLike } from '../db/client.ts';
import { sessions, users, type Role, type Session, type User } from '../db/schema/index.ts';
import { randomToken, sha256 } from '../lib/tokens.ts';

/** Roles with reach beyond one firm: shorter sessions and a required second factor. */
export const STAFF_ROLES: ReadonlySet<Role> = new Set(['county', 'expert', 'bureau', 'admin']);

/**
 * Session lifetimes (OWASP ASVS 5.0 V7.3): an absolute limit from sign-in that activity cannot extend, and an
 * idle limit from the last request. Firm users: 30 days / 7 days idle; staff: 12 h / 30 min idle.
 */
export const SESSION_LIMITS = {
  firm: { absoluteMs: 30 * 86_400_000, idleMs: 7 * 86_400_000 },
  staff: { absoluteMs: 12 * 3_600_000, idleMs: 30 * 60_000 },
} as const;
/** A session waiting for its TOTP code lives five minutes. */
export const MFA_PENDING_MS = 5 * 60_000;
// Touch lastSeenAt at most every minute, not on every request.
const TOUCH_EVERY_MS = 60_000;

/** The absolute and idle limits (ms) of a role's sessions. */
export function sessionLimits(role: Role) {
  return STAFF_ROLES.has(role) ? SESSION_LIMITS.staff : SESSION_LIMITS.firm;
}

export interface Auth {
  user: User;
  session: Session;
}

function expiryOf(role: Role, createdAt: Date, lastSeenAt: Date, mfaPending: boolean): Date {
  if (mfaPending) return new Date(createdAt.getTime() + MFA_PENDING_MS);
  const { absoluteMs, idleMs } = sessionLimits(role);
  return new Date(Math.min(createdAt.getTime() + absoluteMs, lastSeenAt.getTime() + idleMs));
}

/**
 * Starts a new session; the token goes to the cookie, only its hash to the database. `mfaPending`: the password
 * was right but the TOTP step is still to come (the session then opens nothing else).
 */
export async function createSession(
  db: DbLike,
  user: Pick<User, 'id' | 'role'>,
  userAgent: string | undefined,
  options: { mfaPending?: boolean; now?: Date } = {},
) {
  const now = options.now ?? new Date();
  const mfaPending = options.mfaPending ?? false;
  const token = randomToken();
  const [session] = await db
    .insert(sessions)
    .values({
      id: sha256(token),
      userId: user.id,
      csrfToken: randomToken(),
      expiresAt: expiryOf(user.role, now, now, mfaPending),
      lastSeenAt: now,
      userAgent: userAgent?.slice(0, 300),
      mfaPending,
      createdAt: now,
    })
    .returning();
  return { token, session: session! };
}

/**
 * The live session and user for a cookie token; null when unknown, idle too long, past its absolute lifetime or
 * the user is disabled. Activity moves the idle expiry, never past the absolute one.
 */
export async function findSession(db: DbLike, token: string | undefined, now = new Date()): Promise<Auth | null> {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, now)));
  if (!row || row.user.disabled) return null;
  // Re-checked here, not only through expiresAt: a session made before the limits (or before a role change) obeys them too.
  const limit = expiryOf(row.user.role, row.session.createdAt, row.session.lastSeenAt, row.session.mfaPending);
  if (limit <= now) {
    await revokeSession(db, row.session.id);
    return null;
  }
  if (!row.session.mfaPending && now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const expiresAt = expiryOf(row.user.role, row.session.createdAt, now, false);
    await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, row.session.id));
    row.session = { ...row.session, lastSeenAt: now, expiresAt };
  }
  return row;
}

/** Ends one session (sign-out, rotation at sign-in). */
export async function revokeSession(db: DbLike, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Signs the user out on every device (after a password change or reset, or on request). */
export async function revokeAllSessions(db: DbLike, userId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Drops sessions past their expiry (run at start). */
export async function deleteExpiredSessions(db: DbLike, now = new Date()): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
