import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { COUNTIES } from '../../domain/program.ts';
import { enterprises } from './enterprises.ts';
import { timestamps } from './columns.ts';

/**
 * public visitors have no account. enterprise: its own enterprise only; county: firms of its county;
 * expert: firms of its service team; bureau: the whole program; admin: also accounts and settings.
 */
export const ROLES = ['enterprise', 'county', 'expert', 'bureau', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable(
  'users',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    email: text().notNull(),
    displayName: text().notNull(),
    /** argon2id hash; null until the invitation is accepted. */
    passwordHash: text(),
    role: text({ enum: ROLES }).notNull(),
    enterpriseId: integer().references(() => enterprises.id, { onDelete: 'cascade' }),
    county: text({ enum: COUNTIES }),
    disabled: integer({ mode: 'boolean' }).notNull().default(false),
    /** Demo accounts sign in only while the platform runs in demo mode. */
    demo: integer({ mode: 'boolean' }).notNull().default(false),
    /** Consecutive failed sign-ins; reaching the limit locks the account until lockedUntil. */
    failedLogins: integer().notNull().default(0),
    lockedUntil: integer({ mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

export type User = typeof users.$inferSelect;
