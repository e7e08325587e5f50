import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { audit } from '../../auth/audit.ts';
import { requireAuth, requireEnterpriseAccess } from '../../auth/middleware.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { panoramaJobs } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { enforceRateLimit, RateLimiter } from '../../lib/rate-limit.ts';
import { validate } from '../../lib/validate.ts';
import { panoramaError } from '../../panorama/index.ts';
import { isAcceptedType, sniffImageType } from '../../panorama/sniff.ts';
import { findReusableJob, getJob, jobView } from '../../panorama-jobs/queries.ts';
import { receiveUpload } from '../../uploads/receive.ts';

const enterpriseParam = z.object({ enterpriseId: z.coerce.number().int().positive() });
const jobParam = z.object({ jobId: z.coerce.number().int().positive() });

/** Refuses anything but JPEG, PNG or WebP by its first bytes, before the rest is even received. */
function checkPanoramaHead(head: Buffer): void {
  if (head.length === 0) throw panoramaError('pano_empty_file');
  const type = sniffImageType(head);
  if (type === 'unknown') throw panoramaError('pano_not_an_image');
  if (!isAcceptedType(type)) throw panoramaError('pano_unsupported_format');
}

/** Upload of 360° photos by an enterprise, and the processing job each becomes. */
export function panoramaUploadRoutes(ctx: AppContext) {
  const uploads = new RateLimiter(ctx.db, 'panorama-upload', { max: 60, windowMs: 60 * 60_000 });

  async function jobFor(c: Parameters<typeof requireAuth>[0], jobId: number) {
    requireAuth(c);
    const job = await getJob(ctx.db, jobId);
    if (!job) throw new AppError(404, 'not_found', { zh: '找不到该处理任务', en: 'No such processing job' });
    requireEnterpriseAccess(c, job.enterpriseId);
    return job;
  }

  return new Hono<AppEnv>()
    .post('/enterprises/:enterpriseId/panoramas', validate('param', enterpriseParam), async (c) => {
      const { enterpriseId } = c.req.valid('param');
      const { user } = requireEnterpriseAccess(c, enterpriseId);
      await enforceRateLimit(uploads, `user:${user.id}`);
      const file = await receiveUpload(c.req.raw, {
        dir: ctx.panoramaJobs.uploadsDir,
        maxBytes: ctx.config.panoramaUploadMaxBytes,
        field: 'file',
        checkHead: checkPanoramaHead,
      });
      // The same photo again (or twice at once) joins the job that already has it; an immediate transaction
      // takes the write lock first, so two concurrent uploads cannot both miss the other's job.
      const { job, created } = await ctx.db.transaction(
        async (tx) => {
          const existing = await findReusableJob(tx, enterpriseId, file.sha256);
          if (existing) return { job: existing, created: false };
          // The unique index on (firm, photo) of live jobs backs this up should another process win the race anyway.
          const [inserted] = await tx
            .insert(panoramaJobs)
            .values({ enterpriseId, userId: user.id, sourceHash: file.sha256, sourceBytes: file.bytes, fileName: file.fileName })
            .onConflictDoNothing()
            .returning();
          if (!inserted) return { job: (await findReusableJob(tx, enterpriseId, file.sha256))!, created: false };
          return { job: inserted, created: true };
        },
        { behavior: 'immediate' },
      );
      if (!created) return c.json(await ctx.panoramaJobs.view(job), 200);
      await audit(ctx.db, { userId: user.id, enterpriseId, action: 'panorama.upload', entity: 'panorama_job', entityId: job.id, ip: c.get('clientIp') });
      void ctx.panoramaJobs.enqueue(job.id);
      return c.json(jobView(job), 202);
    })
    .get('/panorama-jobs/:jobId', validate('param', jobParam), async (c) => {
      return c.json(await ctx.panoramaJobs.view(await jobFor(c, c.req.valid('param').jobId)));
    })
    .get('/panorama-jobs/:jobId/events', validate('param', jobParam), async (c) => {
      const job = await jobFor(c, c.req.valid('param').jobId);
      return streamSSE(c, async (stream) => {
        const finished = (status: string) => status === 'done' || status === 'failed';
        await new Promise<void>((resolve) => {
          const send = async (view: ReturnType<typeof jobView>) => {
            if (view.id !== job.id) return;
            await stream.writeSSE({ event: 'job', data: JSON.stringify(view) });
            if (finished(view.status)) done();
          };
          const done = () => {
            ctx.panoramaJobs.events.off('change', send);
            resolve();
          };
          // Listen first, then send the current state, so no change falls between the two.
          ctx.panoramaJobs.events.on('change', send);
          stream.onAbort(done);
          void getJob(ctx.db, job.id).then(async (now) => send(await ctx.panoramaJobs.view(now ?? job)));
        });
      });
    });
}
