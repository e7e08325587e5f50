import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { enterprises } from './enterprises.ts';
import { timestamps } from './columns.ts';
import { investmentProjects, jobs, products } from './listings.ts';
import { selectionApplications } from './selection.ts';

/** One year's selection of about 200 firms (千企 cohort). */
export const cohorts = sqliteTable('cohorts', {
  id: integer().primaryKey({ autoIncrement: true }),
  year: integer().notNull().unique(),
  title: text().notNull(),
  ...timestamps,
});

/** A firm selected in a cohort; `applicationId` names the hall round's application whose 入选 wrote it (null for older rows). */
export const cohortSelections = sqliteTable(
  'cohort_selections',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    cohortId: integer()
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    applicationId: integer().references(() => selectionApplications.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('cohort_selections_uq').on(t.cohortId, t.enterpriseId), index('cohort_selections_ent_idx').on(t.enterpriseId)],
);

/** A tiled panorama produced by the pipeline; `id` is its content address (the media folder's name). */
export const panoramas = sqliteTable('panoramas', {
  id: text().primaryKey(),
  sourceHash: text().notNull(),
  faceSize: integer().notNull(),
  /** Tiny inline image (data: URL) for the first paint. */
  placeholder: text().notNull(),
  /** Poster file name inside the pyramid folder (from the manifest). */
  posterFile: text().notNull(),
  posterWidth: integer().notNull(),
  posterHeight: integer().notNull(),
  bytes: integer().notNull(),
  ...timestamps,
});

/** The online hall of a firm: one per enterprise, made of scenes. */
export const halls = sqliteTable(
  'halls',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    status: text({ enum: ['draft', 'published', 'suspended'] })
      .notNull()
      .default('draft'),
    /** Tagline shown under the firm's name. */
    tagline: text().notNull().default(''),
    taglineEn: text(),
    publishedAt: integer({ mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('halls_enterprise_uq').on(t.enterpriseId), index('halls_status_idx').on(t.status)],
);

/** A room of the hall: one panorama with its starting view. Angles in degrees. */
export const scenes = sqliteTable(
  'scenes',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    hallId: integer()
      .notNull()
      .references(() => halls.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    title: text().notNull(),
    titleEn: text(),
    panoramaId: text().references(() => panoramas.id, { onDelete: 'restrict' }),
    initialYaw: real().notNull().default(0),
    initialPitch: real().notNull().default(0),
    initialFov: real().notNull().default(90),
    /** Position on the hall's floor plan, 0..1 in both axes; null when not placed. */
    mapX: real(),
    mapY: real(),
    ...timestamps,
  },
  (t) => [index('scenes_hall_idx').on(t.hallId, t.position)],
);

export const HOTSPOT_KINDS = ['scene', 'product', 'job', 'project', 'info', 'media'] as const;
export type HotspotKind = (typeof HOTSPOT_KINDS)[number];

/** A point in a scene that leads somewhere: another scene, a listing, a note or media. Angles in degrees. */
export const hotspots = sqliteTable(
  'hotspots',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    sceneId: integer()
      .notNull()
      .references(() => scenes.id, { onDelete: 'cascade' }),
    kind: text({ enum: HOTSPOT_KINDS }).notNull(),
    yaw: real().notNull(),
    pitch: real().notNull(),
    label: text().notNull(),
    labelEn: text(),
    targetSceneId: integer().references(() => scenes.id, { onDelete: 'cascade' }),
    /** Where a scene link leaves the visitor looking in the target scene; null: the target's own initial view. */
    targetYaw: real(),
    targetPitch: real(),
    targetFov: real(),
    productId: integer().references(() => products.id, { onDelete: 'cascade' }),
    jobId: integer().references(() => jobs.id, { onDelete: 'cascade' }),
    projectId: integer().references(() => investmentProjects.id, { onDelete: 'cascade' }),
    /** Text of an info hotspot. */
    body: text(),
    /** http(s) URL of a media hotspot (video, brochure). */
    mediaUrl: text(),
    ...timestamps,
  },
  (t) => [index('hotspots_scene_idx').on(t.sceneId)],
);

export type Cohort = typeof cohorts.$inferSelect;
export type Hall = typeof halls.$inferSelect;
export type Scene = typeof scenes.$inferSelect;
export type Hotspot = typeof hotspots.$inferSelect;
export type Panorama = typeof panoramas.$inferSelect;

/** Which firm may use which panorama: set when its upload finishes or the demo seed assigns one. */
export const enterprisePanoramas = sqliteTable(
  'enterprise_panoramas',
  {
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    panoramaId: text()
      .notNull()
      .references(() => panoramas.id, { onDelete: 'cascade' }),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.panoramaId] })],
);
