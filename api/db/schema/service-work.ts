import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { REQUEST_STATES, URGENCIES } from '../../domain/requests.ts';
import { SUPPORT_ACTIONS, type ServiceItem, SERVICE_ITEMS } from '../../domain/services.ts';
import { SLA_STATES } from '../../domain/sla.ts';
import { timestamps } from './columns.ts';
import { enterprises } from './enterprises.ts';
import { experts, serviceTeams } from './services.ts';
import { users } from './users.ts';

/**
 * A firm's request for help (诉求), filed in the portal. Workflow in api/domain/requests.ts; `dueAt` is the deadline
 * of the current state (China date, working days from api/domain/sla.ts), null when it is the firm's turn or closed.
 */
export const serviceRequests = sqliteTable(
  'service_requests',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    filedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    supportAction: text({ enum: SUPPORT_ACTIONS }).notNull(),
    serviceItem: text({ enum: SERVICE_ITEMS }).$type<ServiceItem>(),
    title: text().notNull(),
    description: text().notNull(),
    attachmentIds: text({ mode: 'json' }).$type<number[]>().notNull().default([]),
    urgency: text({ enum: URGENCIES }).notNull().default('normal'),
    /** When the firm would like to be contacted, in its own words (e.g. 工作日上午). */
    preferredTime: text().notNull().default(''),
    state: text({ enum: REQUEST_STATES }).notNull().default('new'),
    /** 0 normal … 3; urgent starts at 1, each reopening by the firm adds 1. */
    priority: integer().notNull().default(0),
    reopenCount: integer().notNull().default(0),
    teamId: integer().references(() => serviceTeams.id, { onDelete: 'set null' }),
    expertId: integer().references(() => experts.id, { onDelete: 'set null' }),
    /** When the current state was entered. */
    stateSince: integer({ mode: 'timestamp_ms' }).notNull(),
    dueAt: text(),
    /** When the bureau was told the current state is overdue (reset on every transition). */
    escalatedAt: integer({ mode: 'timestamp_ms' }),
    rating: integer(),
    feedback: text(),
    resolvedAt: integer({ mode: 'timestamp_ms' }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('service_requests_enterprise_idx').on(t.enterpriseId),
    index('service_requests_state_due_idx').on(t.state, t.dueAt),
    index('service_requests_team_state_idx').on(t.teamId, t.state),
    index('service_requests_expert_state_idx').on(t.expertId, t.state),
    index('service_requests_due_idx').on(t.dueAt),
    index('service_requests_created_idx').on(t.createdAt),
  ],
);

/** Every move of a request (the history both sides see), with who made it and their note. */
export const serviceRequestEvents = sqliteTable(
  'service_request_events',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    requestId: integer()
      .notNull()
      .references(() => serviceRequests.id, { onDelete: 'cascade' }),
    fromState: text({ enum: REQUEST_STATES }),
    toState: text({ enum: REQUEST_STATES }).notNull(),
    note: text().notNull().default(''),
    actorId: integer().references(() => users.id, { onDelete: 'set null' }),
    /** Team / expert after the move (routing). */
    teamId: integer(),
    expertId: integer(),
    priority: integer().notNull().default(0),
    at: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('service_request_events_request_idx').on(t.requestId)],
);

/** The bureau's SLA limits in working days per state (missing rows: DEFAULT_SLA_DAYS). */
export const serviceSlaRules = sqliteTable(
  'service_sla_rules',
  {
    state: text({ enum: SLA_STATES }).notNull(),
    workingDays: integer().notNull(),
    updatedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.state] })],
);

/**
 * A firm's explicit consent to visits (非请勿扰: without an open request or a consent nobody calls). One row per
 * consent given; withdrawing sets `withdrawnAt`, so the history stays.
 */
export const visitConsents = sqliteTable(
  'visit_consents',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    givenBy: integer().references(() => users.id, { onDelete: 'set null' }),
    note: text().notNull().default(''),
    givenAt: integer({ mode: 'timestamp_ms' }).notNull(),
    withdrawnAt: integer({ mode: 'timestamp_ms' }),
    withdrawnBy: integer().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('visit_consents_enterprise_idx').on(t.enterpriseId, t.withdrawnAt)],
);

export const VISIT_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
/** Why a visit was allowed (recorded when it was logged). */
export const VISIT_BASES = ['request', 'consent'] as const;

/** A visit to a firm (入企服务), planned or done; one calendar across teams. `date` is a China date. */
export const serviceVisits = sqliteTable(
  'service_visits',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    teamId: integer().references(() => serviceTeams.id, { onDelete: 'set null' }),
    requestId: integer().references(() => serviceRequests.id, { onDelete: 'set null' }),
    status: text({ enum: VISIT_STATUSES }).notNull(),
    basis: text({ enum: VISIT_BASES }).notNull(),
    date: text().notNull(),
    /** Local start time HH:mm, when known. */
    startTime: text(),
    durationMinutes: integer(),
    /** The experts who go (ids of `experts`). */
    expertIds: text({ mode: 'json' }).$type<number[]>().notNull().default([]),
    diagnosis: text().notNull().default(''),
    actionsAgreed: text().notNull().default(''),
    followUpDue: text(),
    attachmentIds: text({ mode: 'json' }).$type<number[]>().notNull().default([]),
    loggedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    index('service_visits_enterprise_date_idx').on(t.enterpriseId, t.date),
    index('service_visits_team_date_idx').on(t.teamId, t.date),
    index('service_visits_date_idx').on(t.date),
    index('service_visits_request_idx').on(t.requestId),
  ],
);

export type ServiceRequest = typeof serviceRequests.$inferSelect;
export type ServiceVisit = typeof serviceVisits.$inferSelect;
