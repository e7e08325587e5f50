import { count } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { halls, hotspots, images, investmentProjects, jobs, leads, panoramaJobs, panoramas, productPhotos, products, scenes } from '../../db/schema/index.ts';
import { grantPanorama } from '../../media/panoramas.ts';
import { todayInChina } from '../../lib/dates.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, type TestContext } from '../../testing.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;

/** A firm with one of everything the portal edits. */
async function firmWithContent(tag: string) {
  const firm = await makeEnterprise(ctx.db);
  await makeUser(ctx.db, { enterpriseId: firm.id, email: `${tag}@example.org` });
  const [hall] = await ctx.db.insert(halls).values({ enterpriseId: firm.id, status: 'published' }).returning();
  const panoramaId = tag.padEnd(32, '0').replace(/[^a-f0-9]/g, 'a');
  await ctx.db.insert(panoramas).values({ id: panoramaId, sourceHash: 'x', faceSize: 512, placeholder: 'data:,', posterFile: 'poster.jpg', posterWidth: 2, posterHeight: 1, bytes: 1 });
  await grantPanorama(ctx.db, firm.id, panoramaId);
  const [scene] = await ctx.db.insert(scenes).values({ hallId: hall!.id, position: 0, title: '展厅', panoramaId }).returning();
  const [product] = await ctx.db.insert(products).values({ enterpriseId: firm.id, name: '产品' }).returning();
  await ctx.db.insert(images).values({ id: `img${tag}`, width: 640, height: 480, widths: [320, 640], bytes: 1 });
  const [photo] = await ctx.db.insert(productPhotos).values({ productId: product!.id, imageId: `img${tag}`, position: 0 }).returning();
  const [job] = await ctx.db.insert(jobs).values({ enterpriseId: firm.id, title: '岗位', validUntil: '2099-01-01' }).returning();
  const [project] = await ctx.db.insert(investmentProjects).values({ enterpriseId: firm.id, title: '项目', sector: '制造', cooperationMode: 'equity' }).returning();
  const [hotspot] = await ctx.db.insert(hotspots).values({ sceneId: scene!.id, kind: 'product', yaw: 0, pitch: 0, label: '产品', productId: product!.id }).returning();
  const [lead] = await ctx.db
    .insert(leads)
    .values({ enterpriseId: firm.id, kind: 'inquiry', contactName: '访客', message: '询价', consentAt: new Date(), consentVersion: '1' })
    .returning();
  const [job2] = await ctx.db.insert(panoramaJobs).values({ enterpriseId: firm.id, sourceHash: 'abc', sourceBytes: 1, status: 'done', panoramaId }).returning();
  return { firm, panoramaId, ids: { E: firm.id, S: scene!.id, P: product!.id, J: job!.id, R: project!.id, H: hotspot!.id, L: lead!.id, Q: job2!.id, F: photo!.id } };
}

type Ids = Awaited<ReturnType<typeof firmWithContent>>['ids'];

