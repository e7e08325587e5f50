import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { cohorts, cohortSelections } from '../../db/schema/index.ts';
import { createTestContext, makeHall, type TestContext } from '../../testing.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

describe('GET /api/halls', () => {
  it('lists published halls with slug, URL, and Chinese names intact', async () => {
    await makeHall(ctx.db, 'published', { name: '临清恒运精密轴承有限公司', slug: 'hengyun', county: 'linqing' });
    await makeHall(ctx.db, 'draft', { name: '草稿企业', slug: 'draft-firm' });
    const res = await createApi(ctx).request('/halls');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      slug: 'hengyun',
      url: '/halls/hengyun',
      name: '临清恒运精密轴承有限公司',
      county: { code: 'linqing', zh: '临清市' },
      industry: { code: 'bearings', zh: '轴承' },
    });
  });

  it('filters by county, industry and cohort year, and pages', async () => {
    const a = await makeHall(ctx.db, 'published', { county: 'linqing', industry: 'bearings' });
    await makeHall(ctx.db, 'published', { county: 'chiping', industry: 'aluminium' });
    await makeHall(ctx.db, 'published', { county: 'chiping', industry: 'bearings' });
    const [cohort] = await ctx.db.insert(cohorts).values({ year: 2025, title: '2025' }).returning();
    await ctx.db.insert(cohortSelections).values({ cohortId: cohort!.id, enterpriseId: a.enterprise.id });
    const api = createApi(ctx);
    const get = async (q: string) => (await (await api.request(`/halls?${q}`)).json()) as { total: number; items: unknown[] };
    expect((await get('county=chiping')).total).toBe(2);
    expect((await get('county=chiping&industry=bearings')).total).toBe(1);
    expect((await get('year=2025')).items).toHaveLength(1);
    const page2 = await get('pageSize=2&page=2');
    expect(page2.total).toBe(3);
    expect(page2.items).toHaveLength(1);
  });

  it('answers bad query parameters with one readable error in Chinese and English', async () => {
    const res = await createApi(ctx).request('/halls?county=atlantis');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.message).toMatch(/输入有误.*county/);
    expect(body.error.messageEn).toMatch(/Invalid input: county/);
  });
});

describe('API errors', () => {
  it('answers unknown API paths with the JSON error shape, not a page', async () => {
    const res = await createApi(ctx).request('/no-such-thing');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: '找不到该资源', messageEn: 'Not found' } });
  });
});

describe('GET /api/halls/:slug', () => {
  it('gives the viewer data of a published hall and 404 for drafts and unknown slugs', async () => {
    await makeHall(ctx.db, 'published', { slug: 'open-hall' });
    await makeHall(ctx.db, 'draft', { slug: 'draft-hall' });
    const api = createApi(ctx);
    const open = await api.request('/halls/open-hall');
    expect(open.status).toBe(200);
    expect(await open.json()).toMatchObject({ slug: 'open-hall', scenes: [] });
    expect((await api.request('/halls/draft-hall')).status).toBe(404);
    expect((await api.request('/halls/no-such-hall')).status).toBe(404);
    expect((await api.request('/halls/no-such-hall/live')).status).toBe(404);
  });
});
