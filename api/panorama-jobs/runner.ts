import { EventEmitter } from 'node:events';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { panoramaJobs, type PanoramaJob } from '../db/schema/index.ts';
import { AppError } from '../lib/errors.ts';
import { grantPanorama, panoramaRoot, publishPanorama, readPanoramaManifest } from '../media/panoramas.ts';
import { buildInBackground, cleanupPartial, type BuildProgress } from '../panorama/index.ts';
import { INCOMING_PREFIX } from '../uploads/receive.ts';
import { PROCESS_ID, type ChangeFeed } from '../live/feed.ts';
import { getJob, jobsUsingSource, jobView, sourcesInUse } from './queries.ts';

/** Uploaded sources are named by their sha256. */
const SOURCE_NAME = /^[0-9a-f]{64}$/;

/** How long a claim on a job holds without renewal (PANORAMA_JOB_LEASE_MS; default 30 s, renewed every third of it). */
export const JOB_LEASE_MS = Number(process.env.PANORAMA_JOB_LEASE_MS ?? 30_000);
/** How often a process looks for jobs nobody holds: new ones and those whose process died (PANORAMA_JOB_SWEEP_MS). */
export const JOB_SWEEP_MS = Number(process.env.PANORAMA_JOB_SWEEP_MS ?? 2_000);
/**
 * Start-up cleanup leaves files younger than this alone: with several processes, another one may be receiving that
 * upload or building that pyramid right now (a 16K build takes under a minute here; uploads stream in minutes).
 */
const LEFTOVER_AGE_MS = 15 * 60_000;
/** An upload named by its hash but without a job yet may be between its rename and its job row (a few ms, or a lock wait). */
const ORPHAN_SOURCE_AGE_MS = 60_000;

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
 * Turns uploaded photos into pyramids one at a time per process (the pipeline itself uses both cores), recording
 * progress in the database and announcing every change to listeners (the SSE route). Several processes share the
 * queue in the database: a process claims a job with a lease (`lease_owner`, `lease_until`: a conditional UPDATE that
 * only one process can win), renews it while the build runs, and every process sweeps for jobs nobody holds — new
 * ones, and those whose process died, once their lease has run out. Pyramids are content-addressed, so a build that
 * is taken over (or, after a lost lease, finishes twice) publishes the same folder and row.
 * With a change feed attached, progress saved by another process reaches this process's listeners too.
 */
export class PanoramaJobRunner {
  readonly events = new EventEmitter<{ change: [ReturnType<typeof jobView>] }>();
  readonly #db: Db;
  /** Where uploaded sources are kept, named by their sha256. */
  readonly uploadsDir: string;
  readonly #mediaDir: string;
  readonly #owner: string;
  readonly #leaseMs: number;
  #queue: Promise<void> = Promise.resolve();
  readonly #queued = new Set<number>();
  #feed: ChangeFeed | undefined;
  #sweeper: NodeJS.Timeout | undefined;

  constructor(db: Db, uploadsDir: string, mediaDir: string, options: { owner?: string; leaseMs?: number } = {}) {
    this.#db = db;
    this.uploadsDir = uploadsDir;
    this.#mediaDir = mediaDir;
    this.#owner = options.owner ?? PROCESS_ID;
    this.#leaseMs = options.leaseMs ?? JOB_LEASE_MS;
    this.events.setMaxListeners(0);
    // Builds share the server's cores: keep them behind request handling (/api/health p99 during a 16K build).
    buildInBackground();
  }

  /** Path of an uploaded source by its hash. */
  sourcePath(sourceHash: string): string {
    return join(this.uploadsDir, sourceHash);
  }

