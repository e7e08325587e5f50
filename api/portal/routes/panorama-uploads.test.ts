import { readdir, readFile, writeFile, mkdir, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { panoramaJobs } from '../../db/schema/index.ts';
import { PanoramaJobRunner } from '../../panorama-jobs/runner.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, type TestContext } from '../../testing.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
let firmId: number;
let browser: ReturnType<typeof apiClient>;

/** A small but real equirectangular photo: a smooth colour field, 2:1. */
async function panoramaJpeg(width = 1024, seed = 0): Promise<Buffer> {
  const h = width / 2;
  const raw = Buffer.alloc(width * h * 3);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      raw[i] = (x * 255) / width;
      raw[i + 1] = (y * 255) / h;
      raw[i + 2] = seed;
    }
  return sharp(raw, { raw: { width, height: h, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

function form(bytes: Uint8Array, name = 'showroom.jpg'): FormData {
  const data = new FormData();
  data.append('file', new Blob([new Uint8Array(bytes)]), name);
  return data;
}

async function upload(body: FormData | ReadableStream, headers: Record<string, string> = {}, enterpriseId = firmId) {
  const res = await api.request(`/enterprises/${enterpriseId}/panoramas`, {
    method: 'POST',
    body,
    headers: { Cookie: browser.cookie, 'X-CSRF-Token': browser.csrf, ...headers },
    // @ts-expect-error Node's fetch needs this for a streamed request body.
    duplex: 'half',
  });
  return { status: res.status, json: await res.json() };
}

const leftovers = async () => (await readdir(ctx.panoramaJobs.uploadsDir).catch(() => [])).filter((n) => n.startsWith('.'));

beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
  firmId = (await makeEnterprise(ctx.db)).id;
  await makeUser(ctx.db, { enterpriseId: firmId, email: 'owner@example.org' });
  browser = apiClient(api);
  await browser.call('POST', '/auth/login', { email: 'owner@example.org', password: 'correct horse battery' });
});
afterEach(() => ctx.cleanup());

describe('panorama upload', () => {
  it('streams a 360° photo to disk, processes it into a pyramid and reports progress to the end', async () => {
    const sent = await upload(form(await panoramaJpeg()));
    expect(sent.status).toBe(202);
    expect(sent.json).toMatchObject({ status: 'queued', fileName: 'showroom.jpg' });
    await ctx.panoramaJobs.idle();
    const job = await browser.call('GET', `/panorama-jobs/${sent.json.id}`);
    expect(job.json).toMatchObject({ status: 'done', progress: 1, error: null });
    const manifest = JSON.parse(await readFile(join(ctx.mediaDir, 'panoramas', job.json.panoramaId, 'manifest.json'), 'utf8'));
    expect(manifest.levels.length).toBeGreaterThan(0);

    const events = await api.request(`/panorama-jobs/${sent.json.id}/events`, { headers: { Cookie: browser.cookie } });
    expect(events.headers.get('Content-Type')).toMatch(/text\/event-stream/);
    expect(await events.text()).toMatch(/"status":"done"/);
  });

  it('gives the same photo uploaded twice at once one job and one pyramid', async () => {
    const photo = await panoramaJpeg(1024, 7);
    const [a, b] = await Promise.all([upload(form(photo)), upload(form(photo))]);
    await ctx.panoramaJobs.idle();
    expect(a.json.id).toBe(b.json.id);
    const jobs = await ctx.db.select().from(panoramaJobs);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.status).toBe('done');
    expect(await readdir(join(ctx.mediaDir, 'panoramas'))).toHaveLength(1);
    const again = await upload(form(photo));
    expect(again).toMatchObject({ status: 200, json: { status: 'done' } });
  });

  it.each([
    ['not an image', Buffer.from('just some text, not a picture at all'.repeat(20)), 415, 'pano_not_an_image'],
    ['an SVG named .jpg', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="2" height="1"></svg>'), 415, 'pano_unsupported_format'],
    ['an animated GIF', Buffer.from('GIF89a' + '\0'.repeat(600), 'latin1'), 415, 'pano_unsupported_format'],
    ['0 bytes', Buffer.alloc(0), 400, 'pano_empty_file'],
  ])('refuses %s by its content with a readable message, storing nothing', async (_name, bytes, status, code) => {
    const res = await upload(form(bytes));
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await ctx.db.select().from(panoramaJobs)).toHaveLength(0);
    expect(await readdir(ctx.panoramaJobs.uploadsDir)).toHaveLength(0);
  });

  it('refuses a file over the size cap while it streams', async () => {
    const photo = await panoramaJpeg(2048);
    ctx.config.panoramaUploadMaxBytes = photo.length - 1;
    const res = await upload(form(photo));
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('upload_too_large');
    expect(await readdir(ctx.panoramaJobs.uploadsDir)).toHaveLength(0);
  });

  it('cleans up an upload cut off mid-stream', async () => {
    const photo = await panoramaJpeg();
    const boundary = 'cutoff-boundary';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(head));
        controller.enqueue(photo.subarray(0, photo.length / 2));
        controller.error(new Error('connection reset'));
      },
    });
    const res = await upload(body, { 'Content-Type': `multipart/form-data; boundary=${boundary}` });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('upload_incomplete');
    expect(await readdir(ctx.panoramaJobs.uploadsDir)).toHaveLength(0);
  });

  it('fails a photo the pipeline refuses with the pipeline’s message on the job', async () => {
    const tiny = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#888' } }).png().toBuffer();
    const sent = await upload(form(tiny, 'tiny.png'));
    await ctx.panoramaJobs.idle();
    const job = await browser.call('GET', `/panorama-jobs/${sent.json.id}`);
    expect(job.json).toMatchObject({ status: 'failed', error: { code: 'pano_too_small' } });
    expect(job.json.error.message).toMatch(/图片太小/);
  });

  it('admits only the firm’s own users', async () => {
    const other = await makeEnterprise(ctx.db);
    expect((await upload(form(await panoramaJpeg()), {}, other.id)).status).toBe(403);
    const anonymous = await api.request(`/enterprises/${firmId}/panoramas`, { method: 'POST', body: form(await panoramaJpeg()) });
    expect(anonymous.status).toBe(401);
    const sent = await upload(form(await panoramaJpeg()));
    const stranger = apiClient(api);
    await makeUser(ctx.db, { enterpriseId: other.id, email: 'other@example.org' });
    await stranger.call('POST', '/auth/login', { email: 'other@example.org', password: 'correct horse battery' });
    expect((await stranger.call('GET', `/panorama-jobs/${sent.json.id}`)).status).toBe(403);
  });

  it('after a crash removes half-received files and finishes unfinished jobs', async () => {
    const photo = await panoramaJpeg(1024, 3);
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(photo).digest('hex');
    await mkdir(ctx.panoramaJobs.uploadsDir, { recursive: true });
    await writeFile(join(ctx.panoramaJobs.uploadsDir, hash), photo);
    await writeFile(join(ctx.panoramaJobs.uploadsDir, '.incoming-deadbeef'), photo.subarray(0, 100));
    await mkdir(join(ctx.mediaDir, 'panoramas', '.tmp-123-abc'), { recursive: true });
    // Left by the crash a while ago; a younger upload may be another process's, still streaming in.
    const crashAt = new Date(Date.now() - 20 * 60_000);
    await utimes(join(ctx.panoramaJobs.uploadsDir, '.incoming-deadbeef'), crashAt, crashAt);
    await utimes(join(ctx.mediaDir, 'panoramas', '.tmp-123-abc'), crashAt, crashAt);
    await writeFile(join(ctx.panoramaJobs.uploadsDir, '.incoming-streaming'), photo.subarray(0, 100));
    const [job] = await ctx.db
      .insert(panoramaJobs)
      .values({ enterpriseId: firmId, sourceHash: hash, sourceBytes: photo.length, status: 'processing', progress: 0.4 })
      .returning();

    const restarted = new PanoramaJobRunner(ctx.db, ctx.panoramaJobs.uploadsDir, ctx.mediaDir);
    await restarted.resume(0);
    await restarted.idle();
    expect(await leftovers()).toEqual(['.incoming-streaming']);
    expect((await readdir(join(ctx.mediaDir, 'panoramas'))).filter((n) => n.startsWith('.'))).toEqual([]);
    const [after] = await ctx.db.select().from(panoramaJobs);
    expect(after).toMatchObject({ id: job!.id, status: 'done' });
  });
});
