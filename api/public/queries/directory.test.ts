import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, makeHall, type TestContext } from '../../testing.ts';
import { jobs, products, tierRecognitions } from '../../db/schema/index.ts';
import { listJobs, listProducts } from './boards.ts';
import { searchDirectory } from './directory.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

const names = async (q: string, extra = {}) =>
  (await searchDirectory(ctx.db, { q, ...extra }, { offset: 0, limit: 50 })).items.map((c) => c.name);

describe('directory search (Chinese full text)', () => {
  beforeEach(async () => {
    const a = await makeHall(ctx.db, 'published', { name: '临清精密轴承有限公司', intro: '专业生产深沟球轴承。', county: 'linqing' });
    const b = await makeHall(ctx.db, 'published', { name: '东阿本草药业有限公司', intro: '阿胶与中药饮片。', industry: 'ejiao_tcm' });
    const c = await makeHall(ctx.db, 'published', { name: '阳谷电缆有限公司', industry: 'cables', county: 'yanggu' });
    await makeHall(ctx.db, 'draft', { name: '未发布轴承厂' });
    await ctx.db.insert(products).values([
      { enterpriseId: c.enterprise.id, name: '矿用电缆', summary: '适用于轴承生产线供电' },
      { enterpriseId: b.enterprise.id, name: '阿胶糕', summary: '礼盒装', status: 'draft' },
    ]);
    await ctx.db.insert(tierRecognitions).values({ enterpriseId: a.enterprise.id, tier: 'srdi', level: 'provincial', year: 2024, verified: true });
  });

  it('finds two-character queries such as 轴承, own name first, never a draft hall', async () => {
    expect(await names('轴承')).toEqual(['临清精密轴承有限公司', '阳谷电缆有限公司']);
  });

  it('finds three-character and longer terms through the trigram index', async () => {
    expect(await names('深沟球')).toEqual(['临清精密轴承有限公司']);
    expect(await names('矿用电缆')).toEqual(['阳谷电缆有限公司']);
  });

  it('ignores listings that are not published: a draft 阿胶糕 is no exact match, only the intro’s 阿胶 comes near', async () => {
    const found = await searchDirectory(ctx.db, { q: '阿胶糕' }, { offset: 0, limit: 50 });
    expect(found.loose).toBe(true);
    expect(found.items.map((c) => [c.name, c.near])).toEqual([['东阿本草药业有限公司', true]]);
  });

  it('combines terms, filters and tier', async () => {
    // One exact match is few: near matches (any of the words) follow it, marked as such.
    const both = await searchDirectory(ctx.db, { q: '轴承 临清' }, { offset: 0, limit: 50 });
    expect(both.items.map((c) => [c.name, c.near])).toEqual([['临清精密轴承有限公司', false], ['阳谷电缆有限公司', true]]);
    expect(both.loose).toBe(false);
    expect(await names('轴承', { tier: 'srdi' })).toEqual(['临清精密轴承有限公司']);
    expect(await names('轴承', { county: 'yanggu' })).toEqual(['阳谷电缆有限公司']);
  });

  it('treats quotes, operators and LIKE wildcards as text', async () => {
    expect(await names('"轴承"*')).toEqual(['临清精密轴承有限公司', '阳谷电缆有限公司']);
    expect(await names('%')).toEqual([]);
    expect(await names('_')).toEqual([]);
  });

  it('counts open listings on the cards', async () => {
    const all = await searchDirectory(ctx.db, {}, { offset: 0, limit: 10 });
    expect(all.total).toBe(3);
    expect(all.items.find((c) => c.name === '阳谷电缆有限公司')?.counts).toEqual({ products: 1, jobs: 0, projects: 0 });
  });
});

describe('boards', () => {
  it('lists open jobs by salary and full text, and products by query', async () => {
    const { enterprise } = await makeHall(ctx.db);
    await ctx.db.insert(jobs).values([
      { enterpriseId: enterprise.id, title: '数控车工', salaryMin: 5000, salaryMax: 8000, validUntil: '2999-01-01' },
      { enterpriseId: enterprise.id, title: '质检员', salaryMin: 3000, salaryMax: 4000, validUntil: '2999-01-01' },
      { enterpriseId: enterprise.id, title: '过期岗位', validUntil: '2000-01-01' },
    ]);
    await ctx.db.insert(products).values({ enterpriseId: enterprise.id, name: '圆锥滚子轴承' });
    expect((await listJobs(ctx.db, {}, { offset: 0, limit: 10 })).total).toBe(2);
    expect((await listJobs(ctx.db, { salaryMin: 6000 }, { offset: 0, limit: 10 })).items.map((r) => r.job.title)).toEqual(['数控车工']);
    expect((await listJobs(ctx.db, { q: '车工' }, { offset: 0, limit: 10 })).items.map((r) => r.job.title)).toEqual(['数控车工']);
    expect((await listProducts(ctx.db, { q: '滚子' }, { offset: 0, limit: 10 })).total).toBe(1);
  });
});

describe('why a hall matched', () => {
  it('names the best-matching published listing of each firm found through its listings', async () => {
    const { enterprise } = await makeHall(ctx.db, 'published', { name: '阳谷线缆有限公司', industry: 'cables' });
    await ctx.db.insert(products).values([
      { enterpriseId: enterprise.id, name: '矿用轴承电缆', nameEn: 'Mining cable' },
      { enterpriseId: enterprise.id, name: '轴承草稿', status: 'draft' },
    ]);
    const [card] = (await searchDirectory(ctx.db, { q: '轴承' }, { offset: 0, limit: 5 })).items;
    expect(card?.matched).toMatchObject({ kind: 'product', title: '矿用轴承电缆', titleEn: 'Mining cable' });
  });
});
