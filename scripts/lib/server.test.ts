import { request } from 'node:http';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.ts';
import { createPlatformServer, pickEncoding } from './server.ts';

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip, br;q=0')).toBe('gzip');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});

describe('platform server', () => {
  const client = mkdtempSync(join(tmpdir(), 'qianqi-client-'));
  const script = 'console.log("千企在线展馆");\n'.repeat(200);
  let base = '';
  let server: ReturnType<typeof createPlatformServer>;

  beforeAll(async () => {
    mkdirSync(join(client, '_astro'));
    writeFileSync(join(client, '_astro', 'viewer.abc123.js'), script);
    precompressDir(client);
    server = createPlatformServer((_req, res) => {
      res.writeHead(299, { 'Content-Type': 'text/plain' });
      res.end('astro');
    }, client);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends built assets precompressed and immutable to browsers that accept it', async () => {
    const res = await fetch(`${base}/_astro/viewer.abc123.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('Cache-Control')).toContain('immutable');
    // fetch decodes gzip itself: the body is the original script.
    expect(await res.text()).toBe(script);
  });

  it('hands everything else, and clients without compression, to Astro', async () => {
    expect((await fetch(`${base}/halls`)).status).toBe(299);
    expect((await fetch(`${base}/_astro/../../etc/passwd`)).status).toBe(299);
    const plain = await fetch(`${base}/_astro/viewer.abc123.js`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.status).toBe(299);
  });

  it('answers TRACE with 405, not 500, and puts the base security headers on static files too', async () => {
    const status = await new Promise<{ code: number; allow: unknown }>((resolve, reject) => {
      const req = request(`${base}/`, { method: 'TRACE' }, (res) => {
        res.resume();
        resolve({ code: res.statusCode!, allow: res.headers.allow });
      });
      req.on('error', reject).end();
    });
    expect(status).toEqual({ code: 405, allow: 'GET, HEAD, POST' });
    const asset = await fetch(`${base}/_astro/viewer.abc123.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(asset.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(asset.headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
    expect(asset.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
  });
});
