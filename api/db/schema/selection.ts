import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { COUNTIES, TIER_LEVELS, TIERS, type County } from '../../domain/program.ts';
import { APPLICATION_ORIGINS, APPLICATION_STATES, ROUND_KINDS, ROUND_STATES, type Rubric } from '../../domain/selection.ts';
import { timestamps } from './columns.ts';
import { enterprises } from './enterprises.ts';
import { experts } from './services.ts';
import { users } from './users.ts';

/** Dates of a round, ISO YYYY-MM-DD in China. */
export interface RoundTimeline {
  applyFrom: string;
  applyTo: string;
  countyDue: string;
  cityDue: string;
  expertDue: string;
  /** First day of the 公示; null until the bureau publishes the proposed list. */
  noticeFrom: string | null;
}

/**
 * A selection round: the yearly hall cohort, or a title recommendation (专精特新, 小巨人 …) for one year. Quota with
 * optional per-area quotas; the rubric is versioned and frozen once the round opens (`rubricFrozenAt`).
 */
export const selectionRounds = sqliteTable(
  'selection_rounds',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    year: integer().notNull(),
    kind: text({ enum: ROUND_KINDS }).notNull(),
    /** For title rounds: the title and level recommended for. */
    tier: text({ enum: TIERS }),
    level: text({ enum: TIER_LEVELS }),
    title: text().notNull(),
    quota: integer().notNull(),
    areaQuotas: text({ mode: 'json' }).$type<Partial<Record<County, number>>>().notNull().default({}),
    timeline: text({ mode: 'json' }).$type<RoundTimeline>().notNull(),
    /** Length of the 公示 in working days (at least 5). */
    noticeWorkingDays: integer().notNull().default(5),
    rubric: text({ mode: 'json' }).$type<Rubric>().notNull(),
    rubricFrozenAt: integer({ mode: 'timestamp_ms' }),
    state: text({ enum: ROUND_STATES }).notNull().default('draft'),
    /** Experts drawn per application, and the score spread (max − min, points of 100) that flags it for discussion. */
    expertsPerApplication: integer().notNull().default(5),
    spreadThreshold: real().notNull().default(20),
    objectionPhone: text().notNull().default(''),
    objectionEmail: text().notNull().default(''),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [index('selection_rounds_year_idx').on(t.year, t.kind)],
);

/** One firm's entry in a round (one per firm per round), with its current state and aggregated score. */
export const selectionApplications = sqliteTable(
  'selection_applications',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    roundId: integer()
      .notNull()
      .references(() => selectionRounds.id, { onDelete: 'cascade' }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    origin: text({ enum: APPLICATION_ORIGINS }).notNull(),
    state: text({ enum: APPLICATION_STATES }).notNull().default('submitted'),
    county: text({ enum: COUNTIES }).notNull(),
    /** The register's data as the firm confirmed or corrected it (name, contact, figures), frozen at submission. */
    data: text({ mode: 'json' }).$type<Record<string, string | number | null>>().notNull().default({}),
    /** Ids of `attachments` of the same firm (checked on write). */
    attachmentIds: text({ mode: 'json' }).$type<number[]>().notNull().default([]),
    /** The firm confirmed that applying is free and needs no intermediary. */
    freeNoticeConfirmed: integer({ mode: 'boolean' }).notNull().default(false),
    submittedBy: integer().references(() => users.id, { onDelete: 'set null' }),
    /** Trimmed mean of the submitted expert totals (points of 100); null until every drawn expert submitted. */
    score: real(),
    /** max − min of the expert totals. */
    spread: real(),
    flagged: integer({ mode: 'boolean' }).notNull().default(false),
    /** The bureau's override of the ranking: in or out of the proposed list, with its reason. */
    override: text({ enum: ['include', 'exclude'] }),
    overrideReason: text(),
    /** The reason given with the last transition (shown to the firm). */
    lastReason: text(),
    stateChangedAt: integer({ mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
    /** Seed of the expert draw, kept so the draw can be re-run and checked. */
    drawSeed: text(),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('selection_applications_uq').on(t.roundId, t.enterpriseId),
    index('selection_applications_state_idx').on(t.roundId, t.state),
    index('selection_applications_firm_idx').on(t.enterpriseId),
  ],
);

/** Every move of an application, written by the workflow engine in the move's transaction. */
export const selectionHistory = sqliteTable(
  'selection_history',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    applicationId: integer()
      .notNull()
      .references(() => selectionApplications.id, { onDelete: 'cascade' }),
    fromState: text({ enum: APPLICATION_STATES }),
    toState: text({ enum: APPLICATION_STATES }).notNull(),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    role: text().notNull(),
    reason: text(),
    at: integer({ mode: 'timestamp_ms' }).notNull().$defaultFn(() => new Date()),
  },
  (t) => [index('selection_history_app_idx').on(t.applicationId, t.at)],
);

/** A declared conflict of interest: the expert is never drawn for the firm. */
export const expertConflicts = sqliteTable(
  'expert_conflicts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    expertId: integer()
      .notNull()
      .references(() => experts.id, { onDelete: 'cascade' }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    reason: text().notNull(),
    createdBy: integer().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('expert_conflicts_uq').on(t.expertId, t.enterpriseId)],
);

/** An expert drawn for an application, and that expert's blind scores once submitted. */
export const selectionReviews = sqliteTable(
  'selection_reviews',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    applicationId: integer()
      .notNull()
      .references(() => selectionApplications.id, { onDelete: 'cascade' }),
    expertId: integer()
      .notNull()
      .references(() => experts.id, { onDelete: 'cascade' }),
    /** Indicator key → 0..100 for that indicator. */
    scores: text({ mode: 'json' }).$type<Record<string, number>>(),
    /** Weighted total, points of 100. */
    total: real(),
    comment: text().notNull().default(''),
    submittedAt: integer({ mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('selection_reviews_uq').on(t.applicationId, t.expertId), index('selection_reviews_expert_idx').on(t.expertId)],
);

/** An objection sent during the 公示, and how the bureau handled it. */
export const selectionObjections = sqliteTable(
  'selection_objections',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    roundId: integer()
      .notNull()
      .references(() => selectionRounds.id, { onDelete: 'cascade' }),
    applicationId: integer().references(() => selectionApplications.id, { onDelete: 'set null' }),
    name: text().notNull(),
    contact: text().notNull(),
    text: text().notNull(),
    status: text({ enum: ['open', 'upheld', 'dismissed'] }).notNull().default('open'),
    response: text(),
    handledBy: integer().references(() => users.id, { onDelete: 'set null' }),
    handledAt: integer({ mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [index('selection_objections_round_idx').on(t.roundId, t.status)],
);

export type SelectionRound = typeof selectionRounds.$inferSelect;
export type SelectionApplication = typeof selectionApplications.$inferSelect;
export type SelectionReview = typeof selectionReviews.$inferSelect;
