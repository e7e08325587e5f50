import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { COUNTIES, type County } from '../../domain/program.ts';
import { POOL_STATUSES, TEAM_ROLES, type ServiceItem } from '../../domain/services.ts';
import { timestamps } from './columns.ts';
import { enterprises } from './enterprises.ts';
import { users } from './users.ts';

/** An organisation of the 服务商联盟 (alliance of service providers). */
export const serviceProviders = sqliteTable(
  'service_providers',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    name: text().notNull(),
    /** 统一社会信用代码 of the organisation, when known. */
    creditCode: text(),
    county: text({ enum: COUNTIES }),
    specialties: text({ mode: 'json' }).$type<ServiceItem[]>().notNull().default([]),
    /** Qualifications in free text (licences, accreditations). */
    qualifications: text().notNull().default(''),
    contactName: text().notNull().default(''),
    contactPhone: text().notNull().default(''),
    status: text({ enum: POOL_STATUSES }).notNull().default('pending'),
    /** Why the last status change was made (admission, suspension, retirement). */
    statusReason: text().notNull().default(''),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('service_providers_name_uq').on(t.name)],
);

/**
 * A person of the 服务资源池 (expert pool). An expert who works in the platform (reviews applications, logs visits)
 * has a staff account of role `expert` in `userId`; others are records only.
 */
export const experts = sqliteTable(
  'experts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    providerId: integer().references(() => serviceProviders.id, { onDelete: 'set null' }),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    name: text().notNull(),
    /** Stable contact; also the key used to recognise the same person in imports. */
    phone: text().notNull().default(''),
    /** Professional title, e.g. 高级工程师. */
    title: text().notNull().default(''),
    qualifications: text().notNull().default(''),
    specialties: text({ mode: 'json' }).$type<ServiceItem[]>().notNull().default([]),
    /** Areas the expert covers; empty = the whole city. */
    counties: text({ mode: 'json' }).$type<County[]>().notNull().default([]),
    status: text({ enum: POOL_STATUSES }).notNull().default('pending'),
    statusReason: text().notNull().default(''),
    /** Mean of firms' 1–5 ratings of this expert's services, kept up to date by the services code; null = none yet. */
    rating: real(),
    ratingCount: integer().notNull().default(0),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('experts_user_uq').on(t.userId), index('experts_provider_idx').on(t.providerId)],
);

/** One of the plan's 10 expert service teams (专家服务团). */
export const serviceTeams = sqliteTable(
  'service_teams',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** 1–10, as the bureau numbers them. */
    number: integer().notNull(),
    name: text().notNull(),
    /** The team's focus, e.g. the industries or areas it was formed for. */
    focus: text().notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('service_teams_number_uq').on(t.number)],
);

/** Members of a team: experts (lead, member) and the bureau's 服务专员 (liaison: a staff account, no expert row). */
export const serviceTeamMembers = sqliteTable(
  'service_team_members',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    teamId: integer()
      .notNull()
      .references(() => serviceTeams.id, { onDelete: 'cascade' }),
    expertId: integer().references(() => experts.id, { onDelete: 'cascade' }),
    /** For a liaison: the city or county bureau's staff account. */
    userId: integer().references(() => users.id, { onDelete: 'cascade' }),
    role: text({ enum: TEAM_ROLES }).notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('service_team_members_expert_uq').on(t.teamId, t.expertId),
    uniqueIndex('service_team_members_user_uq').on(t.teamId, t.userId),
    index('service_team_members_expert_idx').on(t.expertId),
  ],
);

/**
 * The firms a team serves: each firm is served by at most one team, so two teams never call on the same firm
 * unasked (the plan's "非请勿扰" and the complaint of several agencies visiting one firm).
 */
export const serviceTeamFirms = sqliteTable(
  'service_team_firms',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    teamId: integer()
      .notNull()
      .references(() => serviceTeams.id, { onDelete: 'cascade' }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    assignedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('service_team_firms_firm_uq').on(t.enterpriseId), index('service_team_firms_team_idx').on(t.teamId)],
);

export type ServiceProvider = typeof serviceProviders.$inferSelect;
export type Expert = typeof experts.$inferSelect;
export type ServiceTeam = typeof serviceTeams.$inferSelect;

/** Admission and dynamic management of providers and experts: every status change with its reason (history). */
export const servicePoolEvents = sqliteTable(
  'service_pool_events',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    subject: text({ enum: ['provider', 'expert'] }).notNull(),
    subjectId: integer().notNull(),
    fromStatus: text({ enum: POOL_STATUSES }),
    toStatus: text({ enum: POOL_STATUSES }).notNull(),
    reason: text().notNull(),
    actorId: integer().references(() => users.id, { onDelete: 'set null' }),
    at: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('service_pool_events_subject_idx').on(t.subject, t.subjectId)],
);
