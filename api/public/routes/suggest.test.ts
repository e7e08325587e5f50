import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { createTestContext, makeEnterprise, makeHall, type TestContext } from '../../testing.ts';
import { products } from '../../db/schema/index.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

const get = (q: string) => createApi(ctx).request(`/suggest?q=${encodeURIComponent(q)}`);

it('suggests published firms and their products as people type, in traditional characters or pinyin too', async () => {
  const { enterprise } = await makeHall(ctx.db, 'published', { name: '临清恒运精密轴承有限公司', slug: 'hengyun' });
  await ctx.db.insert(products).values([
    { enterpriseId: enterprise.id, name: '双列圆锥滚子轴承' },
    { enterpriseId: enterprise.id, name: '草稿轴承', status: 'draft' },
  ]);
  await makeHall(ctx.db, 'draft', { name: '未发布轴承厂' });
  await makeEnterprise(ctx.db, { name: '没有展馆的轴承公司' });
  for (const q of ['轴承', '軸承', 'zhoucheng']) {
    const res = await get(q);
    expect(res.status).toBe(200);
    expect((await res.json()).items).toEqual([
      { kind: 'firm', label: '临清恒运精密轴承有限公司', labelEn: null, path: '/halls/hengyun' },
      { kind: 'product', label: '双列圆锥滚子轴承', labelEn: null, path: expect.stringMatching(/^\/products\/\d+$/) },
    ]);
  }
});

it('answers an over-long or empty query with a clear 400, never a 500', async () => {
  const long = await get('轴'.repeat(600));
  expect(long.status).toBe(400);
  expect(await long.json()).toEqual({ error: { code: 'query_too_long', message: '搜索词太长：最多 100 个字', messageEn: 'The search is too long: at most 100 characters' } });
  const empty = await get('   ');
  expect(empty.status).toBe(400);
  expect((await empty.json()).error.code).toBe('query_empty');
  expect((await get('%*"')).status).toBe(200);
});
