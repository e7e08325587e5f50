import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamps } from './columns.ts';
import { users } from './users.ts';

export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/**
 * The mail outbox: a message is written here in the same transaction as the action that causes it, then a
 * background sender (api/mail/sender.ts) claims and sends it, retrying with backoff.
 */
export const mailOutbox = sqliteTable(
  'mail_outbox',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    to: text().notNull(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    /** What the message is for, e.g. `password_reset`, `account_unlock` (for statistics and tests). */
    kind: text().notNull(),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    status: text({ enum: MAIL_STATUSES }).notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    /** Not to be tried before this time (backoff after a failure). */
    nextAttemptAt: integer({ mode: 'timestamp_ms' }).notNull(),
    /** Random id of the sender run holding the claim while status is `sending`. */
    claimToken: text(),
    claimedAt: integer({ mode: 'timestamp_ms' }),
    sentAt: integer({ mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [index('mail_outbox_due_idx').on(t.status, t.nextAttemptAt)],
);

export type OutboxMail = typeof mailOutbox.$inferSelect;
