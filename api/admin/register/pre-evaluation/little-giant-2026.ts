/**
 * 专精特新“小巨人” (little giant), 2026 rules — prerequisites only, UNVERIFIED.
 * Source: MIIT 《优质中小企业梯度培育管理办法》(工信部企业〔2026〕2号, in force 2026-04-01), as found second-hand and
 * listed in shared ADMIN.md ("2026 rules, prerequisites (*unverified*)"); not checked against the official text.
 * Prerequisites: already 专精特新 (a valid provincial `srdi` title, or a `little_giant` title being re-reviewed);
 * revenue ≥ 5,000 万元; main-business share ≥ 90 %; 2-year revenue CAGR ≥ 5 % ((R[y]/R[y−2])^(1/2) − 1);
 * debt ratio ≤ 75 %; R&D over two years (y−1, y) ≥ 1,200 万元 and ≥ 3 % in each year; ≥ 4 Ⅰ-class IP; niche market
 * share ≥ 10 % or top three in China (not recorded in the register: always reported missing); official score ≥ 60.
 */
import { condition, finish, prerequisite } from './engine.ts';
import { cagr2, debtRatio, fig, holdsTitle, mainShare, makeCtx, rdIntensity, sumOver } from './figures.ts';
import { debtToRepay, mainRevenueForShare, rdForIntensity, rdForTwoYearTotal, revenueForCagr, revenueToAmount } from './levers.ts';
import { officialScore } from './prerequisites-2026.ts';
import type { PreEvaluationInput, RuleSet } from './types.ts';

function evaluate(input: PreEvaluationInput) {
  const ctx = makeCtx(input);
  const y = ctx.year;
  const srdi = holdsTitle(ctx, (t) => (t.tier === 'srdi' && t.level !== 'city') || t.tier === 'little_giant');
  const rd2y = sumOver(ctx, 'rdSpend', y - 1, y);
  ctx.missing.push('nicheMarketShare');
  return finish(littleGiant2026, ctx, {
    prerequisites: [
      condition('srdiTitle', { zh: '已认定为省级专精特新中小企业', en: 'Already a provincial specialised & innovative SME' }, srdi, srdi, '有效称号', {
        zh: '需先取得有效的省级专精特新中小企业称号',
        en: 'A valid provincial specialised & innovative SME title is needed first',
      }),
      prerequisite(ctx, { key: 'revenue', label: { zh: '营业收入', en: 'Revenue' }, unit: '万元', op: '>=', limit: 5000, lever: revenueToAmount }, fig(ctx, 'revenue', y)),
      prerequisite(ctx, { key: 'mainShare', label: { zh: '主营业务收入占比', en: 'Main-business share' }, unit: '%', op: '>=', limit: 90, lever: mainRevenueForShare }, mainShare(ctx, y)),
      prerequisite(ctx, { key: 'revenueCagr2y', label: { zh: '近2年营业收入复合增长率', en: '2-year revenue CAGR' }, unit: '%', op: '>=', limit: 5, lever: revenueForCagr }, cagr2(ctx, 'revenue', y).value),
      prerequisite(ctx, { key: 'debtRatio', label: { zh: '资产负债率', en: 'Debt ratio' }, unit: '%', op: '<=', limit: 75, lever: debtToRepay }, debtRatio(ctx, y)),
      prerequisite(
        ctx,
        { key: 'rdSpend2y', label: { zh: '近2年研发费用总额', en: 'R&D spend over two years' }, unit: '万元', op: '>=', limit: 1200, lever: rdForTwoYearTotal },
        rd2y.complete ? rd2y.sum : null,
      ),
      prerequisite(ctx, { key: `rdIntensity:${y - 1}`, label: { zh: `${y - 1} 年研发投入强度`, en: `R&D intensity ${y - 1}` }, unit: '%', op: '>=', limit: 3, lever: (c, t) => rdForIntensity(c, t, y - 1) }, rdIntensity(ctx, y - 1)),
      prerequisite(ctx, { key: `rdIntensity:${y}`, label: { zh: `${y} 年研发投入强度`, en: `R&D intensity ${y}` }, unit: '%', op: '>=', limit: 3, lever: (c, t) => rdForIntensity(c, t, y) }, rdIntensity(ctx, y)),
      prerequisite(ctx, { key: 'ipClass1', label: { zh: 'Ⅰ类知识产权', en: 'Class Ⅰ IP' }, unit: '项', op: '>=', limit: 4 }, fig(ctx, 'ipClass1', y)),
      condition('nicheMarketShare', { zh: '细分市场占有率 ≥ 10% 或全国前三', en: 'Niche market share ≥ 10 % or top three in China' }, null, null, '≥ 10% 或前三'),
      officialScore(ctx, 60),
    ],
    directRoutes: [],
    notes: [
      {
        zh: '细分市场占有率未在企业库中登记，需人工核实。',
        en: 'Niche market share is not recorded in the register and must be checked by hand.',
      },
    ],
  });
}

export const littleGiant2026: RuleSet = {
  id: 'little-giant-2026',
  ruleVersion: 'miit-2026',
  title: { zh: '专精特新“小巨人”企业（2026 年办法，前置条件）', en: '“Little giant” (2026 rules, prerequisites)' },
  source: '工业和信息化部《优质中小企业梯度培育管理办法》（工信部企业〔2026〕2号，2026-04-01 施行）——二手资料，未核实',
  verified: false,
  evaluate,
};
