/**
 * Title rounds score the firm's pre-evaluation as one rubric indicator (`pre_evaluation`): its points come from the
 * stored pre-evaluation (api/admin/register/pre-evaluation, table pre_evaluations) of the latest fiscal year with
 * enough data under the rule set of the title recommended for — not from the experts, who see it as a fixed value. A
 * year the firm has not filed yet (verdict insufficient_data, total 0) is skipped, as the dossier skips it.
 */
import { and, desc, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { preEvaluations } from '../../db/schema/index.ts';
import type { Tier } from '../../domain/program.ts';

/** The rubric key whose score is the pre-evaluation's points. */
export const PRE_EVALUATION_KEY = 'pre_evaluation';

/** Rule sets per title, newest rules first (the 2026 rules replace the 2022 ones from 2026-04-01, shared ADMIN.md). */
const RULESETS_OF: Partial<Record<Tier, readonly string[]>> = {
  innovative: ['innovative-2022'],
  srdi: ['srdi-2026', 'srdi-2022'],
  little_giant: ['little-giant-2026'],
  gazelle: ['gazelle-sd-2020'],
};

/** The firm's pre-evaluation points (0–100) for a title, or null when the title has no rule set or the firm no result. */
export async function preEvaluationPoints(db: DbLike, enterpriseId: number, tier: Tier | null): Promise<number | null> {
  const rulesets = tier ? RULESETS_OF[tier] : undefined;
  if (!rulesets) return null;
  const rows = await db
    .select({ ruleset: preEvaluations.ruleset, total: preEvaluations.total, year: preEvaluations.fiscalYear })
    .from(preEvaluations)
    .where(and(eq(preEvaluations.enterpriseId, enterpriseId), inArray(preEvaluations.ruleset, [...rulesets]), isNotNull(preEvaluations.total), ne(preEvaluations.verdict, 'insufficient_data')))
    .orderBy(desc(preEvaluations.fiscalYear));
  for (const ruleset of rulesets) {
    const hit = rows.find((r) => r.ruleset === ruleset);
    if (hit) return Math.max(0, Math.min(100, hit.total!));
  }
  return null;
}
