import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { enterprises } from './enterprises.ts';
import { timestamps } from './columns.ts';
import { panoramas } from './halls.ts';
import { users } from './users.ts';

export const PANORAMA_JOB_STATUSES = ['queued', 'processing', 'done', 'failed'] as const;
export type PanoramaJobStatus = (typeof PANORAMA_JOB_STATUSES)[number];

/**
 * An uploaded 360° photo on its way to a tile pyramid. Survives restarts: unfinished jobs run again. A process claims
 * a job with a lease (`leaseOwner`, `leaseUntil`) and renews it while it runs; when its process dies, another takes
 * the job over after the lease ends (api/panorama-jobs/runner.ts).
 */
export const panoramaJobs = sqliteTable(
  'panorama_jobs',
  {
    id: integer().primaryKey({ autoIncrement: true }),
    enterpriseId: integer()
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    userId: integer().references(() => users.id, { onDelete: 'set null' }),
    /** sha256 of the uploaded bytes; the stored upload is named after it. */
    sourceHash: text().notNull(),
    sourceBytes: integer().notNull(),
    fileName: text(),
    status: text({ enum: PANORAMA_JOB_STATUSES }).notNull().default('queued'),
    /** 0..1 */
    progress: real().notNull().default(0),
    stage: text(),
    panoramaId: text().references(() => panoramas.id, { onDelete: 'set null' }),
    errorCode: text(),
    errorMessage: text(),
    errorMessageEn: text(),
    /** The process running the job (`host:pid:random`), while it holds the lease. */
    leaseOwner: text(),
    /** The lease ends at this time unless renewed; after it another process may take the job over. */
    leaseUntil: integer({ mode: 'timestamp_ms' }),
    ...timestamps,
  },
  (t) => [
    index('panorama_jobs_ent_idx').on(t.enterpriseId, t.createdAt),
    index('panorama_jobs_status_idx').on(t.status),
    // One live job per firm and photo, whichever process received the upload (a failed one may be retried).
    uniqueIndex('panorama_jobs_live_source_uq').on(t.enterpriseId, t.sourceHash).where(sql`status <> 'failed'`),
  ],
);

export type PanoramaJob = typeof panoramaJobs.$inferSelect;
