import { and, desc, eq, inArray } from 'drizzle-orm';
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

export async function unfinishedJobs(db: DbLike): Promise<PanoramaJob[]> {
  return db.select().from(panoramaJobs).where(inArray(panoramaJobs.status, ['queued', 'processing'])).orderBy(panoramaJobs.id);
}

/** What the API shows of a job. */
export function jobView(job: PanoramaJob) {
  return {
    id: job.id,
    status: job.status,
    stage: job.stage,
    progress: job.progress,
    panoramaId: job.panoramaId,
    fileName: job.fileName,
    error: job.errorCode ? { code: job.errorCode, message: job.errorMessage, messageEn: job.errorMessageEn } : null,
  };
}