/** Every portal route with a body that passes validation, so only access decides the answer. */
const ROUTES: [string, string, ((ids: Ids, panoramaId: string) => unknown)?][] = [
  ['GET', '/portal/enterprises/{E}/profile'],
  ['PATCH', '/portal/enterprises/{E}/profile', () => ({ intro: '改' })],
  ['GET', '/portal/enterprises/{E}/profile/users'],
  ['GET', '/portal/enterprises/{E}/hall'],
  ['PATCH', '/portal/enterprises/{E}/hall', () => ({ tagline: '改' })],
  ['POST', '/portal/enterprises/{E}/hall/scenes', (_ids, panoramaId) => ({ panoramaId, title: '新场景' })],
  ['PUT', '/portal/enterprises/{E}/hall/scene-order', (ids) => ({ sceneIds: [ids.S] })],
  ['PATCH', '/portal/enterprises/{E}/hall/scenes/{S}', () => ({ title: '改' })],
  ['DELETE', '/portal/enterprises/{E}/hall/scenes/{S}'],
  ['POST', '/portal/enterprises/{E}/hall/scenes/{S}/hotspots', () => ({ kind: 'info', yaw: 0, pitch: 0, label: 'x', body: 'y' })],
  ['PATCH', '/portal/enterprises/{E}/hall/hotspots/{H}', () => ({ yaw: 10 })],
  ['DELETE', '/portal/enterprises/{E}/hall/hotspots/{H}'],
  ...(['products', 'jobs', 'projects'] as const).flatMap((kind): [string, string, ((ids: Ids) => unknown)?][] => {
    const id = { products: '{P}', jobs: '{J}', projects: '{R}' }[kind];
    const body = { products: { name: '新' }, jobs: { title: '新', validUntil: '2099-01-01' }, projects: { title: '新', sector: '制造', cooperationMode: 'equity' } }[kind];
    return [
      ['GET', `/portal/enterprises/{E}/${kind}`],
      ['POST', `/portal/enterprises/{E}/${kind}`, () => body],
      ['GET', `/portal/enterprises/{E}/${kind}/${id}`],
      ['PATCH', `/portal/enterprises/{E}/${kind}/${id}`, () => body],
      ['DELETE', `/portal/enterprises/{E}/${kind}/${id}`],
    ];
  }),
  ['GET', '/portal/enterprises/{E}/products/{P}/photos'],
  ['PATCH', '/portal/enterprises/{E}/products/{P}/photos/{F}', () => ({ alt: '正面' })],
  ['DELETE', '/portal/enterprises/{E}/products/{P}/photos/{F}'],
  ['GET', '/portal/enterprises/{E}/leads'],
  ['GET', '/portal/enterprises/{E}/leads/export?format=xlsx'],
  ['GET', '/portal/enterprises/{E}/leads/{L}'],
  ['PATCH', '/portal/enterprises/{E}/leads/{L}', () => ({ status: 'contacted' })],
  ['POST', '/portal/enterprises/{E}/leads/{L}/notes', () => ({ body: '已电话联系' })],
  ['GET', '/portal/enterprises/{E}/leads/{L}/cv'],
  ['GET', '/portal/enterprises/{E}/analytics'],
  ['GET', '/portal/enterprises/{E}/years'],
  ['PUT', `/portal/enterprises/{E}/years/${Number(todayInChina().slice(0, 4)) - 1}`, () => ({ revenue: 1200, rdSpend: 40 })],
  ['GET', '/portal/enterprises/{E}/pre-evaluation'],
  ['GET', '/panorama-jobs/{Q}'],
  ['GET', '/panorama-jobs/{Q}/events'],
];

const fill = (path: string, ids: Record<string, number>) => path.replace(/\{(\w)\}/g, (_, k: string) => String(ids[k]));

async function snapshot() {
  const tables = [halls, scenes, hotspots, products, productPhotos, jobs, investmentProjects, leads];
  return Promise.all(tables.map(async (t) => (await ctx.db.select({ n: count() }).from(t))[0]!.n));
}

beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterEach(() => ctx.cleanup());

