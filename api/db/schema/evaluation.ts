import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { COUNTIES } from '../../domain/program.ts';
import { timestamps } from './columns.ts';
import { users } from './users.ts';

/**
 * A cultivation plan period (e.g. the 2021–2023 three-year action plan): its years and, in `plan_targets`, the
 * numbers it sets. A new plan period is a row here plus its targets — no code.
 */
export const plans = sqliteTable(
  'plans',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Stable key used in URLs, e.g. `2021-2023`. */
    code: text().notNull(),
    name: text().notNull(),
    nameEn: text().notNull().default(''),
    startYear: integer().notNull(),
    endYear: integer().notNull(),
    /** Where the numbers come from (the notice, its date and document number). */
    source: text().notNull().default(''),
    ...timestamps,
  },
  (t) => [uniqueIndex('plans_code_uq').on(t.code)],
);

/**
 * One target of a plan: an indicator code of the registry (api/admin/targets/indicators) and the number to reach
 * over the plan's years; `county` null is the city-wide target, a county row is that area's share.
 */
export const planTargets = sqliteTable(
  'plan_targets',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    indicator: text().notNull(),
    county: text({ enum: COUNTIES }),
    target: real().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('plan_targets_uq').on(t.planId, t.indicator, t.county), index('plan_targets_plan_idx').on(t.planId)],
);

export const REPORT_KINDS = ['annual', 'overall'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The sections of a report the bureau writes itself (zh-CN; the English report shows them as written). */
export interface ReportSections {
  highlights: string;
  cases: string;
  problems: string;
  nextSteps: string;
}

/** The bureau's working draft of a report's written sections, one per kind and year. */
export const reportDrafts = sqliteTable(
  'report_drafts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text({ enum: REPORT_KINDS }).notNull(),
    year: integer().notNull(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    sections: text({ mode: 'json' }).$type<ReportSections>().notNull(),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('report_drafts_uq').on(t.kind, t.year)],
);

/**
 * A published report: a frozen snapshot (every figure and the written sections, as JSON) that later data changes
 * never alter. A correction is published as the next version beside it; older versions stay readable.
 */
export const publishedReports = sqliteTable(
  'published_reports',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text({ enum: REPORT_KINDS }).notNull(),
    year: integer().notNull(),
    version: integer().notNull(),
    planId: integer()
      .notNull()
      .references(() => plans.id, { onDelete: 'restrict' }),
    /** The report as published (see api/admin/reports/snapshot.ts `ReportSnapshot`). */
    snapshot: text({ mode: 'json' }).$type<unknown>().notNull(),
    /** Why this version replaces the previous one (empty for the first). */
    note: text().notNull().default(''),
    publishedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    publishedBy: integer().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('published_reports_uq').on(t.kind, t.year, t.version)],
);

/**
 * The yearly data campaign (年度数据更新): the bureau opens the update of one fiscal year's figures with a due date;
 * firms are reminded through the outbox and fill the portal's yearly form. One campaign per fiscal year.
 */
export const dataCampaigns = sqliteTable(
  'data_campaigns',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    fiscalYear: integer().notNull(),
    /** ISO date (YYYY-MM-DD, China time) by which firms should have filed. */
    dueDate: text().notNull(),
    openedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    lastReminderAt: integer({ mode: 'timestamp_ms' }),
    remindersSent: integer().notNull().default(0),
    closedAt: integer({ mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('data_campaigns_year_uq').on(t.fiscalYear)],
);

/** A firm's application for a policy (the bureau records it, or the firm marks it applied in the portal). */
export const policyApplications = sqliteTable(
  'policy_applications',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer().notNull(),
    /** Slug of the policy in content/policies. */
    policy: text().notNull(),
    appliedAt: integer({ mode: 'timestamp_ms' }).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('policy_applications_uq').on(t.enterpriseId, t.policy)],
);

export type Plan = typeof plans.$inferSelect;
export type PlanTarget = typeof planTargets.$inferSelect;
export type PublishedReport = typeof publishedReports.$inferSelect;
export type DataCampaign = typeof dataCampaigns.$inferSelect;
