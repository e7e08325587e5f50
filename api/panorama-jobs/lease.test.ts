import { createHash } from 'node:crypto';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/client.ts';
import { panoramaJobs, panoramas } from '../db/schema/index.ts';
import { createTestContext, makeEnterprise, type TestContext } from '../testing.ts';
import { PanoramaJobRunner } from './runner.ts';

let ctx: TestContext;
let otherDb: Db;
let a: PanoramaJobRunner;
let b: PanoramaJobRunner;
beforeEach(async () => {
  ctx = await createTestContext();
  // Two runners on two connections to one database file stand for two app processes.
  otherDb = await openDb(ctx.config.databaseUrl);
  const uploads = join(ctx.config.dataDir, 'uploads');
  a = new PanoramaJobRunner(ctx.db, uploads, ctx.mediaDir, { owner: 'A', leaseMs: 10_000 });
  b = new PanoramaJobRunner(otherDb, uploads, ctx.mediaDir, { owner: 'B', leaseMs: 10_000 });
});
afterEach(async () => {
  await Promise.all([a.idle(), b.idle()]);
  otherDb.$client.close();
  await ctx.cleanup();
});

/** A queued job for a small real 2:1 photo stored under its hash, as the upload route leaves it. */
async function queuedJob() {
  const firm = await makeEnterprise(ctx.db);
  const photo = await sharp({ create: { width: 1024, height: 512, channels: 3, background: '#4a7' } }).jpeg().toBuffer();
  const hash = createHash('sha256').update(photo).digest('hex');
  await mkdir(a.uploadsDir, { recursive: true });
  await writeFile(a.sourcePath(hash), photo);
  const [job] = await ctx.db.insert(panoramaJobs).values({ enterpriseId: firm.id, sourceHash: hash, sourceBytes: photo.length }).returning();
  return job!;
}

describe('panorama jobs across processes', () => {
  it('are claimed by exactly one process at a time, and by another once the lease has run out', async () => {
    const job = await queuedJob();
    const now = Date.now();
    const [byA, byB] = await Promise.all([a.claim(job.id, now), b.claim(job.id, now)]);
    expect([byA, byB].filter(Boolean)).toHaveLength(1);
    const winner = byA ? a : b;
    const loser = byA ? b : a;
    expect(await loser.claim(job.id, now + 9_000)).toBeUndefined();
    expect(await winner.renew(job.id, now + 9_000)).toBe(true); // held until now + 19 s
    expect(await loser.claim(job.id, now + 15_000)).toBeUndefined();
    // The winner dies and renews no more: after its lease the other takes over, and the dead one's renewal fails.
    expect(await loser.claim(job.id, now + 20_000)).toMatchObject({ id: job.id, leaseOwner: byA ? 'B' : 'A' });
    expect(await winner.renew(job.id, now + 20_000)).toBe(false);
  });

  it('left by a dead process are finished by another: one pyramid, no job left behind', async () => {
    const job = await queuedJob();
    // Process A claimed the job and died mid-build: its lease ran out a moment ago.
    await ctx.db.update(panoramaJobs).set({ status: 'processing', stage: 'faces', leaseOwner: 'A', leaseUntil: new Date(Date.now() - 1) });
    await b.resume(0);
    await b.idle();
    const [done] = await ctx.db.select().from(panoramaJobs);
    expect(done).toMatchObject({ id: job.id, status: 'done', leaseOwner: null, panoramaId: expect.any(String) });
    expect(await ctx.db.select().from(panoramas)).toHaveLength(1);
    expect((await readdir(join(ctx.mediaDir, 'panoramas'))).filter((n) => !n.startsWith('.'))).toEqual([done!.panoramaId]);
  });

  it('do not run a job whose lease another process holds', async () => {
    await queuedJob();
    await ctx.db.update(panoramaJobs).set({ status: 'processing', leaseOwner: 'A', leaseUntil: new Date(Date.now() + 60_000) });
    await b.resume(0);
    await b.idle();
    expect((await ctx.db.select().from(panoramaJobs))[0]).toMatchObject({ status: 'processing', leaseOwner: 'A' });
  });

  it('allow one live job per firm and photo in the database itself', async () => {
    const job = await queuedJob();
    const again = ctx.db.insert(panoramaJobs).values({ enterpriseId: job.enterpriseId, sourceHash: job.sourceHash, sourceBytes: 1 });
    const error = await again.then(() => null, (e: unknown) => e as Error & { cause?: unknown });
    expect(String(error?.cause)).toMatch(/UNIQUE constraint failed/);
    await ctx.db.update(panoramaJobs).set({ status: 'failed' });
    await ctx.db.insert(panoramaJobs).values({ enterpriseId: job.enterpriseId, sourceHash: job.sourceHash, sourceBytes: 1 }); // a retry after a failure
  });
});
