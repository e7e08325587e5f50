/**
 * 专精特新中小企业, 2026 rules — prerequisites only, UNVERIFIED.
 * Source: MIIT 《优质中小企业梯度培育管理办法》(工信部企业〔2026〕2号, in force 2026-04-01), as found second-hand and
 * listed in shared ADMIN.md ("2026 rules, prerequisites (*unverified*)"); not checked against the official text.
 * Prerequisites: already a (科技和)创新型中小企业 (a valid `innovative` title); ≥ 3 years in the niche; revenue ≥ 1,500 万元
 * or ≥ 2,000 万元 new equity over two years (y−1, y); main-business share ≥ 80 %; debt ratio ≤ 80 %; in each of the last
 * two years R&D ≥ 100 万元 and ≥ 3 % of revenue; ≥ 1 Ⅰ-class IP; official platform score ≥ 50 (an imported figure).
 */
import { condition, finish, prerequisite } from './engine.ts';
import { debtRatio, fig, holdsTitle, mainShare, makeCtx } from './figures.ts';
import { debtToRepay, mainRevenueForShare } from './levers.ts';
import { officialScore, rdBothYears, revenueOrEquity } from './prerequisites-2026.ts';
import type { PreEvaluationInput, RuleSet } from './types.ts';

function evaluate(input: PreEvaluationInput) {
  const ctx = makeCtx(input);
  const y = ctx.year;
  const innovative = holdsTitle(ctx, (t) => t.tier === 'innovative');
  return finish(srdi2026, ctx, {
    prerequisites: [
      condition('innovativeTitle', { zh: '已认定为（科技和）创新型中小企业', en: 'Already an (innovative / tech) SME' }, innovative, innovative, '有效称号', {
        zh: '需先取得有效的（科技和）创新型中小企业称号',
        en: 'A valid innovative-SME title is needed first',
      }),
      prerequisite(ctx, { key: 'yearsInNiche', label: { zh: '从事特定细分市场年限', en: 'Years in the niche' }, unit: '年', op: '>=', limit: 3 }, fig(ctx, 'yearsInNiche', y)),
      revenueOrEquity(ctx, 1500, 2000),
      prerequisite(ctx, { key: 'mainShare', label: { zh: '主营业务收入占比', en: 'Main-business share' }, unit: '%', op: '>=', limit: 80, lever: mainRevenueForShare }, mainShare(ctx, y)),
      prerequisite(ctx, { key: 'debtRatio', label: { zh: '资产负债率', en: 'Debt ratio' }, unit: '%', op: '<=', limit: 80, lever: debtToRepay }, debtRatio(ctx, y)),
      ...rdBothYears(ctx, 100),
      prerequisite(ctx, { key: 'ipClass1', label: { zh: 'Ⅰ类知识产权', en: 'Class Ⅰ IP' }, unit: '项', op: '>=', limit: 1 }, fig(ctx, 'ipClass1', y)),
      officialScore(ctx, 50),
    ],
    directRoutes: [],
    notes: [],
  });
}


export const srdi2026: RuleSet = {
  id: 'srdi-2026',
  ruleVersion: 'miit-2026',
  title: { zh: '专精特新中小企业（2026 年办法，前置条件）', en: 'Specialised & innovative SME (2026 rules, prerequisites)' },
  source: '工业和信息化部《优质中小企业梯度培育管理办法》（工信部企业〔2026〕2号，2026-04-01 施行）——二手资料，未核实',
  verified: false,
  evaluate,
};