  /** Shares job progress with other processes through the change feed (topic `job:<id>`). */
  attachFeed(feed: ChangeFeed): () => void {
    this.#feed = feed;
    const off = feed.onRemote((row) => {
      if (row.kind !== 'job' || !row.topic.startsWith('job:')) return;
      void getJob(this.#db, Number(row.topic.slice(4))).then(async (job) => job && this.events.emit('change', await this.view(job)));
    });
    return () => {
      off();
      this.#feed = undefined;
    };
  }

  /**
   * At start (also after a crash or kill): remove half-written uploads and pyramids older than LEFTOVER_AGE_MS and
   * uploads no job needs any more (a refused photo whose removal was cut short, with its GPS EXIF) older than a
   * minute — another process may be writing younger ones — then take up jobs nobody holds and keep looking every
   * `sweepMs` (0: only now).
   */
  async resume(sweepMs = JOB_SWEEP_MS): Promise<void> {
    const names = await readdir(this.uploadsDir).catch(() => [] as string[]);
    const inUse = await sourcesInUse(this.#db);
    const now = Date.now();
    const candidates = names.filter((n) => n.startsWith(INCOMING_PREFIX) || (SOURCE_NAME.test(n) && !inUse.has(n)));
    for (const n of candidates) {
      const info = await stat(join(this.uploadsDir, n)).catch(() => null);
      const minAge = n.startsWith(INCOMING_PREFIX) ? LEFTOVER_AGE_MS : ORPHAN_SOURCE_AGE_MS;
      if (info && now - info.mtimeMs >= minAge) await rm(join(this.uploadsDir, n), { force: true });
    }
    await cleanupPartial(panoramaRoot(this.#mediaDir), { olderThanMs: LEFTOVER_AGE_MS });
    await this.sweep();
    if (sweepMs > 0) this.#sweeper ??= setInterval(() => void this.sweep().catch((err: unknown) => console.error('[panorama-jobs] sweep failed:', err)), sweepMs).unref();
  }

  /** Stops looking for new jobs (the job running now finishes; see `idle()`). */
  stop(): void {
    clearInterval(this.#sweeper);
    this.#sweeper = undefined;
  }

  /** Queues every job nobody holds (queued or processing with no lease or an expired one). */
  async sweep(now = Date.now()): Promise<void> {
    const free = await this.#db
      .select({ id: panoramaJobs.id })
      .from(panoramaJobs)
      .where(and(inArray(panoramaJobs.status, ['queued', 'processing']), or(isNull(panoramaJobs.leaseUntil), lt(panoramaJobs.leaseUntil, new Date(now)))))
      .orderBy(panoramaJobs.id);
    for (const { id } of free) if (!this.#queued.has(id)) void this.enqueue(id);
  }

  /** Queues a job for this process; resolves when it has finished here, or when another process holds it. */
  enqueue(jobId: number): Promise<void> {
    this.#queued.add(jobId);
    this.#queue = this.#queue.then(() => this.#claimAndRun(jobId)).finally(() => this.#queued.delete(jobId));
    return this.#queue;
  }

  /** Resolves when every queued job has finished. */
  idle(): Promise<void> {
    return this.#queue;
  }

  /**
   * Takes the job if nobody holds it: one conditional UPDATE, so of several processes trying at once exactly one
   * gets the row back. Returns the claimed job, or undefined.
   */
  async claim(jobId: number, now = Date.now()): Promise<PanoramaJob | undefined> {
    const [job] = await this.#db
      .update(panoramaJobs)
      .set({ status: 'processing', leaseOwner: this.#owner, leaseUntil: new Date(now + this.#leaseMs) })
      .where(
        and(
          eq(panoramaJobs.id, jobId),
          inArray(panoramaJobs.status, ['queued', 'processing']),
          or(isNull(panoramaJobs.leaseUntil), lt(panoramaJobs.leaseUntil, new Date(now))),
        ),
      )
      .returning();
    return job;
  }

  /** Extends this process's lease; false when it was lost (another process took the job over). */
  async renew(jobId: number, now = Date.now()): Promise<boolean> {
    const rows = await this.#db
      .update(panoramaJobs)
      .set({ leaseUntil: new Date(now + this.#leaseMs) })
      .where(and(eq(panoramaJobs.id, jobId), eq(panoramaJobs.leaseOwner, this.#owner), eq(panoramaJobs.status, 'processing')))
      .returning({ id: panoramaJobs.id });
    return rows.length > 0;
  }

  /** What the API shows of a job, with the finished panorama's warnings. */
  async view(job: PanoramaJob): Promise<ReturnType<typeof jobView>> {
    const manifest = job.panoramaId ? await readPanoramaManifest(this.#mediaDir, job.panoramaId) : null;
    return jobView(job, manifest?.warnings ?? []);
  }

  async #update(jobId: number, set: Partial<PanoramaJob>): Promise<void> {
    const [job] = await this.#db.update(panoramaJobs).set(set).where(eq(panoramaJobs.id, jobId)).returning();
    if (!job) return;
    this.events.emit('change', job.panoramaId ? await this.view(job) : jobView(job));
    await this.#feed?.append(`job:${jobId}`, 'job').catch((err: unknown) => console.error('[panorama-jobs] feed:', err instanceof Error ? err.message : err));
  }

  /** A refused photo is not kept (it may carry GPS EXIF): remove it unless another job still needs the same bytes. */
  async #discardSource(sourceHash: string): Promise<void> {
    if ((await jobsUsingSource(this.#db, sourceHash)) > 0) return;
    await rm(this.sourcePath(sourceHash), { force: true });
  }

  async #claimAndRun(jobId: number): Promise<void> {
    const job = await this.claim(jobId).catch((err: unknown) => {
      console.error(`[panorama-jobs] claim of job ${jobId} failed:`, err instanceof Error ? err.message : err);
      return undefined;
    });
    if (!job) return;
    const renewal = setInterval(() => void this.renew(jobId).catch(() => undefined), Math.max(100, this.#leaseMs / 3)).unref();
    try {
      await this.#run(job);
    } finally {
      clearInterval(renewal);
    }
  }

  async #run(job: PanoramaJob): Promise<void> {
    const jobId = job.id;
    await this.#update(jobId, { progress: 0, stage: 'inspect' });
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
      await this.#update(jobId, { status: 'done', progress: 1, stage: 'done', panoramaId: panorama.id, leaseOwner: null, leaseUntil: null });
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
        leaseOwner: null,
        leaseUntil: null,
      });
      await this.#discardSource(job.sourceHash);
    }
  }
}
