import { inArray, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { enterpriseYears, enterprises, preEvaluations, tierRecognitions, type User } from '../../db/schema/index.ts';
import { firmNotFound, type ScopeActor } from '../scope.ts';
import { evaluate, evaluateAll, type PreEvaluation, type PreEvaluationInput } from './pre-evaluation/index.ts';
import { firmInScope } from './queries.ts';

type Actor = ScopeActor;


const chunks = <T>(rows: T[], size: number): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));

/** Firms refreshed per round (read, evaluate, replace); see refreshPreEvaluations. */
const REFRESH_CHUNK = 100;

/** The yearly columns the rule sets read (not the per-figure sources or timestamps, which cost time to load). */
const YEAR_FACT_COLUMNS = {
  fiscalYear: enterpriseYears.fiscalYear,
  revenue: enterpriseYears.revenue,
  mainRevenue: enterpriseYears.mainRevenue,
  rdSpend: enterpriseYears.rdSpend,
  rdStaff: enterpriseYears.rdStaff,
  employees: enterpriseYears.employees,
  totalAssets: enterpriseYears.totalAssets,
  totalLiabilities: enterpriseYears.totalLiabilities,
  netProfit: enterpriseYears.netProfit,
  ipClass1: enterpriseYears.ipClass1,
  ipClass1Own: enterpriseYears.ipClass1Own,
  ipClass1HighValue: enterpriseYears.ipClass1HighValue,
  ipClass2: enterpriseYears.ipClass2,
  inventionPatents: enterpriseYears.inventionPatents,
  digitalLevel: enterpriseYears.digitalLevel,
  qualityCertifications: enterpriseYears.qualityCertifications,
  qualityAward: enterpriseYears.qualityAward,
  ownBrand: enterpriseYears.ownBrand,
  standardsDrafted: enterpriseYears.standardsDrafted,
  standardsLed: enterpriseYears.standardsLed,
  rdCentreLevel: enterpriseYears.rdCentreLevel,
  yearsInNiche: enterpriseYears.yearsInNiche,
  equityFinancing: enterpriseYears.equityFinancing,
  officialScore: enterpriseYears.officialScore,
  officialScoreRule: enterpriseYears.officialScoreRule,
};

/** Everything the rule sets read about these firms, in three queries (firms, yearly data, titles). */
async function inputsOf(db: DbLike, ids: number[]) {
  const firms = new Map<number, PreEvaluationInput['firm']>();
  const years = new Map<number, PreEvaluationInput['years']>();
  const titles = new Map<number, PreEvaluationInput['titles']>();
  for (const part of chunks(ids, 500)) {
    const [f, y, t] = await Promise.all([
      db
        .select({ id: enterprises.id, foundedYear: enterprises.foundedYear, productField: enterprises.productField, listed: enterprises.listed, highTech: enterprises.highTech, industry: enterprises.industry, sizeClass: enterprises.sizeClass })
        .from(enterprises)
        .where(inArray(enterprises.id, part)),
      db.select({ enterpriseId: enterpriseYears.enterpriseId, ...YEAR_FACT_COLUMNS }).from(enterpriseYears).where(inArray(enterpriseYears.enterpriseId, part)),
      db
        .select({ enterpriseId: tierRecognitions.enterpriseId, tier: tierRecognitions.tier, level: tierRecognitions.level, status: tierRecognitions.status, validTo: tierRecognitions.validTo })
        .from(tierRecognitions)
        .where(inArray(tierRecognitions.enterpriseId, part)),
    ]);
    for (const { id, ...facts } of f) firms.set(id, facts);
    for (const { enterpriseId, ...row } of y) years.set(enterpriseId, [...(years.get(enterpriseId) ?? []), row]);
    for (const { enterpriseId, ...title } of t) titles.set(enterpriseId, [...(titles.get(enterpriseId) ?? []), title]);
  }
  return { firms, years, titles };
}

/**
 * The pre-evaluation of a firm the actor may see, for a fiscal year (default: the latest year with data) and one
 * rule set or all of them. 404 outside scope. Every result is an estimate (see pre-evaluation/types.ts).
 */
export async function preEvaluateFirm(db: DbLike, actor: Actor, id: number, today: string, options: { year?: number | undefined; ruleset?: string | undefined } = {}) {
  if (!(await firmInScope(db, actor, id))) throw firmNotFound();
  const { firms, years, titles } = await inputsOf(db, [id]);
  const firmYears = years.get(id) ?? [];
  // Default: last year (上年度) when the firm has data for it, else its latest year with data.
  const lastYear = Number(today.slice(0, 4)) - 1;
  const hasLastYear = firmYears.length === 0 || firmYears.some((y) => y.fiscalYear === lastYear);
  const year = options.year ?? (hasLastYear ? lastYear : Math.max(...firmYears.map((y) => y.fiscalYear)));
  const input: PreEvaluationInput = { firm: firms.get(id)!, years: firmYears, titles: titles.get(id) ?? [], year, today };
  const results: PreEvaluation[] = options.ruleset ? [evaluate(options.ruleset, input)] : evaluateAll(input);
  return { year, results };
}

/**
 * Recomputes the stored pre-evaluations of these firms for last year (上年度, the year every title round reads),
 * inside the caller's transaction, so the register's candidate filters never disagree with the data. Earlier years
 * are evaluated on demand (the dossier's year choice), not stored. `today` is an ISO date.
 */
export async function refreshPreEvaluations(db: DbLike, ids: number[], today: string): Promise<void> {
  const now = new Date();
  const fiscalYear = Number(today.slice(0, 4)) - 1;
  // A hundred firms at a time: read, evaluate, replace — memory stays flat for a 10,000-firm import (500 at a time
  // left each chunk's evaluations, with their explanations, to outlive the young generation: +70–90 MB peak RSS).
  for (const part of chunks(ids, REFRESH_CHUNK)) {
    const { firms, years, titles } = await inputsOf(db, part);
    // [enterprise id, ruleset, verdict, prerequisites met (0/1), total] per evaluation.
    const rows: [number, string, PreEvaluation['verdict'], number, number | null][] = [];
    for (const id of part) {
      const firm = firms.get(id);
      if (!firm) continue;
      for (const r of evaluateAll({ firm, years: years.get(id) ?? [], titles: titles.get(id) ?? [], year: fiscalYear, today })) {
        rows.push([id, r.ruleset, r.verdict, r.prerequisites.every((p) => p.ok === true) ? 1 : 0, r.total]);
      }
    }
    // One JSON parameter per statement (json_each), not thousands of bound values: each prepared statement's
    // native memory lives until V8 collects it, and 500-row multi-VALUES inserts added ~60 MB of peak RSS to a
    // 10,000-firm import (scripts/bench-import.ts, BENCH_TRACE=1).
    await db.run(sql`DELETE FROM ${preEvaluations} WHERE ${preEvaluations.enterpriseId} IN (SELECT value FROM json_each(${JSON.stringify(part)}))`);
    await db.run(sql`INSERT INTO ${preEvaluations} (enterprise_id, fiscal_year, ruleset, verdict, prerequisites_met, total, computed_at)
      SELECT value ->> 0, ${fiscalYear}, value ->> 1, value ->> 2, value ->> 3, value ->> 4, ${now.getTime()} FROM json_each(${JSON.stringify(rows)})`);
  }
}
