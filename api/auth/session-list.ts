import { and, desc, eq, gt } from 'drizzle-orm';
import type { DbLike } from '../db/client.ts';
import { sessions } from '../db/schema/index.ts';
import { sha256 } from '../lib/tokens.ts';

/** What a person sees of one of their signed-in browsers (OWASP ASVS 5.0 V7.5.2). */
export interface SessionView {
  /** An opaque handle for ending the session: derived from its id, never the id or the token. */
  handle: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

const handleOf = (sessionId: string) => sha256(`session-handle:${sessionId}`).slice(0, 24);

/** The user's live, fully signed-in sessions, most recently used first; `currentId` marks this browser's. */
export async function listSessions(db: DbLike, userId: number, currentId: string, now = new Date()): Promise<SessionView[]> {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.mfaPending, false), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt));
  return rows.map((s) => ({ handle: handleOf(s.id), userAgent: s.userAgent, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, current: s.id === currentId }));
}

/** Ends one of the user's own sessions by its handle; false when no such session of this user exists. */
export async function revokeSessionByHandle(db: DbLike, userId: number, handle: string): Promise<boolean> {
  const rows = await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId));
  const match = rows.find((r) => handleOf(r.id) === handle);
  if (!match) return false;
  await db.delete(sessions).where(eq(sessions.id, match.id));
  return true;
}
