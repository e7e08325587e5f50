import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { createSitePipeline } from '../../edge/pipeline.ts';
import { hotspots, halls, jobs, panoramas, scenes } from '../../db/schema/index.ts';
import { planSearch } from '../../db/queries/search.ts';
import { grantPanorama } from '../../media/panoramas.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, type TestContext } from '../../testing.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

async function signedInFirm() {
  const firm = await makeEnterprise(ctx.db);
  await makeUser(ctx.db, { enterpriseId: firm.id, email: 'edge@example.org', password: 'correct horse battery' });
  const browser = apiClient(createApi(ctx));
  expect((await browser.call('POST', '/auth/login', { email: 'edge@example.org', password: 'correct horse battery' })).status).toBe(200);
  return { firm, browser, base: `/portal/enterprises/${firm.id}` };
}

describe('PATCH validates the record after merging (ASVS V2)', () => {
  it('refuses a minimum salary above the stored maximum, sent in separate PATCHes', async () => {
    const { firm, browser, base } = await signedInFirm();
    const [job] = await ctx.db.insert(jobs).values({ enterpriseId: firm.id, title: '装配技工', validUntil: '2099-01-01' }).returning();
    expect((await browser.call('PATCH', `${base}/jobs/${job!.id}`, { salaryMax: 6000 })).status).toBe(200);
    const refused = await browser.call('PATCH', `${base}/jobs/${job!.id}`, { salaryMin: 9000 });
    expect(refused.status).toBe(400);
    expect(refused.json.error.messageEn).toContain('minimum salary above maximum');
    expect((await browser.call('GET', `${base}/jobs/${job!.id}`)).json).toMatchObject({ salaryMin: null, salaryMax: 6000 });
  });

  it('refuses clearing the target a hotspot kind needs', async () => {
    const { firm, browser, base } = await signedInFirm();
    const [hall] = await ctx.db.insert(halls).values({ enterpriseId: firm.id }).returning();
    await ctx.db.insert(panoramas).values({ id: 'e'.repeat(32), sourceHash: 'x', faceSize: 512, placeholder: 'data:,', posterFile: 'p.jpg', posterWidth: 2, posterHeight: 1, bytes: 1 });
    await grantPanorama(ctx.db, firm.id, 'e'.repeat(32));
    const [scene] = await ctx.db.insert(scenes).values({ hallId: hall!.id, position: 0, title: '展厅', panoramaId: 'e'.repeat(32) }).returning();
    const [info] = await ctx.db.insert(hotspots).values({ sceneId: scene!.id, kind: 'info', yaw: 0, pitch: 0, label: '简介', body: '始建于 1998 年' }).returning();
    expect((await browser.call('PATCH', `${base}/hall/hotspots/${info!.id}`, { body: '' })).status).toBe(400);
  });

  it('answers {} and unknown-only PATCHes with 400, and stores null when a field is cleared', async () => {
    const { browser, base } = await signedInFirm();
    for (const body of [{}, { unknownField: 'x' }]) {
      const res = await browser.call('PATCH', `${base}/profile`, body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('nothing_to_change');
    }
    expect((await browser.call('PATCH', `${base}/profile`, { nameEn: 'Fuhai Cable', website: 'https://fuhai.example' })).status).toBe(200);
    const cleared = await browser.call('PATCH', `${base}/profile`, { nameEn: '   ', website: '' });
    expect(cleared.json).toMatchObject({ nameEn: null, website: null });
  });
});

describe('control characters (ASVS V2)', () => {
  it('are refused in every validated text input, with the field named', async () => {
    const { browser, base } = await signedInFirm();
    const res = await browser.call('POST', `${base}/products`, { name: '轴承\u0000', summary: 'ok' });
    expect(res.status).toBe(400);
    expect(res.json.error.details[0].path).toBe('name');
    expect((await browser.call('GET', `${base}/leads?status=new%00`)).status).toBe(400);
  });

  it('in a search term give a 400 page, never a 500, and never reach full-text search', async () => {
    const res = await createSitePipeline(ctx, async (c) => c.html('<p>directory</p>')).request('/halls?q=abc%00', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    // The body really is what Content-Encoding says it is.
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toContain('链接中含有无效字符');
    // Control characters never reach FTS5: the query splits on them like on a space.
    expect(planSearch('abc\u0000def')?.strict).toBe(planSearch('abc def')?.strict);
  });
});
