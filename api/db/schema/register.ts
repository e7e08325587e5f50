import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { RD_CENTRE_LEVELS, RULE_VERSIONS, type DataSource } from '../../domain/program.ts';
import { timestamps } from './columns.ts';
import { enterprises } from './enterprises.ts';
import { users } from './users.ts';

/** Who supplied one figure of a firm's yearly data, and when. */
export interface FigureSource {
  source: DataSource;
  userId: number | null;
  /** ISO timestamp. */
  at: string;
  importBatchId?: number;
}

/**
 * A firm's figures for one fiscal year (年度数据), filled once in the portal or imported, and read by every evaluation.
 * Money is in 万元 (10,000 yuan), as the program's forms and published lists state it; counts are whole numbers.
 */
export const enterpriseYears = sqliteTable(
  'enterprise_years',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    fiscalYear: integer().notNull(),
    /** 营业收入 */
    revenue: real(),
    /** 主营业务收入 */
    mainRevenue: real(),
    /** 研发费用 */
    rdSpend: real(),
    /** 研发人员 (persons) */
    rdStaff: integer(),
    /** 从业人员 (persons) */
    employees: integer(),
    /** 资产总额 */
    totalAssets: real(),
    /** 负债总额 */
    totalLiabilities: real(),
    /** 净利润 */
    netProfit: real(),
    /** 纳税总额 */
    taxes: real(),
    /** Ⅰ类知识产权 (invention patents, plant varieties, IC layouts, new drugs …) related to the main product. */
    ipClass1: integer(),
    /** Of which own-developed (自主研发). */
    ipClass1Own: integer(),
    /** Of which high-value (高价值). */
    ipClass1HighValue: integer(),
    /** Ⅱ类知识产权 (utility models, designs, software copyrights …). */
    ipClass2: integer(),
    /** 发明专利 granted. */
    inventionPatents: integer(),
    /** 数字化水平 level (中小企业数字化水平评测, 1–4). */
    digitalLevel: integer(),
    /** Number of quality-management certifications (ISO 9001 and similar). */
    qualityCertifications: integer(),
    /** Provincial or higher quality award held. */
    qualityAward: integer({ mode: 'boolean' }),
    /** Has its own brand. */
    ownBrand: integer({ mode: 'boolean' }),
    /** Standards the firm took part in drafting (national, industry, international). */
    standardsDrafted: integer(),
    /** Standards it led. */
    standardsLed: integer(),
    /** 研发机构 level. */
    rdCentreLevel: text({ enum: RD_CENTRE_LEVELS }),
    /** Years in its niche market (从事细分市场年限). */
    yearsInNiche: integer(),
    /** New equity financing raised in the year. */
    equityFinancing: real(),
    /** The official platform's score, imported (the in-house pre-evaluation is only an estimate). */
    officialScore: real(),
    officialScoreRule: text({ enum: RULE_VERSIONS }),
    /** Source per figure: { revenue: { source, userId, at } … }. */
    sources: text({ mode: 'json' }).$type<Record<string, FigureSource>>().notNull().default({}),
    importBatchId: integer(),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('enterprise_years_uq').on(t.enterpriseId, t.fiscalYear), index('enterprise_years_year_idx').on(t.fiscalYear)],
);

/** A saved filter of the register: a person's own, or shared with the whole bureau. */
export const savedViews = sqliteTable(
  'saved_views',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** Owner; shared views are visible to every staff member (still within each one's scope). */
    userId: integer().references(() => users.id, { onDelete: 'cascade' }),
    shared: integer({ mode: 'boolean' }).notNull().default(false),
    name: text().notNull(),
    nameEn: text(),
    /** The register's query string, e.g. `county=linqing&tier=srdi`. */
    query: text().notNull(),
    ...timestamps,
  },
  (t) => [index('saved_views_user_idx').on(t.userId)],
);

/** A note the bureau keeps on a firm. */
export const enterpriseNotes = sqliteTable(
  'enterprise_notes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    body: text().notNull(),
    ...timestamps,
  },
  (t) => [index('enterprise_notes_ent_idx').on(t.enterpriseId)],
);

export const IMPORT_KINDS = ['enterprises', 'yearly', 'titles', 'attendances'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/**
 * One uploaded spreadsheet: validated (nothing written yet) → committed (rows written in one transaction) → undone.
 * `plan` holds the checked rows and what each will do, so commit writes exactly what the preview showed.
 */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    kind: text({ enum: IMPORT_KINDS }).notNull(),
    fileName: text().notNull(),
    status: text({ enum: ['validated', 'committed', 'undone'] })
      .notNull()
      .default('validated'),
    rows: integer().notNull(),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    plan: text({ mode: 'json' }).$type<unknown>().notNull(),
    summary: text({ mode: 'json' }).$type<Record<string, number>>().notNull(),
    committedAt: integer({ mode: 'timestamp_ms' }),
    undoneAt: integer({ mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [index('import_batches_user_idx').on(t.userId)],
);

/** What a committed import did to one row, so the whole batch can be undone. */
export const importChanges = sqliteTable(
  'import_changes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    batchId: integer()
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    entity: text({ enum: ['enterprise', 'year', 'title', 'attendance'] }).notNull(),
    entityId: integer().notNull(),
    op: text({ enum: ['create', 'update'] }).notNull(),
    /** The changed columns' values before the import (update only). */
    before: text({ mode: 'json' }).$type<Record<string, unknown>>(),
    /** The row's version right after the import: a later edit makes undo refuse instead of overwriting it. */
    versionAfter: integer().notNull(),
    /** The sheet row (1-based, as Excel shows it) that wrote this record, to name rows when undo refuses. */
    sheetRow: integer(),
  },
  (t) => [index('import_changes_batch_idx').on(t.batchId)],
);

export type EnterpriseYear = typeof enterpriseYears.$inferSelect;
export type NewEnterpriseYear = typeof enterpriseYears.$inferInsert;
export type SavedView = typeof savedViews.$inferSelect;
export type ImportBatch = typeof importBatches.$inferSelect;

/**
 * The latest pre-evaluation of each firm, fiscal year and rule set, kept in step with the data it reads (written in
 * the same transaction as a change to the firm, its yearly data or its titles), so the register can filter on it —
 * e.g. "meets the 专精特新 prerequisites but holds no title". The full result is recomputed on demand for display.
 */
export const preEvaluations = sqliteTable(
  'pre_evaluations',
  {
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    fiscalYear: integer().notNull(),
    ruleset: text().notNull(),
    verdict: text({ enum: ['likely', 'unlikely', 'insufficient_data'] }).notNull(),
    /** True when no prerequisite failed and none lacked data. */
    prerequisitesMet: integer({ mode: 'boolean' }).notNull(),
    total: real(),
    computedAt: integer({ mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('pre_evaluations_uq').on(t.enterpriseId, t.fiscalYear, t.ruleset), index('pre_evaluations_rule_idx').on(t.ruleset, t.fiscalYear, t.prerequisitesMet)],
);

/**
 * Each firm's name as a pinyin sort key (api/db/queries/name-sort.ts), for sorting the register the way people read
 * Chinese lists. Kept by the search index upkeep (api/db/queries/search-index.ts), which already redoes a firm's
 * document whenever its name changes (triggers mark it pending in the editing transaction); a firm without a key
 * yet sorts by its name.
 */
export const enterpriseNameKeys = sqliteTable('enterprise_name_keys', {
  enterpriseId: integer()
    .primaryKey()
    .references(() => enterprises.id, { onDelete: 'cascade' }),
  nameKey: text().notNull(),
});
