import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamps } from './columns.ts';
import { users } from './users.ts';

/**
 * Failure counters for sign-in throttling, shared by every app process through the database. Keys:
 * `acct:<sha256 of the e-mail>` (known or not, so unknown and throttled accounts answer alike), `ip:<address>`,
 * `dev:<sha256 of a known-device token>`.
 */
export const authThrottle = sqliteTable('auth_throttle', {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  /** No attempt is checked before this time (progressive delay); null when not throttled. */
  blockedUntil: integer({ mode: 'timestamp_ms' }),
  /** The counter starts again from zero after this time (a day after the last failure). */
  windowEndsAt: integer({ mode: 'timestamp_ms' }).notNull(),
});

/**
 * A browser that has signed in to this account before (OWASP "device cookie"): its sign-ins are throttled on
 * their own, so strangers guessing the password cannot keep the owner out. The cookie holds a random token,
 * only its SHA-256 is stored.
 */
export const knownDevices = sqliteTable(
  'known_devices',
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    lastUsedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer({ mode: 'timestamp_ms' }).notNull(),
    ...timestamps,
  },
  (t) => [index('known_devices_user_idx').on(t.userId)],
);

export const ACCOUNT_TOKEN_PURPOSES = ['password_reset', 'account_unlock'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** Short-lived, single-use e-mailed links (password reset, unlock). Only the token's SHA-256 is stored. */
export const accountTokens = sqliteTable(
  'account_tokens',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    tokenHash: text().notNull().unique(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text({ enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    expiresAt: integer({ mode: 'timestamp_ms' }).notNull(),
    usedAt: integer({ mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [index('account_tokens_user_idx').on(t.userId)],
);

/** One-time recovery codes for a TOTP account, stored as SHA-256 (they are 50-bit random strings). */
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: integer({ mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** The security log as rows, for staff to read (the same events also go to stdout as JSON lines). */
export const securityEvents = sqliteTable(
  'security_events',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    at: integer({ mode: 'timestamp_ms' }).notNull(),
    type: text().notNull(),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    ip: text(),
    route: text(),
    detail: text({ mode: 'json' }).$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [index('security_events_type_idx').on(t.type, t.at), index('security_events_at_idx').on(t.at)],
);

export type AccountToken = typeof accountTokens.$inferSelect;
export type SecurityEventRow = typeof securityEvents.$inferSelect;
