/** Prerequisites shared by the 2026 rule sets (unverified, see srdi-2026.ts and little-giant-2026.ts). */
import { condition, prerequisite, type PrerequisiteOutcome } from './engine.ts';
import { fig, rdIntensity, sumOver, sumReaches, yearRow, type Ctx } from './figures.ts';
import { ceilWan, fmtNum, wanEn, wanZh } from './format.ts';
import { rdForAmount, rdForIntensity } from './levers.ts';

/** Revenue ≥ `minWan` 万元, or new equity financing over two years (y−1, y) ≥ `equityWan` 万元. */
export function revenueOrEquity(ctx: Ctx, minWan: number, equityWan: number): PrerequisiteOutcome {
  const revenue = fig(ctx, 'revenue', ctx.year);
  let ok: boolean | null = null;
  if (revenue !== null) ok = revenue >= minWan || sumReaches(sumOver(ctx, 'equityFinancing', ctx.year - 1, ctx.year), equityWan);
  const need = revenue === null ? 0 : ceilWan(minWan - revenue);
  const out = condition(
    'revenue',
    { zh: `营业收入 ≥ ${fmtNum(minWan)} 万元（或近2年股权融资 ≥ ${fmtNum(equityWan)} 万元）`, en: `Revenue ≥ ${wanEn(minWan)} (or ≥ ${wanEn(equityWan)} equity financing in two years)` },
    ok,
    revenue,
    `≥ ${fmtNum(minWan)} 万元`,
    revenue === null
      ? undefined
      : {
          zh: `营业收入 ${wanZh(revenue)}，需达到 ${wanZh(minWan)}：营业收入需再增加约 ${wanZh(need)}（或近2年新增股权融资达到 ${wanZh(equityWan)}）`,
          en: `Revenue ${wanEn(revenue)} — ${wanEn(minWan)} needed: about ${wanEn(need)} more revenue (or ${wanEn(equityWan)} new equity financing over two years)`,
        },
  );
  if (out.gap) out.gap.amountWan = need;
  return out;
}

/** In each of the last two years: R&D ≥ `minWan` 万元 and ≥ 3 % of revenue (one prerequisite per year and test). */
export function rdBothYears(ctx: Ctx, minWan: number): PrerequisiteOutcome[] {
  const out: PrerequisiteOutcome[] = [];
  for (const y of [ctx.year - 1, ctx.year]) {
    out.push(
      prerequisite(ctx, { key: `rdSpend:${y}`, label: { zh: `${y} 年研发费用`, en: `R&D spend ${y}` }, unit: '万元', op: '>=', limit: minWan, lever: (c, t) => rdForAmount(c, t, y) }, fig(ctx, 'rdSpend', y)),
      prerequisite(ctx, { key: `rdIntensity:${y}`, label: { zh: `${y} 年研发投入强度`, en: `R&D intensity ${y}` }, unit: '%', op: '>=', limit: 3, lever: (c, t) => rdForIntensity(c, t, y) }, rdIntensity(ctx, y)),
    );
  }
  return out;
}

/** The official platform's score ≥ `min`, read from the imported `officialScore` of the year under the 2026 rules. */
export function officialScore(ctx: Ctx, min: number): PrerequisiteOutcome {
  const row = yearRow(ctx, ctx.year);
  const score = row?.officialScoreRule === 'miit-2026' ? (row.officialScore ?? null) : null;
  if (score === null) ctx.missing.push(`officialScore:${ctx.year}`);
  return prerequisite(ctx, { key: 'officialScore', label: { zh: '官方平台评价得分（2026 办法，导入）', en: 'Official platform score (2026 rules, imported)' }, unit: '分', op: '>=', limit: min }, score);
}
