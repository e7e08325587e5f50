import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { COUNTIES, INDUSTRIES, PRODUCT_FIELDS, RULE_VERSIONS, SIZE_CLASSES, TIER_LEVELS, TIERS, TITLE_STATUSES } from '../../domain/program.ts';
import { timestamps } from './columns.ts';

/** A firm in the bureau's register (企业基础信息库). */
export const enterprises = sqliteTable(
  'enterprises',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** 统一社会信用代码, 18 characters, check character verified on write. */
    creditCode: text().notNull(),
    name: text().notNull(),
    nameEn: text(),
    /** URL key of the firm and its hall: /halls/<slug>. */
    slug: text().notNull(),
    county: text({ enum: COUNTIES }).notNull(),
    industry: text({ enum: INDUSTRIES }).notNull(),
    sizeClass: text({ enum: SIZE_CLASSES }).notNull(),
    foundedYear: integer(),
    address: text(),
    website: text(),
    contactName: text(),
    contactPhone: text(),
    contactEmail: text(),
    intro: text().notNull().default(''),
    introEn: text(),
    /** Demo firms are fictional; the UI says so. */
    fictional: integer({ mode: 'boolean' }).notNull().default(false),
    /** 主营产品 / 主导产品, as published title lists name it. */
    mainProduct: text(),
    /** Field of the main product, scored by the 2022 专精特新 table. */
    productField: text({ enum: PRODUCT_FIELDS }),
    /** Listed on a stock exchange (瞪羚 and 独角兽 require unlisted firms). */
    listed: integer({ mode: 'boolean' }).notNull().default(false),
    /** Holds a valid 高新技术企业 certificate (a direct route for 创新型). */
    highTech: integer({ mode: 'boolean' }).notNull().default(false),
    /** The bureau officer who looks after this firm (联络员). */
    liaisonUserId: integer(),
    /** Free labels the bureau puts on firms (bulk-tagged from the register). */
    tags: text({ mode: 'json' }).$type<string[]>().notNull().default([]),
    /** Optimistic concurrency: every update bumps it; a save naming an older version gets 409. */
    version: integer().notNull().default(1),
    /** In the trash (回收站) since then; such firms are hidden everywhere and restorable until purged. */
    deletedAt: integer({ mode: 'timestamp_ms' }),
    /** The last import batch that created or changed this row. */
    importBatchId: integer(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('enterprises_credit_code_uq').on(t.creditCode),
    uniqueIndex('enterprises_slug_uq').on(t.slug),
    index('enterprises_county_idx').on(t.county),
    index('enterprises_industry_idx').on(t.industry),
    index('enterprises_deleted_idx').on(t.deletedAt),
  ],
);

/**
 * The title ledger: a tier the firm was designated (专精特新, 小巨人, 瞪羚 …) at a level, in a batch and year, under a
 * rule version, by an issuing body and document, valid for a period (usually three years) and re-reviewed (复核).
 */
export const tierRecognitions = sqliteTable(
  'tier_recognitions',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    tier: text({ enum: TIERS }).notNull(),
    level: text({ enum: TIER_LEVELS }).notNull(),
    year: integer().notNull(),
    /** Last year the designation is valid (小巨人 lasts 3 years); null when open-ended. */
    validUntilYear: integer(),
    /** Checked by bureau staff against the official list; only verified tiers show as badges. */
    verified: integer({ mode: 'boolean' }).notNull().default(false),
    /** 批次, e.g. 第五批. */
    batch: text(),
    ruleVersion: text({ enum: RULE_VERSIONS }),
    /** 认定机关, e.g. 山东省工业和信息化厅. */
    issuingBody: text(),
    /** 文号 of the designation notice and where it is published. */
    documentNo: text(),
    documentUrl: text(),
    /** ISO dates (YYYY-MM-DD) of the validity period. */
    validFrom: text(),
    validTo: text(),
    status: text({ enum: TITLE_STATUSES }).notNull().default('designated'),
    /** When the re-review (复核) is due, ISO date. */
    reviewDue: text(),
    /** Why a title was revoked or expired early. */
    statusReason: text(),
    importBatchId: integer(),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('tier_recognitions_uq').on(t.enterpriseId, t.tier, t.level, t.year),
    index('tier_recognitions_tier_idx').on(t.tier, t.level),
    index('tier_recognitions_review_idx').on(t.reviewDue),
  ],
);

export type Enterprise = typeof enterprises.$inferSelect;
export type NewEnterprise = typeof enterprises.$inferInsert;
export type TierRecognition = typeof tierRecognitions.$inferSelect;
