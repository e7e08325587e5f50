import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setSecuritySink } from '../lib/security-log.ts';
import { createTestContext, makeEnterprise, makeUser, type TestContext } from '../testing.ts';
import { BODY_LIMITS } from './body-limits.ts';
import { createSitePipeline } from './pipeline.ts';
import { CLIENT_ADDRESS } from './request-origin.ts';

const INLINE = 'document.documentElement.dataset.js="1"';
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/_astro/hall.js"></script><script>${INLINE}</script></head><body>展馆</body></html>`;

let ctx: TestContext;
let seen: { url: string; ip: string | undefined }[];
let events: Record<string, unknown>[];
let restoreSink: (line: string) => void;
// Stands in for Astro: records what reached the pages and answers with a page that has one inline script.
const pages: MiddlewareHandler = async (c) => {
  seen.push({ url: c.req.raw.url, ip: Reflect.get(c.req.raw, CLIENT_ADDRESS) as string | undefined });
  if (c.req.method === 'POST') await c.req.arrayBuffer();
  return c.html(PAGE);
};

beforeEach(async () => {
  ctx = await createTestContext();
  seen = [];
  events = [];
  restoreSink = setSecuritySink((line) => events.push(JSON.parse(line)));
});
afterEach(async () => {
  setSecuritySink(restoreSink);
  await ctx.cleanup();
});

function site(config: Partial<TestContext['config']> = {}) {
  return createSitePipeline({ ...ctx, config: { ...ctx.config, ...config } }, pages);
}

/** A request as the Node adapter hands it over: with the socket's peer address attached. */
function fromSocket(url: string, peer: string, init: RequestInit = {}): Request {
  const req = new Request(url, init);
  Reflect.set(req, CLIENT_ADDRESS, peer);
  return req;
}

describe('security headers (ASVS V3.4)', () => {
  it('give pages a CSP that allows exactly their inline scripts, no framing, no plugins, no <base>, and utf-8', async () => {
    const res = await site().request('/halls');
    const csp = res.headers.get('Content-Security-Policy')!;
    const hash = createHash('sha256').update(INLINE).digest('base64');
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('X-Frame-Options')).toBe('DENY');
    expect(res.headers.get('Strict-Transport-Security')).toBeNull();
    expect(await res.text()).toContain('展馆');
  });

  it('let only the embed page be framed, by anyone', async () => {
    for (const path of ['/halls/hengyun-bearing/embed', '/en/halls/hengyun-bearing/embed']) {
      const res = await site().request(path);
      expect(res.headers.get('Content-Security-Policy')).toContain('frame-ancestors *');
      expect(res.headers.get('X-Frame-Options')).toBeNull();
    }
    expect((await site().request('/halls/hengyun-bearing')).headers.get('Content-Security-Policy')).toContain("frame-ancestors 'none'");
  });

  it('add HSTS of at least a year in production, on the API as on pages', async () => {
    const prod = site({ production: true, publicUrl: 'https://halls.example.org' });
    for (const path of ['/', '/api/health']) {
      const hsts = (await prod.request(path)).headers.get('Strict-Transport-Security')!;
      expect(Number(/max-age=(\d+)/.exec(hsts)![1])).toBeGreaterThanOrEqual(365 * 24 * 3600);
    }
  });

  it('mark authenticated and token-bearing responses no-store', async () => {
    for (const path of ['/api/auth/me', '/api/portal/enterprises/1/hall', '/portal', '/leads/abcdefghijklmnopqrstuv', '/portal/invite/abcdefghijklmnopqrstuv']) {
      expect((await site().request(path)).headers.get('Cache-Control'), path).toBe('no-store');
    }
    expect((await site().request('/halls', { headers: { Cookie: 'qq_session=x' } })).headers.get('Cache-Control')).toBe('no-store');
    expect((await site().request('/halls')).headers.get('Cache-Control')).not.toBe('no-store');
  });
});

describe('methods', () => {
  it('answer 405 with Allow for methods a route does not take, never 500', async () => {
    const health = await site().request('/api/health', { method: 'DELETE' });
    expect(health.status).toBe(405);
    expect(health.headers.get('Allow')).toBe('GET, HEAD');
    expect((await health.json()).error.code).toBe('method_not_allowed');
    const page = await site().request('/', { method: 'PUT' });
    expect(page.status).toBe(405);
    expect(page.headers.get('Allow')).toBe('GET, HEAD, POST');
    expect((await site().request('/', { method: 'PROPFIND' })).status).toBe(405);
    expect((await site().request('/api/no-such-thing', { method: 'DELETE' })).status).toBe(404);
    expect(seen).toHaveLength(0);
  });
});

