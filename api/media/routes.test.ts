import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../testing.ts';
import { mediaRoutes } from './routes.ts';

let ctx: TestContext;
let app: Hono;
const PYRAMID = 'panoramas/0123456789abcdef0123456789abcdef';
const SECRET = 'do-not-serve-this';

async function put(rel: string, bytes: string | Buffer): Promise<void> {
  const path = join(ctx.mediaDir, rel);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
}

const get = (path: string, init?: RequestInit) => app.request(path, init);

beforeEach(async () => {
  ctx = await createTestContext();
  // Mounted as the one server mounts it (site/fetch.ts).
  app = new Hono().route('/media', mediaRoutes(ctx));
  await put(`${PYRAMID}/manifest.json`, '{"version":1}');
  await put(`${PYRAMID}/tiles/2/f/0_1.webp`, Buffer.from('RIFF....WEBPVP8 tile'));
  await put(`${PYRAMID}/poster.jpg`, Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  await put(`${PYRAMID}/preview.avif`, Buffer.from('avif'));
  await put('products/photo.png', Buffer.from('png'));
  // Things that live beside the media but must never be served.
  await put(`panoramas/.tmp-abc123/manifest.json`, SECRET);
  await put(`${PYRAMID}/.hidden.json`, SECRET);
  await put(`${PYRAMID}/notes.txt`, SECRET);
  await put(`${PYRAMID}/source.v`, SECRET);
  await writeFile(join(ctx.config.dataDir, 'secret.json'), SECRET);
});
afterEach(() => ctx.cleanup());

async function expectMissing(res: Response): Promise<void> {
  expect(res.status).toBe(404);
  const text = await res.text();
  expect(text).not.toContain(SECRET);
  expect(res.headers.get('Cache-Control') ?? '').not.toMatch(/immutable/);
}

describe('media serving', () => {
  it('serves each kind of file with its content type, immutable caching and nosniff', async () => {
    const cases: [string, string][] = [
      [`${PYRAMID}/manifest.json`, 'application/json; charset=utf-8'],
      [`${PYRAMID}/tiles/2/f/0_1.webp`, 'image/webp'],
      [`${PYRAMID}/poster.jpg`, 'image/jpeg'],
      [`${PYRAMID}/preview.avif`, 'image/avif'],
      ['products/photo.png', 'image/png'],
    ];
    for (const [rel, type] of cases) {
      const res = await get(`/media/${rel}`);
      expect(res.status, rel).toBe(200);
      expect(res.headers.get('Content-Type')).toBe(type);
      expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('ETag')).toMatch(/^"[^"]+"$/);
    }
    const tile = await get(`/media/${PYRAMID}/tiles/2/f/0_1.webp`);
    expect(Buffer.from(await tile.arrayBuffer()).toString()).toBe('RIFF....WEBPVP8 tile');
    expect(tile.headers.get('Content-Length')).toBe(String('RIFF....WEBPVP8 tile'.length));
  });

  it('answers a matching If-None-Match with 304 and no body, and a stale one with the file', async () => {
    const first = await get(`/media/${PYRAMID}/manifest.json`);
    const etag = first.headers.get('ETag')!;
    const again = await get(`/media/${PYRAMID}/manifest.json`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    // Browsers and CDNs also send lists and weak validators.
    for (const header of [`"other", ${etag}`, `W/${etag}`, '*']) {
      expect((await get(`/media/${PYRAMID}/manifest.json`, { headers: { 'If-None-Match': header } })).status, header).toBe(304);
    }
    const stale = await get(`/media/${PYRAMID}/manifest.json`, { headers: { 'If-None-Match': '"stale"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe('{"version":1}');
    // Another file has another tag.
    expect((await get(`/media/${PYRAMID}/poster.jpg`)).headers.get('ETag')).not.toBe(etag);
  });

  it('answers HEAD with the headers and length but no body', async () => {
    const res = await get(`/media/${PYRAMID}/poster.jpg`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/jpeg');
    expect(res.headers.get('Content-Length')).toBe('4');
    expect(res.headers.get('ETag')).toBeTruthy();
    expect((await res.arrayBuffer()).byteLength).toBe(0);
    expect((await get('/media/panoramas/nope/poster.jpg', { method: 'HEAD' })).status).toBe(404);
  });

  it('answers a missing file with the API error shape', async () => {
    const res = await get(`/media/${PYRAMID}/tiles/9/f/0_0.webp`);
    expect(res.status).toBe(404);
    expect(res.headers.get('Content-Type')).toMatch(/application\/json/);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found', message: expect.any(String), messageEn: expect.any(String) } });
  });

  it('never leaves the media directory, however the path is spelled', async () => {
    const attempts = [
      '/media/../secret.json', // normalised away by the URL parser before routing
      `/media/${PYRAMID}/../../../secret.json`,
      '/media/%2e%2e/secret.json',
      '/media/panoramas/%2e%2e/%2e%2e/secret.json',
      '/media/%2e%2e%2fsecret.json', // one segment the URL parser keeps; decodes to ../
      '/media/panoramas/..%2f..%2fsecret.json',
      '/media/panoramas/..%5c..%5csecret.json',
      '/media/%252e%252e%252fsecret.json', // double-encoded
      `/media/%2F${ctx.config.dataDir.slice(1)}/secret.json`, // absolute
      `/media//${ctx.config.dataDir.slice(1)}/secret.json`,
      '/media/panoramas/%00.json',
      '/media/%E0%A4%A.json', // malformed percent-encoding
    ];
    for (const path of attempts) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain(SECRET);
    }
    // Those that reach the media routes get the JSON error, not a stack trace or a 500.
    for (const path of attempts.slice(4)) {
      expect((await get(path)).headers.get('Content-Type'), path).toMatch(/application\/json/);
    }
  });

  it('keeps dot-files, staging directories and unknown extensions out of reach', async () => {
    await expectMissing(await get('/media/panoramas/.tmp-abc123/manifest.json'));
    await expectMissing(await get('/media/panoramas/%2etmp-abc123/manifest.json'));
    await expectMissing(await get(`/media/${PYRAMID}/.hidden.json`));
    await expectMissing(await get(`/media/${PYRAMID}/notes.txt`));
    await expectMissing(await get(`/media/${PYRAMID}/source.v`));
    await expectMissing(await get(`/media/${PYRAMID}`));
    await expectMissing(await get(`/media/${PYRAMID}/`));
    await expectMissing(await get('/media/'));
  });

  it('refuses writes', async () => {
    const res = await get(`/media/${PYRAMID}/manifest.json`, { method: 'PUT', body: 'x' });
    expect(res.status).toBe(404);
  });
});
