import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preEvaluations, selectionApplications, selectionReviews } from '../../db/schema/index.ts';
import { createTestContext, makeEnterprise, type TestContext } from '../../testing.ts';
import { makeApplication, makeExpert, makeRound } from './factories.ts';
import { reviewTask, submitReview } from './reviews.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.cleanup());

describe('a title round scores the pre-evaluation from the register', () => {
  it('takes the points of the newest rule set for the title, whatever the expert sends', async () => {
    const round = await makeRound(ctx.db, { kind: 'title', tier: 'srdi', level: 'provincial' });
    const firm = await makeEnterprise(ctx.db);
    await ctx.db.insert(preEvaluations).values([
      { enterpriseId: firm.id, fiscalYear: 2025, ruleset: 'srdi-2022', verdict: 'likely', prerequisitesMet: true, total: 90, computedAt: new Date() },
      { enterpriseId: firm.id, fiscalYear: 2025, ruleset: 'srdi-2026', verdict: 'likely', prerequisitesMet: true, total: 70, computedAt: new Date() },
      // A year not yet filed is skipped, not scored 0.
      { enterpriseId: firm.id, fiscalYear: 2026, ruleset: 'srdi-2026', verdict: 'insufficient_data', prerequisitesMet: false, total: 0, computedAt: new Date() },
    ]);
    const app = await makeApplication(ctx.db, round, firm, 'expert_review');
    const { expert } = await makeExpert(ctx.db);
    const [review] = await ctx.db.insert(selectionReviews).values({ applicationId: app.id, expertId: expert.id }).returning();
    expect((await reviewTask(ctx.db, expert.id, review!.id)).fixedScores).toEqual({ pre_evaluation: 70 });
    // 60 % × 70 + 20 % × 80 + 20 % × 90 = 42 + 16 + 18
    const { total } = await submitReview(ctx.db, expert.id, review!.id, { scores: { pre_evaluation: 100, material: 80, prospects: 90 }, comment: '' });
    expect(total).toBe(76);
    const [after] = await ctx.db.select().from(selectionApplications).where(eq(selectionApplications.id, app.id));
    expect(after!.score).toBe(76);
  });
});
