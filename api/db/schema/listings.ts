import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { enterprises } from './enterprises.ts';
import { timestamps } from './columns.ts';

const LISTING_STATUS = ['draft', 'published', 'archived'] as const;

/** A product a firm sells (销售). Price in fen; null price means 面议 (negotiable). */
export const products = sqliteTable(
  'products',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    nameEn: text(),
    summary: text().notNull().default(''),
    summaryEn: text(),
    description: text().notNull().default(''),
    /** JSON array of [name, value] pairs, e.g. [["内径","20 mm"]]. */
    specs: text({ mode: 'json' }).$type<[string, string][]>().notNull().default([]),
    priceFen: integer(),
    priceUnit: text(),
    purchaseUrl: text(),
    status: text({ enum: LISTING_STATUS }).notNull().default('published'),
    ...timestamps,
  },
  (t) => [index('products_ent_idx').on(t.enterpriseId, t.status)],
);

/** A job opening (就业). Monthly salary range in yuan; validUntil is an ISO date after which it disappears. */
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    titleEn: text(),
    salaryMin: integer(),
    salaryMax: integer(),
    location: text().notNull().default(''),
    headcount: integer().notNull().default(1),
    requirements: text().notNull().default(''),
    description: text().notNull().default(''),
    validUntil: text().notNull(),
    status: text({ enum: LISTING_STATUS }).notNull().default('published'),
    ...timestamps,
  },
  (t) => [index('jobs_ent_idx').on(t.enterpriseId, t.status), index('jobs_valid_idx').on(t.validUntil)],
);

export const COOPERATION_MODES = ['equity', 'loan', 'joint_venture', 'technology', 'lease', 'other'] as const;

/** An investment project the firm seeks partners for (招商). Amount in 万元 (10k yuan). */
export const investmentProjects = sqliteTable(
  'investment_projects',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    titleEn: text(),
    sector: text().notNull(),
    amountWan: integer(),
    cooperationMode: text({ enum: COOPERATION_MODES }).notNull(),
    summary: text().notNull().default(''),
    description: text().notNull().default(''),
    status: text({ enum: LISTING_STATUS }).notNull().default('published'),
    ...timestamps,
  },
  (t) => [index('projects_ent_idx').on(t.enterpriseId, t.status)],
);

export type Product = typeof products.$inferSelect;
export type Job = typeof jobs.$inferSelect;
export type InvestmentProject = typeof investmentProjects.$inferSelect;

/** A responsive image made by api/media/images.ts; `id` names its media folder. */
export const images = sqliteTable('images', {
  id: text().primaryKey(),
  width: integer().notNull(),
  height: integer().notNull(),
  /** Widths made, ascending, e.g. [320, 640, 1280]. */
  widths: text({ mode: 'json' }).$type<number[]>().notNull(),
  bytes: integer().notNull(),
  ...timestamps,
});

/** A photo of a product, in display order. */
export const productPhotos = sqliteTable(
  'product_photos',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    productId: integer()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    imageId: text()
      .notNull()
      .references(() => images.id, { onDelete: 'restrict' }),
    position: integer().notNull(),
    alt: text().notNull().default(''),
    ...timestamps,
  },
  (t) => [index('product_photos_product_idx').on(t.productId, t.position)],
);

export type Image = typeof images.$inferSelect;
export type ProductPhoto = typeof productPhotos.$inferSelect;
