import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { COUNTIES } from '../../domain/program.ts';
import { enterprises } from './enterprises.ts';
import { timestamps } from './columns.ts';
import { ROLES, users } from './users.ts';

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: integer()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Synchronizer token for CSRF protection of this session's state changes. */
    csrfToken: text().notNull(),
    expiresAt: integer({ mode: 'timestamp_ms' }).notNull(),
    lastSeenAt: integer({ mode: 'timestamp_ms' }).notNull(),
    userAgent: text(),
    /** Password checked, second factor still to come: the session opens nothing but the TOTP step. */
    mfaPending: integer({ mode: 'boolean' }).notNull().default(false),
    ...timestamps,
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expiry_idx').on(t.expiresAt)],
);

/** An expiring, single-use invitation for a person to join an enterprise (or the bureau). Token stored hashed. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    tokenHash: text().notNull().unique(),
    role: text({ enum: ROLES }).notNull(),
    enterpriseId: integer().references(() => enterprises.id, { onDelete: 'cascade' }),
    /** The reporting area of a county officer's invitation. */
    county: text({ enum: COUNTIES }),
    email: text(),
    expiresAt: integer({ mode: 'timestamp_ms' }).notNull(),
    acceptedAt: integer({ mode: 'timestamp_ms' }),
    acceptedUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    createdByUserId: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [index('invitations_ent_idx').on(t.enterpriseId)],
);

/** Who changed what, when: every state change by a signed-in user. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    enterpriseId: integer().references(() => enterprises.id, { onDelete: 'set null' }),
    action: text().notNull(),
    entity: text(),
    entityId: text(),
    detail: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    ip: text(),
    at: integer({ mode: 'timestamp_ms' })
      .notNull()
      .$defaultFn(() => new Date()),
  },
  (t) => [index('audit_ent_idx').on(t.enterpriseId, t.at), index('audit_user_idx').on(t.userId, t.at)],
);

export type Session = typeof sessions.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
