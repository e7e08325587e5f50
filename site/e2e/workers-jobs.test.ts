/**
 * A panorama job whose process is killed mid-build (`kill -9`) is finished by the other process once the lease runs
 * out (issue 15): one job, one pyramid, nothing left running.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../../api/db/client.ts';
import { panoramaJobs, panoramas } from '../../api/db/schema/index.ts';
import { signInAsFirm } from './firm-api.ts';
import { startSecondProcess, type AppProcess } from './second-process.ts';

const baseA = inject('baseURL');
const dataDir = inject('dataDir');
let b: AppProcess | undefined;
afterAll(() => b?.stop());

/** A large 2:1 photo with fine detail, so its build takes seconds even on a fast machine. */
async function bigPanorama(): Promise<Buffer> {
  return sharp({ create: { width: 8192, height: 4096, channels: 3, background: '#6a8caf', noise: { type: 'gaussian', mean: 120, sigma: 40 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

describe('panorama jobs across processes', () => {
  it('are finished by the other process after kill -9 mid-build: one job, one pyramid, no job left running', { timeout: 180_000 }, async () => {
    // B holds its jobs with a 3 s lease, so A (sweeping every 2 s) takes over soon after B dies.
    b = await startSecondProcess(dataDir, { PANORAMA_JOB_LEASE_MS: '3000' });
    const firmB = await signInAsFirm(b.base, 'xinyuan-aluminium');
    const sent = await firmB.uploadPanorama(await bigPanorama(), 'workshop-360.jpg');
    expect(sent.status).toBe(202);
    const { id } = (await sent.json()) as { id: number };

    const db = await openDb(`file:${join(dataDir, 'platform.db')}`);
    try {
      const row = async () => (await db.select().from(panoramaJobs).where(eq(panoramaJobs.id, id)))[0]!;
      // Wait until B is building the faces, then kill it without a chance to clean up.
      await expect.poll(async () => (await row()).stage, { timeout: 60_000, interval: 50 }).toBe('faces');
      const before = await row();
      expect(before).toMatchObject({ status: 'processing', leaseOwner: expect.stringContaining(`:${b.child.pid}:`) });
      b.child.kill('SIGKILL');
      await new Promise((r) => b!.child.once('exit', r));

      // A takes the job over when B's lease has run out, and finishes it.
      await expect.poll(async () => (await row()).status, { timeout: 120_000, interval: 250 }).toBe('done');
      const done = await row();
      expect(done.leaseOwner).toBeNull();
      const jobs = await db.select().from(panoramaJobs).where(eq(panoramaJobs.sourceHash, done.sourceHash));
      expect(jobs).toHaveLength(1);
      expect(await db.select().from(panoramas).where(eq(panoramas.sourceHash, done.sourceHash))).toHaveLength(1);
      expect(existsSync(join(dataDir, 'media', 'panoramas', done.panoramaId!, 'manifest.json'))).toBe(true);
      // The viewer of A serves it.
      expect((await fetch(`${baseA}/media/panoramas/${done.panoramaId}/manifest.json`)).status).toBe(200);
    } finally {
      db.$client.close();
    }
  });
});
