/**
 * The fixture cases through the API, as a firm meets them: upload, job, scene. Fixtures are read from
 * /work/shared/fixtures/cases (never copied into the repository).
 */
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { CASES } from '../../panorama/testing/markers.ts';
import { PanoramaJobRunner } from '../../panorama-jobs/runner.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, type TestContext } from '../../testing.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
let firmId: number;
let browser: ReturnType<typeof apiClient>;

beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
  firmId = (await makeEnterprise(ctx.db)).id;
  await makeUser(ctx.db, { enterpriseId: firmId, email: 'owner@example.org' });
  browser = apiClient(api);
  await browser.call('POST', '/auth/login', { email: 'owner@example.org', password: 'correct horse battery' });
});
afterEach(() => ctx.cleanup());

/** Upload a fixture as the firm would and wait for its job to finish; returns the job as the API shows it. */
async function uploadCase(name: string, bytes?: Buffer) {
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(bytes ?? (await readFile(join(CASES, name))))]), name);
  const res = await api.request(`/enterprises/${firmId}/panoramas`, {
    method: 'POST',
    body,
    headers: { Cookie: browser.cookie, 'X-CSRF-Token': browser.csrf },
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: number };
  await ctx.panoramaJobs.idle();
  return (await browser.call('GET', `/panorama-jobs/${id}`)).json;
}

const uploads = () => readdir(ctx.panoramaJobs.uploadsDir).catch(() => [] as string[]);

describe('a scene made from a partial panorama', () => {
  it('starts phone-pano-120x60-left0-683x342.jpg at its heading (yaw −120), not at yaw 0 on the grey fill', async () => {
    const job = await uploadCase('phone-pano-120x60-left0-683x342.jpg');
    expect(job).toMatchObject({ status: 'done', error: null, warnings: [] });
    const scene = await browser.call('POST', `/portal/enterprises/${firmId}/hall/scenes`, { panoramaId: job.panoramaId, title: '样品间' });
    expect(scene.status).toBe(201);
    expect(scene.json.initialYaw).toBeCloseTo(-120, 0);
    expect(scene.json.initialPitch).toBeCloseTo(0, 0);
    // The 60° tall band: a view no taller than the photo, so its top and bottom edges stay on the pixels.
    expect(scene.json.initialFov).toBeLessThanOrEqual(60);
  });
});

describe('refused uploads leave nothing behind', () => {
  it('removes the uploaded cylindrical-2to1-2048x1024.jpg when its job is refused', async () => {
    const job = await uploadCase('cylindrical-2to1-2048x1024.jpg');
    expect(job).toMatchObject({ status: 'failed', error: { code: 'pano_projection_cylindrical' } });
    expect(await uploads()).toEqual([]);
    // Any refusal of the photo itself, e.g. an ordinary 4:3 snapshot.
    const snapshot = await sharp({ create: { width: 1024, height: 768, channels: 3, background: 'grey' } }).jpeg().toBuffer();
    expect(await uploadCase('snapshot.jpg', snapshot)).toMatchObject({ status: 'failed', error: { code: 'pano_not_equirectangular' } });
    expect(await uploads()).toEqual([]);
  });

  it('keeps a source another job still needs, and sweeps uploads no job needs at start-up', async () => {
    const done = await uploadCase('base-markers-2048.jpg');
    expect(done.status).toBe('done');
    const kept = await uploads();
    expect(kept).toHaveLength(1);
    // Left over from a process killed between refusing a photo and removing it.
    const orphan = 'ab'.repeat(32);
    await writeFile(join(ctx.panoramaJobs.uploadsDir, orphan), 'GPS-tagged bytes');
    // Older than a minute: not an upload another process is just giving its job.
    const killedAt = new Date(Date.now() - 2 * 60_000);
    await utimes(join(ctx.panoramaJobs.uploadsDir, orphan), killedAt, killedAt);
    await new PanoramaJobRunner(ctx.db, ctx.panoramaJobs.uploadsDir, ctx.mediaDir).resume(0);
    expect(await uploads()).toEqual(kept);
  });

  it('builds stale-gpano-full-2048x1024.jpg and tells the firm on the job that the metadata was ignored', async () => {
    const job = await uploadCase('stale-gpano-full-2048x1024.jpg');
    expect(job).toMatchObject({ status: 'done', error: null });
    expect(job.warnings).toHaveLength(1);
    expect(job.warnings[0]).toMatchObject({ code: 'pano_gpano_ignored' });
    expect(job.warnings[0].message).toContain('GPano');
    expect(job.warnings[0].messageEn).toContain('was ignored');
  });
});