describe('portal authorization', () => {
  it('refuses anonymous callers (401), other firms’ users (403), and other firms’ object ids (404) on every route', async () => {
    const a = await firmWithContent('aaaa');
    const b = await firmWithContent('bbbb');
    const alice = apiClient(api);
    await alice.call('POST', '/auth/login', { email: 'aaaa@example.org', password: 'correct horse battery' });
    const before = await snapshot();
    const failures: string[] = [];
    for (const [method, template, body] of ROUTES) {
      const payload = body?.(b.ids, b.panoramaId);
      const anonymous = await apiClient(api).call(method, fill(template, b.ids), payload);
      if (anonymous.status !== 401) failures.push(`anonymous ${method} ${template}: ${anonymous.status}`);
      const crossFirm = await alice.call(method, fill(template, b.ids), payload);
      if (crossFirm.status !== 403) failures.push(`firm A on B's ${method} ${template}: ${crossFirm.status}`);
      if (/\{[SHPJRLQF]\}/.test(template) && template.includes('{E}')) {
        // A's own enterprise in the path, B's object id: the object is not found.
        const mixed = await alice.call(method, fill(template, { ...b.ids, E: a.ids.E }), body?.(b.ids, b.panoramaId));
        if (mixed.status !== 404) failures.push(`firm A with B's id ${method} ${template}: ${mixed.status}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('lets a firm’s user do all of it on its own enterprise', async () => {
    const a = await firmWithContent('aaaa');
    const alice = apiClient(api);
    await alice.call('POST', '/auth/login', { email: 'aaaa@example.org', password: 'correct horse battery' });
    const allowed: string[] = [];
    for (const [method, template, body] of ROUTES) {
      if (template.endsWith('/cv') || template.endsWith('/events')) continue;
      // Deleting and reordering change what later routes see; they have tests of their own below.
      if (method === 'DELETE' || template.endsWith('/scene-order')) continue;
      const res = await alice.call(method, fill(template, a.ids), body?.(a.ids, a.panoramaId));
      if (res.status >= 400) allowed.push(`${method} ${template}: ${res.status} ${JSON.stringify(res.json)}`);
    }
    expect(allowed).toEqual([]);
  });
});

describe('hall editor', () => {
  it('builds a hall from an uploaded panorama, links hotspots only to the firm’s own things, and tells open viewers', async () => {
    const a = await firmWithContent('aaaa');
    const b = await firmWithContent('bbbb');
    const alice = apiClient(api);
    await alice.call('POST', '/auth/login', { email: 'aaaa@example.org', password: 'correct horse battery' });
    const changes: string[] = [];
    ctx.live.subscribe(a.ids.E, (change) => changes.push(change.what));
    const base = `/portal/enterprises/${a.ids.E}/hall`;

    const created = await alice.call('POST', `${base}/scenes`, { panoramaId: a.panoramaId, title: '研发中心' });
    expect(created.status).toBe(201);
    expect((await alice.call('POST', `${base}/scenes`, { panoramaId: b.panoramaId, title: '别人的' })).status).toBe(404);

    const spot = await alice.call('POST', `${base}/scenes/${created.json.id}/hotspots`, { kind: 'scene', yaw: 30, pitch: -10, label: '返回展厅', targetSceneId: a.ids.S });
    expect(spot.status).toBe(201);
    const foreignTarget = await alice.call('POST', `${base}/scenes/${created.json.id}/hotspots`, { kind: 'product', yaw: 0, pitch: 0, label: 'x', productId: b.ids.P });
    expect(foreignTarget.status).toBe(404);
    const noTarget = await alice.call('POST', `${base}/scenes/${created.json.id}/hotspots`, { kind: 'product', yaw: 0, pitch: 0, label: 'x' });
    expect(noTarget.status).toBe(400);
    expect((await alice.call('PATCH', `${base}/hotspots/${spot.json.id}`, { yaw: 45.5, pitch: -12 })).json).toMatchObject({ yaw: 45.5, pitch: -12 });
    // Where the link leaves the visitor looking in the target room; out-of-range angles are refused, null resets.
    const arrival = { targetYaw: -120, targetPitch: 8, targetFov: 70 };
    expect((await alice.call('PATCH', `${base}/hotspots/${spot.json.id}`, arrival)).json).toMatchObject(arrival);
    const wild = await alice.call('PATCH', `${base}/hotspots/${spot.json.id}`, { targetYaw: 500 });
    expect(wild.status).toBe(400);
    expect(wild.json.error.details).toEqual([expect.objectContaining({ path: 'targetYaw' })]);
    const reset = { targetYaw: null, targetPitch: null, targetFov: null };
    expect((await alice.call('PATCH', `${base}/hotspots/${spot.json.id}`, reset)).json).toMatchObject(reset);

    expect((await alice.call('PUT', `${base}/scene-order`, { sceneIds: [created.json.id, a.ids.S] })).status).toBe(200);
    expect((await alice.call('PUT', `${base}/scene-order`, { sceneIds: [created.json.id] })).status).toBe(400);
    const hall = await alice.call('GET', base);
    expect(hall.json.scenes.map((s: { title: string }) => s.title)).toEqual(['研发中心', '展厅']);
    expect(changes).toEqual(['scenes', 'hotspots', 'hotspots', 'hotspots', 'hotspots', 'scenes']);

    // Deleting a room and undoing it: the firm may show its panorama again.
    expect((await alice.call('DELETE', `${base}/scenes/${a.ids.S}`)).status).toBe(200);
    expect((await alice.call('POST', `${base}/scenes`, { panoramaId: a.panoramaId, title: '展厅' })).status).toBe(201);
  });

  it('lets the firm publish and unpublish its own hall, but not lift a suspension', async () => {
    const a = await firmWithContent('aaaa');
    const alice = apiClient(api);
    await alice.call('POST', '/auth/login', { email: 'aaaa@example.org', password: 'correct horse battery' });
    const base = `/portal/enterprises/${a.ids.E}/hall`;
    expect((await alice.call('PATCH', base, { status: 'draft' })).json).toMatchObject({ status: 'draft' });
    expect((await createApi(ctx).request('/halls/' + a.firm.slug)).status).toBe(404);
    expect((await alice.call('PATCH', base, { status: 'published' })).json).toMatchObject({ status: 'published' });
    expect((await alice.call('PATCH', base, { status: 'suspended' })).status).toBe(400);
    await ctx.db.update(halls).set({ status: 'suspended' });
    const lift = await alice.call('PATCH', base, { status: 'published' });
    expect(lift.status).toBe(403);
    expect(lift.json.error.message).toMatch(/暂停/);
  });
});

describe('listings', () => {
  it('keep markup as text, refuse script links, and check salary order', async () => {
    const a = await firmWithContent('aaaa');
    const alice = apiClient(api);
    await alice.call('POST', '/auth/login', { email: 'aaaa@example.org', password: 'correct horse battery' });
    const base = `/portal/enterprises/${a.ids.E}`;
    const xss = '<img src=x onerror=alert(1)>轴承';
    const product = await alice.call('POST', `${base}/products`, { name: xss, price: 12.5, purchaseUrl: 'https://shop.example.cn/1' });
    expect(product.json).toMatchObject({ name: xss, priceFen: 1250, enterpriseId: a.ids.E });
    const bad = await alice.call('POST', `${base}/products`, { name: 'x', purchaseUrl: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/http/);
    const smuggled = await alice.call('POST', `${base}/products`, { name: 'y', enterpriseId: 999 });
    expect(smuggled.json.enterpriseId).toBe(a.ids.E);
    const job = await alice.call('POST', `${base}/jobs`, { title: '焊工', validUntil: '2099-12-31', salaryMin: 9000, salaryMax: 6000 });
    expect(job.status).toBe(400);
    expect(job.json.error.message).toMatch(/最低薪资不能高于最高薪资/);
  });
});

describe('leads inbox', () => {
  it('exports CSV that spreadsheets read as Chinese text and never run, and a real XLSX', async () => {
    const a = await firmWithContent('aaaa');
    await ctx.db.insert(leads).values({ enterpriseId: a.ids.E, kind: 'investment', contactName: '=HYPERLINK("http://evil")', message: '投资意向，"请联系"', consentAt: new Date(), consentVersion: '1' });
    const alice = apiClient(api);
    await alice.call('POST', '/auth/login', { email: 'aaaa@example.org', password: 'correct horse battery' });
    const csv = await alice.call('GET', `/portal/enterprises/${a.ids.E}/leads/export?format=csv`);
    const raw = new Uint8Array(await csv.res.arrayBuffer());
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // byte-order mark: Excel then reads UTF-8
    const text = new TextDecoder().decode(raw);
    expect(text).toContain('"\'=HYPERLINK(""http://evil"")"');
    expect(text).toContain('"投资意向，""请联系"""');
    const xlsx = await alice.call('GET', `/portal/enterprises/${a.ids.E}/leads/export?format=xlsx`);
    const bytes = new Uint8Array(await xlsx.res.arrayBuffer());
    expect(String.fromCharCode(...bytes.subarray(0, 2))).toBe('PK');
  });

  it('moves a lead through the pipeline with notes and a colleague as assignee', async () => {
    const a = await firmWithContent('aaaa');
    const b = await firmWithContent('bbbb');
    const colleague = await makeUser(ctx.db, { enterpriseId: a.ids.E });
    const stranger = await makeUser(ctx.db, { enterpriseId: b.ids.E });
    const alice = apiClient(api);
    await alice.call('POST', '/auth/login', { email: 'aaaa@example.org', password: 'correct horse battery' });
    const lead = `/portal/enterprises/${a.ids.E}/leads/${a.ids.L}`;
    expect((await alice.call('PATCH', lead, { status: 'negotiating', assigneeUserId: colleague.id })).json).toMatchObject({ status: 'negotiating', assigneeUserId: colleague.id });
    expect((await alice.call('PATCH', lead, { assigneeUserId: stranger.id })).status).toBe(404);
    await alice.call('POST', `${lead}/notes`, { body: '已电话联系，约下周到厂参观' });
    const detail = await alice.call('GET', lead);
    expect(detail.json.notes.map((n: { body: string }) => n.body)).toEqual(['已电话联系，约下周到厂参观']);
    expect(detail.json).not.toHaveProperty('cvFile');
  });
});

describe('product photos', () => {
  it('become responsive WebP sizes and a JPEG card image, in order, and only for the firm’s own products', async () => {
    const sharp = (await import('sharp')).default;
    const a = await firmWithContent('aaaa');
    const b = await firmWithContent('bbbb');
    const alice = apiClient(api);
    await alice.call('POST', '/auth/login', { email: 'aaaa@example.org', password: 'correct horse battery' });
    const photo = await sharp({ create: { width: 2000, height: 1500, channels: 3, background: '#1e5aa8' } }).jpeg().toBuffer();
    const upload = (productId: number, bytes: Uint8Array) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)]), 'bearing.jpg');
      return api.request(`/portal/enterprises/${a.ids.E}/products/${productId}/photos`, {
        method: 'POST',
        body: form,
        headers: { Cookie: alice.cookie, 'X-CSRF-Token': alice.csrf },
      });
    };
    const res = await upload(a.ids.P, photo);
    expect(res.status).toBe(201);
    const view = await res.json();
    expect(view.srcset.split(', ').map((s: string) => s.split(' ')[1])).toEqual(['320w', '640w', '1280w']);
    const { readdir } = await import('node:fs/promises');
    const { join } = await import('node:path');
    expect((await readdir(join(ctx.mediaDir, 'images', view.imageId))).sort()).toEqual(['w1280.webp', 'w320.webp', 'w640.jpg', 'w640.webp']);

    expect((await upload(b.ids.P, photo)).status).toBe(404);
    const notImage = await upload(a.ids.P, new TextEncoder().encode('MZ executable pretending to be a photo'.repeat(30)));
    expect(notImage.status).toBe(415);
    const list = await alice.call('GET', `/portal/enterprises/${a.ids.E}/products/${a.ids.P}/photos`);
    expect(list.json.map((p: { id: number }) => p.id)).toEqual([a.ids.F, view.id]);
    expect((await alice.call('DELETE', `/portal/enterprises/${a.ids.E}/products/${a.ids.P}/photos/${view.id}`)).status).toBe(200);
  });
});
