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
    /** Unused since sign-in throttling moved to auth_throttle (kept: dropping a column rebuilds the table). */
    failedLogins: integer().notNull().default(0),
    /** Unused, see failedLogins. */
    lockedUntil: integer({ mode: 'timestamp_ms' }),
    /** Base32 TOTP secret (RFC 6238) once the second factor is enrolled; null without 2FA. */
    totpSecret: text(),
    /** Secret shown during enrolment, until the first code confirms it. */
    totpPendingSecret: text(),
    totpEnabledAt: integer({ mode: 'timestamp_ms' }),
    /** Last accepted TOTP time step: a code is good once (replay protection). */
    totpLastStep: integer(),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email)],
);

export type User = typeof users.$inferSelect;
