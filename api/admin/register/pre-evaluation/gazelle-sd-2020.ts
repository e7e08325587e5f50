/**
 * 山东省瞪羚企业 (Shandong gazelle), 2020 thresholds — all conditions, no score.
 * Source: 山东省工业和信息化厅 瞪羚企业认定标准 (2020), as transcribed in shared ADMIN.md ("Shandong 瞪羚 (2020 rules)").
 *
 * - Registered in Shandong: assumed true for the city's firms (the register holds only this city's firms).
 * - ≥ 3 full fiscal years: year − foundedYear (the founding year itself is a partial year).
 * - Debt ratio below 70 % (worded 低于: 70 % itself fails).
 * - Not listed.
 * - 2-year CAGR ((v[y]/v[y−2])^(1/2) − 1) of revenue OR net profit by the year's revenue band: 1,000–2,000 万元 ≥ 25 %;
 *   2,000–10,000 ≥ 20 %; 10,000–40,000 ≥ 15 %; ≥ 40,000 ≥ 10 % (a revenue on a boundary takes the higher band, i.e. the
 *   lower growth threshold); below 1,000 万元 the firm is out of range.
 * - R&D intensity in each of the two years ≥ 2.5 % when that year's revenue ≥ 10,000 万元, else ≥ 5 %.
 * - ≥ 2 granted invention patents, or ≥ 8 utility models + software copyrights (read from the Ⅱ-class IP count, which
 *   also holds designs — an approximation), or led a national/industry/international standard.
 */
import type { Message } from '../../../lib/errors.ts';
import { bandIndex, type BandTable } from './bands.ts';
import { condition, finish, prerequisite, type PrerequisiteOutcome } from './engine.ts';
import { cagr2, debtRatio, fig, makeCtx, peek, rdIntensity, type Ctx } from './figures.ts';
import { ceilWan, fmtNum, wanEn, wanZh } from './format.ts';
import { debtToRepay, rdForIntensity, yearsToWait } from './levers.ts';
import type { PreEvaluationInput, RuleSet } from './types.ts';

/** Required 2-year CAGR (%) by revenue (万元) — `points` holds the threshold; the last band (< 1,000) is out of range. */
export const GROWTH_BY_REVENUE: BandTable = {
  direction: 'up',
  unit: '万元',
  bands: [
    { at: 40_000, points: 10 },
    { at: 10_000, points: 15 },
    { at: 2_000, points: 20 },
    { at: 1_000, points: 25 },
    { at: -Infinity, points: NaN },
  ],
};

/** Revenue at or above which the R&D intensity threshold is 2.5 % instead of 5 %. */
export const RD_REVENUE_SPLIT = 10_000;

/** The smallest revenue ≥ `now` whose 2-year CAGR from `base` meets its own band's threshold. */
export function revenueNeeded(base: number, now: number): number {
  let best = Infinity;
  const bands = GROWTH_BY_REVENUE.bands;
  for (let i = 0; i < bands.length - 1; i++) {
    const need = Math.max(bands[i]!.at, base * (1 + bands[i]!.points / 100) ** 2, now);
    if (need < best) best = need;
  }
  return best;
}

function growthCondition(ctx: Ctx): PrerequisiteOutcome {
  const y = ctx.year;
  const label: Message = { zh: '近2年营业收入或净利润复合增长率（按营业收入分档）', en: '2-year CAGR of revenue or net profit (by revenue band)' };
  const revenue = fig(ctx, 'revenue', y);
  if (revenue === null) return condition('growth', label, null, null, '按营收分档');
  const band = bandIndex(GROWTH_BY_REVENUE, revenue);
  const threshold = GROWTH_BY_REVENUE.bands[band]!.points;
  if (Number.isNaN(threshold)) {
    const need = ceilWan(1000 - revenue);
    const out = condition('growth', label, false, revenue, '营业收入 ≥ 1,000 万元', {
      zh: `营业收入 ${wanZh(revenue)}，低于瞪羚企业认定的最低档 1,000 万元：营业收入需再增加约 ${wanZh(need)}`,
      en: `Revenue ${wanEn(revenue)} is below the lowest band (¥10M): about ${wanEn(need)} more revenue`,
    });
    if (out.gap) out.gap.amountWan = need;
    return out;
  }
  const rev = cagr2(ctx, 'revenue', y);
  const profit = cagr2(ctx, 'netProfit', y);
  const meets = (v: number | null) => v !== null && v >= threshold - 1e-7;
  const ok = meets(rev.value) || meets(profit.value) ? true : rev.incomplete || profit.incomplete ? null : false;
  // The better of the two growth rates, as the rule takes either.
  const best = rev.value === null ? profit.value : profit.value === null ? rev.value : Math.max(rev.value, profit.value);
  const actual = best === null ? null : Math.round(best * 100) / 100;
  const required = `≥ ${fmtNum(threshold)}%`;
  if (ok !== false) return condition('growth', label, ok, actual, required);
  const base = peek(ctx, 'revenue', y - 2)!;
  const moreRevenue = base > 0 ? ceilWan(revenueNeeded(base, revenue) - revenue) : null;
  const p0 = peek(ctx, 'netProfit', y - 2)!;
  const p2 = peek(ctx, 'netProfit', y)!;
  const moreProfit = p0 > 0 ? ceilWan(p0 * (1 + threshold / 100) ** 2 - p2) : null;
  const shown = rev.value === null ? { zh: '无法计算', en: 'n/a' } : { zh: `${fmtNum(rev.value)}%`, en: `${fmtNum(rev.value)} %` };
  let zh = `营业收入近2年复合增长率 ${shown.zh}，需达到 ${fmtNum(threshold)}%`;
  let en = `2-year revenue CAGR ${shown.en} — ${fmtNum(threshold)} % needed`;
  if (moreRevenue !== null) {
    zh += `：营业收入需再增加约 ${wanZh(moreRevenue)}`;
    en += `: about ${wanEn(moreRevenue)} more revenue`;
  }
  if (moreProfit !== null) {
    zh += `（或净利润再增加约 ${wanZh(moreProfit)}）`;
    en += ` (or about ${wanEn(moreProfit)} more net profit)`;
  }
  const out = condition('growth', label, false, actual, required, { zh, en });
  if (out.gap && moreRevenue !== null) out.gap.amountWan = moreRevenue;
  return out;
}

