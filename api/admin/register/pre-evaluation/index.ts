/**
 * The pre-evaluation (预评估) rule sets: pure, table-driven estimates of a firm's standing against the published
 * criteria, each citing its source and rule version. No database, no HTTP: the caller reads the firm, its yearly data
 * and its titles, and passes them in (see `PreEvaluationInput`).
 */
import { AppError } from '../../../lib/errors.ts';
import { gazelleSd2020 } from './gazelle-sd-2020.ts';
import { innovative2022 } from './innovative-2022.ts';
import { littleGiant2026 } from './little-giant-2026.ts';
import { srdi2022 } from './srdi-2022.ts';
import { srdi2026 } from './srdi-2026.ts';
import { RULESET_IDS, type PreEvaluation, type PreEvaluationInput, type RuleSet, type RulesetId } from './types.ts';

export type * from './types.ts';
export { RULESET_IDS };

/** Every rule set, in the order of the cultivation gradient. */
export const RULESETS: readonly RuleSet[] = [innovative2022, srdi2022, srdi2026, littleGiant2026, gazelleSd2020];

const BY_ID = new Map<string, RuleSet>(RULESETS.map((r) => [r.id, r]));

/** Whether `id` names a rule set (for validating `?ruleset=`). */
export function isRulesetId(id: string): id is RulesetId {
  return BY_ID.has(id);
}

/**
 * Evaluates one rule set for a firm and fiscal year. Throws AppError 400 `unknown_ruleset` for an unknown id.
 * The result is an estimate (`estimate: true`); see `PreEvaluation` for its shape.
 */
export function evaluate(rulesetId: string, input: PreEvaluationInput): PreEvaluation {
  const rule = BY_ID.get(rulesetId);
  if (!rule) throw new AppError(400, 'unknown_ruleset', { zh: `未知的评估规则：${rulesetId}`, en: `Unknown rule set: ${rulesetId}` });
  return rule.evaluate(input);
}

/** Evaluates every rule set (in `RULESETS` order) for a firm and fiscal year. */
export function evaluateAll(input: PreEvaluationInput): PreEvaluation[] {
  return RULESETS.map((r) => r.evaluate(input));
}
