import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../testing.ts';
import { demoFirms } from '../../../content/demo/firms.ts';
import { insertDemoFirm } from '../../../scripts/seed/insert.ts';
import { evaluateRelevance, type RelevanceOutcome } from './search-relevance.ts';

let ctx: TestContext;
let outcomes: RelevanceOutcome[];
beforeAll(async () => {
  ctx = await createTestContext();
  await ctx.db.transaction(async (tx) => {
    for (const [n, firm] of demoFirms.entries()) await insertDemoFirm(tx, firm, n, new Map(), new Date(), 'not-a-real-hash');
  });
  outcomes = await evaluateRelevance(ctx.db);
});
afterAll(() => ctx.cleanup());

describe('search relevance set (demo firms): every must-find firm is in the top 3', () => {
  it('has precision@3 = 1.0 on every row', () => {
    const misses = outcomes.filter((o) => o.rank === null).map((o) => `${o.kind} ${o.query} → ${o.top.join(', ') || '(none)'}`);
    expect(misses).toEqual([]);
    expect(outcomes.length).toBeGreaterThanOrEqual(45);
  });

  it('finds the issue’s examples first', () => {
    const rank = (q: string) => outcomes.find((o) => o.query === q)?.rank;
    for (const q of ['軸承', '東阿', '阿膠', '润华化工', 'zhoucheng', 'zc', 'Bearings', '精密 轴承 临清']) expect(rank(q), q).toBe(1);
  });

  it('says when results come from a looser match', () => {
    const loose = (q: string) => outcomes.find((o) => o.query === q)?.loose;
    expect(loose('润华化工')).toBe(true);
    expect(loose('润华精细化工')).toBe(false);
    // Plural and full-width forms meet the singular through normalisation, not through the fallback.
    expect(loose('Bearings')).toBe(false);
    expect(loose('ＢＥＡＲＩＮＧ')).toBe(false);
  });
});