describe('bodies (ASVS V5.2.1)', () => {
  it('are refused by Content-Length before anything is read, per route class, and logged', async () => {
    const beacon = await site().request('/api/events', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'Content-Length': String(BODY_LIMITS.beacon + 1) },
      body: 'x'.repeat(BODY_LIMITS.beacon + 1),
    });
    expect(beacon.status).toBe(413);
    expect((await beacon.json()).error.code).toBe('body_too_large');
    expect(events).toContainEqual(expect.objectContaining({ type: 'body_too_large', route: 'POST /api/events' }));
  });

  it('are cut off while streaming when no length is declared', async () => {
    let sent = 0;
    const chunk = new Uint8Array(16 * 1024).fill(0x61);
    // An endless body: the server must stop reading at the limit, not at the end.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await site().request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(BODY_LIMITS.json + 4 * chunk.length);
  });

  it('give lead forms room for a CV and no more; other page posts get the small limit', async () => {
    const form = (size: number) => ({ method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=x', Origin: 'http://localhost' }, body: 'x'.repeat(size) });
    expect((await site().request('/jobs/7', form(BODY_LIMITS.leadForm - 1000))).status).toBe(200);
    expect((await site().request('/jobs/7', form(BODY_LIMITS.leadForm + 1))).status).toBe(413);
    expect((await site().request('/portal/login', form(BODY_LIMITS.json + 1))).status).toBe(413);
    expect(seen).toHaveLength(1);
  });
});

describe('behind a TLS proxy (ASVS V3, V4)', () => {
  const prod = { production: true, publicUrl: 'https://halls.example.org', trustProxy: ['loopback'] };

  it("put pages at PUBLIC_URL's origin, so the browser's https Origin matches Astro's check", async () => {
    await site(prod).fetch(fromSocket('http://127.0.0.1:4321/jobs/7?x=1', '127.0.0.1', { method: 'POST', headers: { Origin: 'https://halls.example.org' }, body: 'a=1' }));
    expect(seen[0]!.url).toBe('https://halls.example.org/jobs/7?x=1');
  });

  it('accept API state changes from the https origin and refuse, and log, other origins', async () => {
    const firm = await makeEnterprise(ctx.db);
    await makeUser(ctx.db, { enterpriseId: firm.id, email: 'proxy@example.org', password: 'correct horse battery' });
    const login = (origin: string) =>
      site(prod).fetch(
        fromSocket('http://127.0.0.1:4321/api/auth/login', '127.0.0.1', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: origin, 'X-Forwarded-For': '203.0.113.9' },
          body: JSON.stringify({ email: 'proxy@example.org', password: 'correct horse battery' }),
        }),
      );
    expect((await login('https://halls.example.org')).status).toBe(200);
    const evil = await login('https://evil.example');
    expect(evil.status).toBe(403);
    expect(events).toContainEqual(expect.objectContaining({ type: 'csrf_refused', ip: '203.0.113.9' }));
  });

  it('take the client address from X-Forwarded-For only when the peer is a trusted proxy', async () => {
    const xff = { headers: { 'X-Forwarded-For': '198.51.100.7, 203.0.113.9' } };
    await site(prod).fetch(fromSocket('http://127.0.0.1/', '127.0.0.1', xff));
    await site(prod).fetch(fromSocket('http://127.0.0.1/', '192.0.2.50', xff));
    await site({ ...prod, trustProxy: [] }).fetch(fromSocket('http://127.0.0.1/', '127.0.0.1', xff));
    expect(seen.map((s) => s.ip)).toEqual(['203.0.113.9', '192.0.2.50', '127.0.0.1']);
  });
});

describe('security events', () => {
  it('log every 429 the API answers, with the client address and route', async () => {
    // Unknown accounts, so only the per-address limit can stop the guessing.
    const app = site();
    const login = (i: number) =>
      app.fetch(
        fromSocket('http://localhost/api/auth/login', '192.0.2.99', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: 'http://localhost' },
          body: JSON.stringify({ email: `nobody${i}@example.org`, password: 'wrong password here' }),
        }),
      );
    let status = 0;
    for (let i = 0; i < 40 && status !== 429; i++) status = (await login(i)).status;
    expect(status).toBe(429);
    expect(events).toContainEqual(expect.objectContaining({ type: 'rate_limited', ip: '192.0.2.99', route: 'POST /api/auth/login' }));
  });
});

describe('page status', () => {
  it('applies the status a component recorded while the page rendered (site/lib/page-status.ts)', async () => {
    const notFoundPage: MiddlewareHandler = async (c) => {
      // As Astro's handler leaves it: its request state, whose locals the page's components share.
      c.set('fetchState' as never, { locals: { pageStatus: 404 } } as never);
      return c.html(PAGE);
    };
    const res = await createSitePipeline(ctx, notFoundPage).request('/admin/services/requests/999999');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('展馆');
    expect(res.headers.get('Content-Security-Policy')).toMatch(/script-src 'self' 'sha256-/);
    expect((await site().request('/halls')).status).toBe(200);
  });
});
