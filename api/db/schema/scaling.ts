import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only change feed shared by every app process on the database (api/live/feed.ts). A process appends a row
 * right after it commits a change; every process tails the table by id (`where id > ?`, the primary key) a few
 * times a second and tells its own listeners — open viewers' live streams, the public pages' memo, panorama job
 * progress streams. Rows older than a few minutes are pruned.
 * `topic`: what changed, e.g. `hall:12` or `job:7`; `kind`: e.g. `hotspots`, `profile`, `job`;
 * `origin`: the process that wrote it (it has already told its own listeners and skips its rows).
 */
export const changeFeed = sqliteTable(
  'change_feed',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    topic: text().notNull(),
    kind: text().notNull(),
    origin: text().notNull(),
    /** Milliseconds since the epoch when the change was saved. */
    at: integer().notNull(),
  },
  (t) => [index('change_feed_at_idx').on(t.at)],
);

export type ChangeFeedRow = typeof changeFeed.$inferSelect;

/**
 * Fixed-window rate-limit counters shared by every app process (api/lib/rate-limit.ts): one row per
 * (bucket, key, window start). `bucket` names the limit (e.g. `lead-ip:60000`), `key` what is counted (an address,
 * a hall). Rows whose window has ended are deleted periodically.
 */
export const rateCounters = sqliteTable(
  'rate_counters',
  {
    bucket: text().notNull(),
    key: text().notNull(),
    /** Window start, milliseconds since the epoch (a multiple of the window length). */
    windowStart: integer().notNull(),
    count: integer().notNull().default(0),
    /** Milliseconds since the epoch when the window ends and the row may be deleted. */
    expiresAt: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.key, t.windowStart] }), index('rate_counters_expires_idx').on(t.expiresAt)],
);
