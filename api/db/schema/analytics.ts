import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { enterprises } from './enterprises.ts';

export const VISIT_KINDS = ['hall_view', 'scene_view', 'hotspot_open', 'form_submit'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/**
 * Cookieless visitor analytics: counts per day, hall, scene and kind — nothing about people. Written in batches
 * (see api/routes/events.ts); `sceneId` 0 means the hall as a whole, `hotspotId` 0 no hotspot.
 */
export const visitCounts = sqliteTable(
  'visit_counts',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    /** ISO date (UTC) of the visits. */
    day: text().notNull(),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    kind: text({ enum: VISIT_KINDS }).notNull(),
    sceneId: integer().notNull().default(0),
    hotspotId: integer().notNull().default(0),
    count: integer().notNull().default(0),
  },
  (t) => [uniqueIndex('visit_counts_uq').on(t.day, t.enterpriseId, t.kind, t.sceneId, t.hotspotId)],
);

export type VisitCount = typeof visitCounts.$inferSelect;
