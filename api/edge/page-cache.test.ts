import { gunzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, makeHall, type TestContext } from '../testing.ts';
import { keptPath } from './page-cache.ts';
import { createSitePipeline } from './pipeline.ts';

let ctx: TestContext;
let renders: string[];
let status: number;
// Stands in for Astro: counts renders; each render's page says which render it was.
const pages: MiddlewareHandler = async (c) => {
  renders.push(c.req.path);
  return c.html(`<!doctype html><html><head><script>let n=${renders.length}</script></head><body>${'展馆 '.repeat(400)}第 ${renders.length} 次</body></html>`, status as 200);
};

beforeEach(async () => {
  ctx = await createTestContext();
  renders = [];
  status = 200;
});
afterEach(() => ctx.cleanup());

const gzip = { 'Accept-Encoding': 'gzip, deflate, br' };

describe('kept public pages', () => {
  it('answer a second anonymous visit without rendering, with the same compressed body and security headers', async () => {
    const site = createSitePipeline(ctx, pages);
    const first = await site.request('/halls?q=轴承', { headers: gzip });
    const second = await site.request('/halls?q=轴承', { headers: gzip });
    expect(renders).toHaveLength(1);
    expect(second.headers.get('Content-Encoding')).toBe('gzip');
    expect(second.headers.get('Content-Security-Policy')).toBe(first.headers.get('Content-Security-Policy'));
    expect(second.headers.get('Content-Security-Policy')).toMatch(/script-src 'self' 'sha256-/);
    expect(gunzipSync(Buffer.from(await second.arrayBuffer())).toString()).toBe(gunzipSync(Buffer.from(await first.arrayBuffer())).toString());
    // Another query, another encoding, a HEAD: each its own answer, the HEAD from the store without a body.
    await site.request('/halls?q=纺织', { headers: gzip });
    const plain = await site.request('/halls?q=轴承');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(await plain.text()).toContain('第 3 次');
    const head = await site.request('/halls?q=轴承', { method: 'HEAD', headers: gzip });
    expect([head.status, (await head.arrayBuffer()).byteLength, renders.length]).toEqual([200, 0, 3]);
  });

  it('are not kept for a signed-in visitor, a page with a form token, or an answer other than 200', async () => {
    const site = createSitePipeline(ctx, pages);
    for (let i = 0; i < 2; i++) await site.request('/halls', { headers: { Cookie: 'qq_session=abc' } });
    for (let i = 0; i < 2; i++) await site.request('/products/7');
    status = 404;
    for (let i = 0; i < 2; i++) await site.request('/halls/no-such-hall');
    expect(renders).toEqual(['/halls', '/halls', '/products/7', '/products/7', '/halls/no-such-hall', '/halls/no-such-hall']);
  });

  it('are forgotten when a firm saves a change: a hotspot only in its own hall, anything else everywhere', async () => {
    const site = createSitePipeline(ctx, pages);
    const a = await makeHall(ctx.db);
    const b = await makeHall(ctx.db);
    const visit = async () => {
      for (const path of ['/', `/halls/${a.enterprise.slug}`, `/halls/${b.enterprise.slug}`]) await site.request(path);
    };
    await visit();
    expect(renders).toHaveLength(3);
    ctx.live.publish(a.enterprise.id, 'hotspots');
    await visit();
    expect(renders.slice(3)).toEqual([`/halls/${a.enterprise.slug}`]);
    ctx.live.publish(b.enterprise.id, 'listings');
    await visit();
    expect(renders.slice(4)).toEqual(['/', `/halls/${a.enterprise.slug}`, `/halls/${b.enterprise.slug}`]);
  });

  it('cover the public pages that are the same for everyone, and nothing with a form', () => {
    for (const path of ['/', '/en', '/halls', '/en/halls/', '/jobs', '/en/projects', '/halls/liaocheng-bearing', '/en/halls/liaocheng-bearing/embed', '/api/halls/liaocheng-bearing']) {
      expect(keptPath(path), path).not.toBeNull();
    }
    for (const path of ['/products/7', '/jobs/3', '/projects/2', '/portal', '/admin', '/api/halls/x/live', '/api/halls', '/leads/receipt', '/halls/UPPER']) {
      expect(keptPath(path), path).toBeNull();
    }
    expect(keptPath('/api/halls/liaocheng-bearing')).toEqual({ slug: 'liaocheng-bearing' });
  });
});
