import { EventEmitter } from 'node:events';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { panoramaJobs, type PanoramaJob } from '../db/schema/index.ts';
import { AppError } from '../lib/errors.ts';
import { grantPanorama, panoramaRoot, publishPanorama, readPanoramaManifest } from '../media/panoramas.ts';
import { buildInBackground, cleanupPartial, type BuildProgress } from '../panorama/index.ts';
import { INCOMING_PREFIX } from '../uploads/receive.ts';
import { getJob, jobsUsingSource, jobView, sourcesInUse, unfinishedJobs } from './queries.ts';

/** Uploaded sources are named by their sha256. */
const SOURCE_NAME = /^[0-9a-f]{64}$/;

const STAGE_SPAN: Record<BuildProgress['stage'], [number, number]> = {
  inspect: [0, 0.05],
  decode: [0.05, 0.2],
  faces: [0.2, 0.95],
  publish: [0.95, 1],
};

/** Overall progress 0..1 from a pipeline progress report. */
export function overallProgress(p: BuildProgress): number {
  const [from, to] = STAGE_SPAN[p.stage];
  return from + (to - from) * (p.total > 0 ? p.done / p.total : 0);
}

/**
 * Turns uploaded photos into pyramids one at a time (the pipeline itself uses both cores), recording progress
 * in the database and announcing every change to listeners (the SSE route). In-process: with several app
 * processes each runs the jobs it received, and resumes its own unfinished ones only if it is the one restarted.
 */
export class PanoramaJobRunner {
  readonly events = new EventEmitter<{ change: [ReturnType<typeof jobView>] }>();
  readonly #db: Db;
  /** Where uploaded sources are kept, named by their sha256. */
  readonly uploadsDir: string;
  readonly #mediaDir: string;
  #queue: Promise<void> = Promise.resolve();

  constructor(db: Db, uploadsDir: string, mediaDir: string) {
    this.#db = db;
    this.uploadsDir = uploadsDir;
    this.#mediaDir = mediaDir;
    this.events.setMaxListeners(0);
    // Builds share the server's cores: keep them behind request handling (/api/health p99 during a 16K build).
    buildInBackground();
  }

  /** Path of an uploaded source by its hash. */
  sourcePath(sourceHash: string): string {
    return join(this.uploadsDir, sourceHash);
  }

  /**
   * After a crash or kill: remove half-written uploads, uploads no job needs any more (a refused photo whose removal
   * was cut short, with its GPS EXIF) and half-written pyramids, then run unfinished jobs again.
   */
  async resume(): Promise<void> {
    const names = await readdir(this.uploadsDir).catch(() => [] as string[]);
    const inUse = await sourcesInUse(this.#db);
    const orphans = names.filter((n) => n.startsWith(INCOMING_PREFIX) || (SOURCE_NAME.test(n) && !inUse.has(n)));
    await Promise.all(orphans.map((n) => rm(join(this.uploadsDir, n), { force: true })));
    await cleanupPartial(panoramaRoot(this.#mediaDir));
    for (const job of await unfinishedJobs(this.#db)) this.enqueue(job.id);
  }

  /** Queues a job; resolves when it has finished (either way). */
  enqueue(jobId: number): Promise<void> {
    this.#queue = this.#queue.then(() => this.#run(jobId));
    return this.#queue;
  }

  /** Resolves when every queued job has finished. */
  idle(): Promise<void> {
    return this.#queue;
  }

  /** What the API shows of a job, with the finished panorama's warnings. */
  async view(job: PanoramaJob): Promise<ReturnType<typeof jobView>> {
    const manifest = job.panoramaId ? await readPanoramaManifest(this.#mediaDir, job.panoramaId) : null;
    return jobView(job, manifest?.warnings ?? []);
  }

  async #update(jobId: number, set: Partial<PanoramaJob>): Promise<void> {
    const [job] = await this.#db.update(panoramaJobs).set(set).where(eq(panoramaJobs.id, jobId)).returning();
    if (job) this.events.emit('change', job.panoramaId ? await this.view(job) : jobView(job));
  }

  /** A refused photo is not kept (it may carry GPS EXIF): remove it unless another job still needs the same bytes. */
  async #discardSource(sourceHash: string): Promise<void> {
    if ((await jobsUsingSource(this.#db, sourceHash)) > 0) return;
    await rm(this.sourcePath(sourceHash), { force: true });
  }

  async #run(jobId: number): Promise<void> {
    const job = await getJob(this.#db, jobId);
    if (!job || job.status === 'done' || job.status === 'failed') return;
    await this.#update(jobId, { status: 'processing', progress: 0, stage: 'inspect' });
    let lastWrite = 0;
    try {
      const panorama = await publishPanorama(this.#db, this.#mediaDir, this.sourcePath(job.sourceHash), (p) => {
        const now = Date.now();
        // Progress is cosmetic: write it at most a few times a second.
        if (now - lastWrite < 250 && p.stage === 'faces' && p.done < p.total) return;
        lastWrite = now;
        void this.#update(jobId, { progress: overallProgress(p), stage: p.stage });
      });
      await grantPanorama(this.#db, job.enterpriseId, panorama.id);
      await this.#update(jobId, { status: 'done', progress: 1, stage: 'done', panoramaId: panorama.id });
    } catch (error) {
      const appError =
        error instanceof AppError
          ? error
          : new AppError(500, 'pano_processing_failed', { zh: '全景图处理失败，请稍后重试', en: 'Processing the panorama failed; please try again' });
      if (!(error instanceof AppError)) console.error(`[panorama-jobs] job ${jobId}:`, error);
      await this.#update(jobId, {
        status: 'failed',
        errorCode: appError.code,
        errorMessage: appError.messageZh,
        errorMessageEn: appError.messageEn,
      });
      await this.#discardSource(job.sourceHash);
    }
  }
}
