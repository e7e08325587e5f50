import { and, desc, eq, inArray } from 'drizzle-orm';
import type { PanoramaNotice } from '../../viewer/manifest.ts';
import type { DbLike } from '../db/client.ts';
import { panoramaJobs, type PanoramaJob } from '../db/schema/index.ts';

/** The job for this firm's upload of these bytes that is still useful (running or done), if any. */
export async function findReusableJob(db: DbLike, enterpriseId: number, sourceHash: string): Promise<PanoramaJob | undefined> {
  const [job] = await db
    .select()
    .from(panoramaJobs)
    .where(
      and(
        eq(panoramaJobs.enterpriseId, enterpriseId),
        eq(panoramaJobs.sourceHash, sourceHash),
        inArray(panoramaJobs.status, ['queued', 'processing', 'done']),
      ),
    )
    .orderBy(desc(panoramaJobs.id))
    .limit(1);
  return job;
}

export async function getJob(db: DbLike, id: number): Promise<PanoramaJob | undefined> {
  const [job] = await db.select().from(panoramaJobs).where(eq(panoramaJobs.id, id));
  return job;
}

/** Jobs that still need their uploaded source (queued, running, or done and kept for rebuilds). */
export async function jobsUsingSource(db: DbLike, sourceHash: string): Promise<number> {
  const rows = await db
    .select({ id: panoramaJobs.id })
    .from(panoramaJobs)
    .where(and(eq(panoramaJobs.sourceHash, sourceHash), inArray(panoramaJobs.status, ['queued', 'processing', 'done'])));
  return rows.length;
}

/** Hashes of every upload some job still needs. */
export async function sourcesInUse(db: DbLike): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ hash: panoramaJobs.sourceHash })
    .from(panoramaJobs)
    .where(inArray(panoramaJobs.status, ['queued', 'processing', 'done']));
  return new Set(rows.map((r) => r.hash));
}

/** What the API shows of a job; `warnings` are the finished panorama's notes (e.g. metadata ignored). */
export function jobView(job: PanoramaJob, warnings: readonly PanoramaNotice[] = []) {
  return {
    warnings: [...warnings],
    id: job.id,
    status: job.status,
    stage: job.stage,
    progress: job.progress,
    panoramaId: job.panoramaId,
    fileName: job.fileName,
    error: job.errorCode ? { code: job.errorCode, message: job.errorMessage, messageEn: job.errorMessageEn } : null,
  };
}
