import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { COUNTIES, INDUSTRIES, SIZE_CLASSES, TIER_LEVELS, TIERS } from '../../domain/program.ts';
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
    ...timestamps,
  },
  (t) => [
    uniqueIndex('enterprises_credit_code_uq').on(t.creditCode),
    uniqueIndex('enterprises_slug_uq').on(t.slug),
    index('enterprises_county_idx').on(t.county),
    index('enterprises_industry_idx').on(t.industry),
  ],
);

/** A tier the firm holds (专精特新, 小巨人, 瞪羚 …), at a level, recognised in a year. */
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
    ...timestamps,
  },
  (t) => [
    uniqueIndex('tier_recognitions_uq').on(t.enterpriseId, t.tier, t.level, t.year),
    index('tier_recognitions_tier_idx').on(t.tier, t.level),
  ],
);

export type Enterprise = typeof enterprises.$inferSelect;
export type NewEnterprise = typeof enterprises.$inferInsert;
export type TierRecognition = typeof tierRecognitions.$inferSelect;
