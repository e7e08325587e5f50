import { asc, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enterpriseYears } from '../../../db/schema/index.ts';
import { createTestContext, makeEnterprise, type TestContext } from '../../../testing.ts';
import { insertReturning, JSON_INSERT_CHUNK } from './bulk.ts';

let ctx: TestContext;
beforeEach(async () => {
  ctx = await createTestContext();
});
afterEach(() => ctx.cleanup());

describe('insertReturning', () => {
  it('returns each new record in the order given, across chunks, with values mapped as drizzle maps them', async () => {
    const firms = await Promise.all([1, 2, 3].map(() => makeEnterprise(ctx.db)));
    const count = JSON_INSERT_CHUNK * 2 + 7;
    // Firm and year vary so every row is identifiable; some rows give a boolean, a JSON column and a real, some not.
    const values = Array.from({ length: count }, (_, i) => ({
      enterpriseId: firms[i % 3]!.id,
      fiscalYear: 1000 + i,
      ...(i % 2 === 0 ? { revenue: i + 0.5, ownBrand: i % 4 === 0, sources: { revenue: { source: 'import' as const, userId: 1, at: '2026-01-01T00:00:00.000Z' } } } : {}),
    }));
    const made = await ctx.db.transaction((tx) => insertReturning(tx, enterpriseYears, values));
    expect(made).toHaveLength(count);
    const stored = await ctx.db.select().from(enterpriseYears).where(inArray(enterpriseYears.id, made.map((m) => m.id))).orderBy(asc(enterpriseYears.id));
    const byId = new Map(stored.map((s) => [s.id, s]));
    made.forEach(({ id, version }, i) => {
      const row = byId.get(id)!;
      expect(version).toBe(1);
      expect([row.enterpriseId, row.fiscalYear]).toEqual([firms[i % 3]!.id, 1000 + i]);
      expect(row.revenue).toBe(i % 2 === 0 ? i + 0.5 : null);
      expect(row.ownBrand).toBe(i % 2 === 0 ? i % 4 === 0 : null);
      expect(row.sources).toEqual(i % 2 === 0 ? { revenue: { source: 'import', userId: 1, at: '2026-01-01T00:00:00.000Z' } } : {});
      expect(row.createdAt).toBeInstanceOf(Date);
      expect(Math.abs(row.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    });
  });

  it('writes nothing of a chunk that breaks a constraint', async () => {
    const firm = await makeEnterprise(ctx.db);
    const twice = [{ enterpriseId: firm.id, fiscalYear: 2024 }, { enterpriseId: firm.id, fiscalYear: 2024 }];
    await expect(ctx.db.transaction((tx) => insertReturning(tx, enterpriseYears, twice))).rejects.toThrow();
    expect(await ctx.db.select().from(enterpriseYears)).toHaveLength(0);
  });
});