function rdCondition(ctx: Ctx, year: number): PrerequisiteOutcome {
  const revenue = peek(ctx, 'revenue', year);
  const limit = revenue !== null && revenue >= RD_REVENUE_SPLIT ? 2.5 : 5;
  return prerequisite(
    ctx,
    { key: `rdIntensity:${year}`, label: { zh: `${year} 年研发投入强度`, en: `R&D intensity ${year}` }, unit: '%', op: '>=', limit, lever: (c, t) => rdForIntensity(c, t, year) },
    rdIntensity(ctx, year),
  );
}

function ipCondition(ctx: Ctx): PrerequisiteOutcome {
  const y = ctx.year;
  const patents = fig(ctx, 'inventionPatents', y);
  const class2 = fig(ctx, 'ipClass2', y);
  const led = fig(ctx, 'standardsLed', y);
  const met = (patents ?? 0) >= 2 || (class2 ?? 0) >= 8 || (led ?? 0) >= 1;
  const ok = met ? true : patents === null || class2 === null || led === null ? null : false;
  const morePatents = Math.max(0, 2 - (patents ?? 0));
  const more2 = Math.max(0, 8 - (class2 ?? 0));
  return condition(
    'ip',
    { zh: '发明专利 ≥ 2 项，或实用新型+软件著作权 ≥ 8 项，或主导制定标准', en: '≥ 2 invention patents, or ≥ 8 utility models + software copyrights, or led a standard' },
    ok,
    patents,
    '≥ 2 项发明专利 / ≥ 8 项 / 主导标准',
    {
      zh: `发明专利 ${fmtNum(patents ?? 0)} 项：需再取得 ${morePatents} 项发明专利，或再取得 ${more2} 项实用新型/软件著作权，或主导制定 1 项标准`,
      en: `${fmtNum(patents ?? 0)} invention patents: ${morePatents} more invention patents, or ${more2} more utility models / software copyrights, or lead one standard`,
    },
  );
}

function evaluate(input: PreEvaluationInput) {
  const ctx = makeCtx(input);
  const y = ctx.year;
  const founded = input.firm.foundedYear;
  if (founded === null) ctx.missing.push('foundedYear');
  const listed = input.firm.listed;
  return finish(gazelleSd2020, ctx, {
    prerequisites: [
      condition('registeredInShandong', { zh: '在山东省内注册', en: 'Registered in Shandong' }, true, '假定（本市企业）', '山东省内注册'),
      prerequisite(ctx, { key: 'yearsOperating', label: { zh: '持续经营完整会计年度', en: 'Full fiscal years operating' }, unit: '年', op: '>=', limit: 3, lever: (_c, t, v) => yearsToWait(t, v) }, founded === null ? null : y - founded),
      prerequisite(ctx, { key: 'debtRatio', label: { zh: '资产负债率', en: 'Debt ratio' }, unit: '%', op: '<', limit: 70, lever: debtToRepay }, debtRatio(ctx, y)),
      condition('unlisted', { zh: '未上市', en: 'Not listed' }, !listed, listed, '未上市', { zh: '已上市企业不在瞪羚企业认定范围内', en: 'Listed firms are outside the gazelle criteria' }),
      growthCondition(ctx),
      rdCondition(ctx, y - 1),
      rdCondition(ctx, y),
      ipCondition(ctx),
    ],
    directRoutes: [],
    notes: [
      { zh: '“在山东省内注册”按本市企业默认满足。', en: '"Registered in Shandong" is assumed true for the city\'s firms.' },
      {
        zh: '“实用新型+软件著作权”按Ⅱ类知识产权数估算（其中也含外观设计）。',
        en: '"Utility models + software copyrights" is read from the class Ⅱ IP count (which also holds designs).',
      },
    ],
  });
}

export const gazelleSd2020: RuleSet = {
  id: 'gazelle-sd-2020',
  ruleVersion: 'sd-gazelle-2020',
  title: { zh: '山东省瞪羚企业（2020 年认定标准）', en: 'Shandong gazelle (2020 criteria)' },
  source: '山东省工业和信息化厅 瞪羚企业认定标准（2020），据 shared ADMIN.md 转录',
  verified: true,
  evaluate,
};
