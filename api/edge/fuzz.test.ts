/**
 * Every API route, taken from the Hono app itself (so routes others add later are fuzzed too), called with bad
 * bodies and queries as a firm user and as an admin-role user: nothing may answer 5xx (ASVS V2).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../app.ts';
import { createSession } from '../auth/sessions.ts';
import { hotspots, images, investmentProjects, jobs, leads, panoramaJobs, panoramas, productPhotos, products, scenes, halls } from '../db/schema/index.ts';
import { setSecuritySink } from '../lib/security-log.ts';
import { grantPanorama } from '../media/panoramas.ts';
import { createTestContext, makeEnterprise, makeUser, type TestContext } from '../testing.ts';

let ctx: TestContext;
let restoreSink: (line: string) => void;
const ids: Record<string, number> = {};

/** A firm with one of everything the portal edits, so handlers run past their lookups. */
async function firmWithContent() {
  const firm = await makeEnterprise(ctx.db, { slug: 'fuzz-firm' });
  const [hall] = await ctx.db.insert(halls).values({ enterpriseId: firm.id, status: 'published' }).returning();
  const panoramaId = 'f'.repeat(32);
  await ctx.db.insert(panoramas).values({ id: panoramaId, sourceHash: 'x', faceSize: 512, placeholder: 'data:,', posterFile: 'poster.jpg', posterWidth: 2, posterHeight: 1, bytes: 1 });
  await grantPanorama(ctx.db, firm.id, panoramaId);
  const [scene] = await ctx.db.insert(scenes).values({ hallId: hall!.id, position: 0, title: '展厅', panoramaId }).returning();
  const [product] = await ctx.db.insert(products).values({ enterpriseId: firm.id, name: '产品' }).returning();
  await ctx.db.insert(images).values({ id: 'imgfuzz', width: 640, height: 480, widths: [320, 640], bytes: 1 });
  const [photo] = await ctx.db.insert(productPhotos).values({ productId: product!.id, imageId: 'imgfuzz', position: 0 }).returning();
  const [job] = await ctx.db.insert(jobs).values({ enterpriseId: firm.id, title: '岗位', validUntil: '2099-01-01' }).returning();
  const [project] = await ctx.db.insert(investmentProjects).values({ enterpriseId: firm.id, title: '项目', sector: '制造', cooperationMode: 'equity' }).returning();
  const [hotspot] = await ctx.db.insert(hotspots).values({ sceneId: scene!.id, kind: 'product', yaw: 0, pitch: 0, label: '产品', productId: product!.id }).returning();
  const [lead] = await ctx.db
    .insert(leads)
    .values({ enterpriseId: firm.id, kind: 'inquiry', contactName: '访客', message: '询价', consentAt: new Date(), consentVersion: '1' })
    .returning();
  const [panoJob] = await ctx.db.insert(panoramaJobs).values({ enterpriseId: firm.id, sourceHash: 'abc', sourceBytes: 1, status: 'done', panoramaId }).returning();
  Object.assign(ids, { enterpriseId: firm.id, sceneId: scene!.id, hotspotId: hotspot!.id, productId: product!.id, photoId: photo!.id, leadId: lead!.id, panoramaJob: panoJob!.id, job: job!.id, project: project!.id });
  return firm;
}

/** A concrete path for a route pattern: real ids of the fuzz firm, so handlers get past their lookups. */
function concrete(path: string): string {
  const parts = path.split('/');
  return parts
    .map((part, i) => {
      if (!part.startsWith(':')) return part;
      const name = part.slice(1).replace(/\{.*\}$/, '');
      const previous = parts[i - 1];
      if (name === 'id') return String(previous === 'jobs' ? ids.job : previous === 'projects' ? ids.project : ids.productId);
      if (name === 'jobId') return String(previous === 'panorama-jobs' ? ids.panoramaJob : ids.job);
      if (name === 'slug') return 'fuzz-firm-missing';
      if (name === 'token') return 'A'.repeat(32);
      return String(ids[name] ?? 1);
    })
    .join('/');
}

const LONG = '长'.repeat(20_000);
const NUL = 'a\u0000b\u001b[31m';
const COMMON_FIELDS = ['name', 'title', 'label', 'tagline', 'intro', 'status', 'email', 'password', 'kind', 'yaw', 'salaryMin', 'sceneIds', 'body', 'alt', 'displayName'];
const bag = (value: unknown) => Object.fromEntries(COMMON_FIELDS.map((k) => [k, value]));

/** The bad inputs each route gets: [label, body or undefined, extra query]. */
const CASES: [string, string | undefined, string][] = [
  ['no body', undefined, ''],
  ['empty object', '{}', ''],
  ['unknown fields only', JSON.stringify({ zzUnknown: 1, __proto__x: 'y' }), ''],
  ['wrong types (numbers)', JSON.stringify(bag(12345)), ''],
  ['wrong types (objects)', JSON.stringify(bag({ nested: [1] })), ''],
  ['wrong types (null)', JSON.stringify(bag(null)), ''],
  ['an array', '[1,2,3]', ''],
  ['not JSON', '{"title": ', ''],
  ['control characters', JSON.stringify(bag(NUL)), '?q=abc%00&status=%1b&page=%00'],
  ['over-long fields', JSON.stringify(bag(LONG)), `?q=${'x'.repeat(5_000)}&page=99999999999999999999`],
  ['over-long body', JSON.stringify({ title: 'x'.repeat(200_000) }), ''],
];

beforeEach(async () => {
  ctx = await createTestContext();
  restoreSink = setSecuritySink(() => undefined);
});
afterEach(async () => {
  setSecuritySink(restoreSink);
  await ctx.cleanup();
});

describe('fuzzing every API route', () => {
  it('finds the routes in the app itself', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(30);
    expect(routes).toContainEqual({ method: 'PATCH', path: '/portal/enterprises/:enterpriseId/hall/scenes/:sceneId' });
  });

  it.each(['enterprise', 'admin'] as const)('never answers 5xx to bad input, as a %s user', async (role) => {
    const firm = await firmWithContent();
    const user = await makeUser(ctx.db, role === 'enterprise' ? { enterpriseId: firm.id } : { role: 'admin', totp: true });
    const api = createApi(ctx);
    const failures: string[] = [];
    let calls = 0;
    // Deleting routes and sign-out run last, so the others meet live objects and a live session.
    const last = (r: { method: string; path: string }) => r.method === 'DELETE' || r.path.startsWith('/auth/logout');
    const routes = [...apiRoutes().filter((r) => !last(r)), ...apiRoutes().filter(last)];
    for (const route of routes) {
      for (const [label, body, query] of CASES) {
        const { token, session } = await createSession(ctx.db, user, 'fuzz');
        const hasBody = body !== undefined && route.method !== 'GET' && route.method !== 'HEAD';
        const res = await api.request(concrete(route.path) + query, {
          method: route.method,
          headers: {
            Cookie: `qq_session=${token}`,
            'X-CSRF-Token': session.csrfToken,
            ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
          },
          body: hasBody ? body : undefined,
        });
        await res.body?.cancel();
        if (res.status >= 500) failures.push(`${route.method} ${route.path} with ${label} → ${res.status}`);
        calls += 1;
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBe(routes.length * CASES.length);
  });
});

/** The API's own routes (method + path), middleware and catch-alls left out. */
function apiRoutes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  return createApi(ctx)
    .routes.filter((r) => r.method !== 'ALL' && !r.path.endsWith('*'))
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`) !== undefined);
}
