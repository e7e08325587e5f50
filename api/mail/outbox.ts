import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { DbLike } from '../db/client.ts';
import { mailOutbox, type OutboxMail } from '../db/schema/index.ts';

/** What an action wants sent. `kind` names the message type (`password_reset`, `account_unlock`, …). */
export interface MailInput {
  to: string;
  subject: string;
  text: string;
  html?: string;
  kind: string;
  userId?: number | null;
}

/** Attempts before a message is given up (status `failed`, last error kept). */
export const MAX_ATTEMPTS = 8;
/** A claim older than this is taken to belong to a crashed sender and may be claimed again. */
export const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * Queues a message. Call it with the action's transaction (`tx`) so the message exists exactly when the action
 * committed: a rolled-back action sends nothing. Returns the outbox row id.
 */
export async function enqueueMail(db: DbLike, input: MailInput, now = new Date()): Promise<number> {
  const [row] = await db
    .insert(mailOutbox)
    .values({
      to: input.to,
      subject: input.subject,
      text: input.text,
      html: input.html ?? null,
      kind: input.kind,
      userId: input.userId ?? null,
      nextAttemptAt: now,
    })
    .returning({ id: mailOutbox.id });
  return row!.id;
}

/**
 * Claims the oldest due message for this sender run in one UPDATE … RETURNING statement, so two senders (in one
 * or several processes) can never claim the same message: a due `pending` message, or a `sending` one whose
 * claim lease ran out. Returns null when nothing is due.
 */
export async function claimNextMail(db: DbLike, claimToken: string, now = new Date()): Promise<OutboxMail | null> {
  const staleBefore = new Date(now.getTime() - CLAIM_LEASE_MS);
  const due = or(
    and(eq(mailOutbox.status, 'pending'), sql`${mailOutbox.nextAttemptAt} <= ${now.getTime()}`),
    and(eq(mailOutbox.status, 'sending'), lt(mailOutbox.claimedAt, staleBefore)),
  );
  const next = db.select({ id: mailOutbox.id }).from(mailOutbox).where(due).orderBy(mailOutbox.id).limit(1);
  const [row] = await db
    .update(mailOutbox)
    .set({ status: 'sending', claimToken, claimedAt: now, attempts: sql`${mailOutbox.attempts} + 1` })
    .where(and(sql`${mailOutbox.id} = (${next})`, due))
    .returning();
  return row ?? null;
}

/** Marks a claimed message sent; false when the claim was lost meanwhile. */
export async function markMailSent(db: DbLike, mail: OutboxMail, now = new Date()): Promise<boolean> {
  const done = await db
    .update(mailOutbox)
    .set({ status: 'sent', sentAt: now, lastError: null })
    .where(and(eq(mailOutbox.id, mail.id), eq(mailOutbox.claimToken, mail.claimToken ?? '')))
    .returning({ id: mailOutbox.id });
  return done.length === 1;
}

/** Backoff before attempt n+1, in ms: 30 s, 1 min, 2 min, … capped at one hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 30_000 * 2 ** Math.max(0, attempts - 1));
}

/** Records a failed attempt: due again after the backoff, or `failed` after MAX_ATTEMPTS. */
export async function markMailFailed(db: DbLike, mail: OutboxMail, error: string, now = new Date()): Promise<void> {
  const giveUp = mail.attempts >= MAX_ATTEMPTS;
  await db
    .update(mailOutbox)
    .set({
      status: giveUp ? 'failed' : 'pending',
      lastError: error.slice(0, 500),
      nextAttemptAt: new Date(now.getTime() + retryDelayMs(mail.attempts)),
      claimToken: null,
      claimedAt: null,
    })
    .where(and(eq(mailOutbox.id, mail.id), eq(mailOutbox.claimToken, mail.claimToken ?? '')));
}
