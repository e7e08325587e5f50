import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestContext, makeEnterprise, makeHall, type TestContext } from '../../testing.ts';
import { enterprises, products } from '../schema/index.ts';
import { searchDirectory } from '../../public/queries/directory.ts';
import { matchEnterprises } from './search.ts';
import { refreshSearchIndex } from './search-index.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

const ids = async (q: string) => (await matchEnterprises(ctx.db, q))?.ids ?? [];

describe('the normalised search index stays consistent with edits', () => {
  it('follows a rename: the new name (and its pinyin) is found, the old one is not', async () => {
    const firm = await makeEnterprise(ctx.db, { name: '聊城恒运轴承有限公司' });
    expect(await ids('恒运')).toEqual([firm.id]);
    await ctx.db.update(enterprises).set({ name: '聊城鑫源铝业有限公司' }).where(eq(enterprises.id, firm.id));
    expect(await ids('恒运')).toEqual([]);
    expect(await ids('鑫源')).toEqual([firm.id]);
    expect(await ids('xinyuan')).toEqual([firm.id]);
  });

  it('records the change in the editing transaction, and a rolled-back edit leaves no trace', async () => {
    const firm = await makeEnterprise(ctx.db, { name: '聊城恒运轴承有限公司' });
    await refreshSearchIndex(ctx.db);
    let pendingInside: number[] = [];
    await ctx.db
      .transaction(async (tx) => {
        await tx.update(enterprises).set({ name: '回滚测试有限公司' }).where(eq(enterprises.id, firm.id));
        const pending = await tx.all<{ doc: number }>(sql`SELECT doc FROM search_pending`);
        pendingInside = pending.map((p) => Number(p.doc));
        tx.rollback();
      })
      .catch(() => undefined);
    expect(pendingInside).toEqual([firm.id * 4]);
    expect(await ctx.db.all(sql`SELECT doc FROM search_pending`)).toEqual([]);
    expect(await ids('回滚')).toEqual([]);
    expect(await ids('恒运')).toEqual([firm.id]);
  });

  it('drops deleted listings (their documents leave the index; the published probe would hide them anyway)', async () => {
    const { enterprise } = await makeHall(ctx.db, 'published', { name: '阳谷电缆有限公司' });
    const [p] = await ctx.db.insert(products).values({ enterpriseId: enterprise.id, name: '光伏直流线' }).returning();
    expect(await ids('光伏')).toEqual([enterprise.id]);
    await ctx.db.delete(products).where(eq(products.id, p!.id));
    expect(await ids('光伏')).toEqual([]);
  });

  it('indexes every firm: the register finds one without a hall, the public directory does not', async () => {
    const registered = await makeEnterprise(ctx.db, { name: '冠县无展馆纺织有限公司' });
    expect(await ids('纺织')).toEqual([registered.id]);
    expect((await searchDirectory(ctx.db, { q: '纺织' }, { offset: 0, limit: 10 })).total).toBe(0);
  });

  it('gives null for an empty query and nothing for one without letters or digits', async () => {
    await makeEnterprise(ctx.db);
    expect(await matchEnterprises(ctx.db, '  ')).toBeNull();
    expect(await matchEnterprises(ctx.db, '%*"')).toEqual({ ids: [], loose: false });
  });
});
