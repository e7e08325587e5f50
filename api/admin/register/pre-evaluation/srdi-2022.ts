/**
 * 专精特新中小企业 (specialised, refined, distinctive and innovative SME), 2022 rules: prerequisites and scored table.
 * Source: MIIT 《优质中小企业梯度培育管理暂行办法》(工信部企业〔2022〕63号), 附件 专精特新中小企业认定标准, as transcribed
 * in shared ADMIN.md ("Scoring tables as published (2022 rules)").
 *
 * Prerequisites: ≥ 2 years in the niche; last year's R&D ≥ 100 万元 and ≥ 3 % of revenue; revenue ≥ 1,000 万元, or
 * below that with ≥ 2,000 万元 new equity financing over two years (y−1, y).
 * Score: specialisation 25 + refinement 25 + innovation 35 = 85 here. The "characteristics" block (15 points, 1–3 local
 * indicators set by the province) is a manual entry — Shandong's items were not found — and is NOT estimated: the
 * total is out of 85 and compared with the unchanged pass mark 60. A total of 45–59 cannot be decided from the data
 * (up to 15 local points may come on top): the verdict is then insufficient_data with `characteristicsPoints` missing.
 * Direct routes read from the register: 2-year average R&D ≥ 1,000 万元 ((rd[y] + rd[y−1]) / 2); ≥ 6,000 万元 equity
 * financing over two years. Award and 创客中国 routes are not recorded and not evaluated.
 * "2-year average growth" = mean of the two yearly main-business growth rates: (g[y] + g[y−1]) / 2 with
 * g[t] = (M[t] − M[t−1])·100 / M[t−1].
 */
import type { Message } from '../../../lib/errors.ts';
import { RD_CENTRE_LEVEL_NAMES, type RdCentreLevel } from '../../../domain/program.ts';
import { bandIndex, bandLabel, type BandTable } from './bands.ts';
import { categorical, finish, MISSING_BAND, prerequisite, condition, scoreNumeric, type BlockSpec, type IndicatorOutcome, type NumericIndicator, type PrerequisiteOutcome } from './engine.ts';
import { debtRatio, fig, growth, mainShare, makeCtx, peek, pctOf, rdIntensity, sumOver, sumReaches, yearRow, type Ctx } from './figures.ts';
import { ceilWan, fmtNum, wanEn, wanZh } from './format.ts';
import { debtToRepay, mainRevenueForAverageGrowth, mainRevenueForShare, profitForMargin, rdForAmount, rdForIntensity, rdStaffToHire, yearsToWait } from './levers.ts';
import { ipIndicator } from './shared-indicators.ts';
import type { PreEvaluationInput, RuleSet } from './types.ts';

const BLOCKS: readonly BlockSpec[] = [
  { key: 'specialisation', label: { zh: '专业化', en: 'Specialisation' }, maxPoints: 25, minPoints: null },
  { key: 'refinement', label: { zh: '精细化', en: 'Refinement' }, maxPoints: 25, minPoints: null },
  { key: 'innovation', label: { zh: '创新能力', en: 'Innovation' }, maxPoints: 35, minPoints: null },
];

const up = (unit: BandTable['unit'], ...pairs: [number, number][]): BandTable => ({
  direction: 'up',
  unit,
  bands: [...pairs.map(([at, points]) => ({ at, points })), { at: -Infinity, points: 0 }],
});

export const MAIN_SHARE = up('%', [80, 5], [70, 3], [60, 1]);
export const AVG_GROWTH: BandTable = up('%', [10, 10], [8, 8], [6, 6], [4, 4], [0, 2]);
/** 1 point per full 2 years, at most 5. */
export const NICHE_YEARS = up('年', [10, 5], [8, 4], [6, 3], [4, 2], [2, 1]);
export const DIGITAL_LEVEL = up('级', [3, 5], [2, 3]);
/** Items met (award, certification, own brand, standard): +3 each, at most 5. */
export const QUALITY_ITEMS = up('项', [2, 5], [1, 3]);
export const NET_MARGIN = up('%', [10, 10], [8, 8], [6, 6], [4, 4], [2, 2]);
export const DEBT_RATIO: BandTable = { direction: 'down', unit: '%', bands: [{ at: 50, points: 5 }, { at: 60, points: 3 }, { at: 70, points: 1 }, { at: Infinity, points: 0 }] };
/** Last year's R&D: the better of the amount (万元) and the intensity (%) bands. */
export const RD_AMOUNT = up('万元', [500, 10], [400, 8], [300, 6], [200, 4], [100, 2]);
export const RD_INTENSITY = up('%', [10, 10], [8, 8], [6, 6], [4, 4], [3, 2]);
export const RD_STAFF_SHARE = up('%', [20, 5], [10, 3], [5, 1]);
export const RD_CENTRE_POINTS: Record<RdCentreLevel, number> = { national: 10, provincial: 8, city: 4, below_city: 2 };

const SHARE: NumericIndicator = { key: 'mainShare', block: 'specialisation', label: { zh: '主营业务收入占营业收入比重', en: 'Main-business share of revenue' }, table: MAIN_SHARE, lever: mainRevenueForShare };
const GROWTH: NumericIndicator = { key: 'mainRevenueGrowth2y', block: 'specialisation', label: { zh: '近2年主营业务收入平均增长率', en: '2-year average main-business growth' }, table: AVG_GROWTH, lever: mainRevenueForAverageGrowth };
const NICHE: NumericIndicator = { key: 'yearsInNiche', block: 'specialisation', label: { zh: '从事特定细分市场年限', en: 'Years in the niche' }, table: NICHE_YEARS, lever: (_c, t, v) => yearsToWait(t, v) };
const DIGITAL: NumericIndicator = { key: 'digitalLevel', block: 'refinement', label: { zh: '数字化水平', en: 'Digital maturity' }, table: DIGITAL_LEVEL };
const MARGIN: NumericIndicator = { key: 'netMargin', block: 'refinement', label: { zh: '净利润率', en: 'Net margin' }, table: NET_MARGIN, lever: profitForMargin };
const DEBT: NumericIndicator = { key: 'debtRatio', block: 'refinement', label: { zh: '资产负债率', en: 'Debt ratio' }, table: DEBT_RATIO, lever: debtToRepay };
const STAFF: NumericIndicator = { key: 'rdStaffShare', block: 'innovation', label: { zh: '研发人员占比', en: 'R&D staff share' }, table: RD_STAFF_SHARE, lever: rdStaffToHire };

const QUALITY_ITEM_NAMES: Record<'award' | 'certification' | 'brand' | 'standard', Message> = {
  award: { zh: '省级以上质量奖', en: 'a provincial or higher quality award' },
  certification: { zh: '质量管理体系认证', en: 'a quality-management certification' },
  brand: { zh: '自主品牌', en: 'an own brand' },
  standard: { zh: '参与制修订标准', en: 'taking part in drafting a standard' },
};

/** Quality management: one item each for an award, a certification, an own brand, a standard drafted or led. */
function quality(ctx: Ctx): IndicatorOutcome {
  const y = ctx.year;
  const drafted = peek(ctx, 'standardsDrafted', y);
  const led = peek(ctx, 'standardsLed', y);
  const items = {
    award: peek(ctx, 'qualityAward', y),
    certification: peek(ctx, 'qualityCertifications', y),
    brand: peek(ctx, 'ownBrand', y),
    standard: drafted === null && led === null ? null : (drafted ?? 0) + (led ?? 0),
  };
  let met = 0;
  const unmet: Message[] = [];
  for (const k of ['award', 'certification', 'brand', 'standard'] as const) {
    if ((items[k] ?? 0) >= 1) met++;
    else unmet.push(QUALITY_ITEM_NAMES[k]);
  }
  const unknown = met < 2 && Object.values(items).some((v) => v === null);
  if (unknown) {
    if (items.award === null) ctx.missing.push(`qualityAward:${y}`);
    if (items.certification === null) ctx.missing.push(`qualityCertifications:${y}`);
    if (items.brand === null) ctx.missing.push(`ownBrand:${y}`);
    if (items.standard === null) ctx.missing.push(`standardsDrafted:${y}`);
  }
  const lever = { message: { zh: `如：${unmet.map((m) => m.zh).join('、')}`, en: `e.g. ${unmet.map((m) => m.en).join(', ')}` } };
  const outcome = scoreNumeric(ctx, { key: 'quality', block: 'refinement', label: { zh: '质量管理（认证、品牌、标准、奖项）', en: 'Quality management (certification, brand, standards, awards)' }, table: QUALITY_ITEMS, lever: () => lever }, met, false);
  if (unknown) outcome.potential = outcome.row.maxPoints - outcome.row.points;
  return outcome;
}

/** Last year's R&D: max(amount band, intensity band). The gap names the cheaper way to the next points. */
function rdSpend(ctx: Ctx): IndicatorOutcome {
  const y = ctx.year;
  const rd = fig(ctx, 'rdSpend', y);
  const intensity = pctOf(rd, fig(ctx, 'revenue', y));
  const label = { zh: '上年度研发费用（总额或占营业收入比重）', en: "Last year's R&D (amount or share of revenue)" };
  const row = { key: 'rdSpend', block: 'innovation', label, value: rd, unit: '万元' as const, points: 0, maxPoints: 10, band: MISSING_BAND };
  if (rd === null) return categorical(row, 10);
  const ai = bandIndex(RD_AMOUNT, rd);
  const ii = intensity === null ? RD_INTENSITY.bands.length - 1 : bandIndex(RD_INTENSITY, intensity);
  const byAmount = RD_AMOUNT.bands[ai]!.points >= RD_INTENSITY.bands[ii]!.points;
  row.points = Math.max(RD_AMOUNT.bands[ai]!.points, RD_INTENSITY.bands[ii]!.points);
  row.band = byAmount ? bandLabel(RD_AMOUNT, ai) : bandLabel(RD_INTENSITY, ii);
  const potential = intensity === null ? 10 - row.points : 0;
  if (row.points === 10) return categorical(row, potential);
  // Next points level above the current one, reachable by either table (both list the same points).
  const nextIdx = RD_AMOUNT.bands.findIndex((b, i) => b.points > row.points && RD_AMOUNT.bands[i + 1]!.points <= row.points);
  const amountTarget = RD_AMOUNT.bands[nextIdx]!.at;
  const intensityTarget = RD_INTENSITY.bands.find((b) => b.points === RD_AMOUNT.bands[nextIdx]!.points)!.at;
  const viaAmount = rdForAmount(ctx, amountTarget)!.amountWan!;
  const viaIntensity = intensity === null ? Infinity : rdForIntensity(ctx, intensityTarget)!.amountWan!;
  const more = ceilWan(Math.min(viaAmount, viaIntensity));
  const gain = RD_AMOUNT.bands[nextIdx]!.points - row.points;
  const shown = intensity === null ? '' : `（强度 ${fmtNum(intensity)}%）`;
  const shownEn = intensity === null ? '' : ` (${fmtNum(intensity)} % of revenue)`;
  return categorical(row, potential, {
    key: 'rdSpend',
    message: {
      zh: `研发费用 ${wanZh(rd)}${shown}，达到 ${wanZh(amountTarget)}或 ${fmtNum(intensityTarget)}% 可加 ${gain} 分：约需再增加研发费用 ${wanZh(more)}`,
      en: `R&D ${wanEn(rd)}${shownEn} — ${wanEn(amountTarget)} or ${fmtNum(intensityTarget)} % needed (+${gain} points): about ${wanEn(more)} more R&D`,
    },
    amountWan: more,
    points: gain,
  });
}

const CENTRE_ORDER: readonly (RdCentreLevel | null)[] = ['national', 'provincial', 'city', 'below_city', null];

/** R&D institution level: national 10, provincial 8, city 4, below city 2; unset reads as none (0). */
function rdCentre(ctx: Ctx): IndicatorOutcome {
  const level = yearRow(ctx, ctx.year)?.rdCentreLevel ?? null;
  const points = level === null ? 0 : RD_CENTRE_POINTS[level];
  const row = { key: 'rdCentre', block: 'innovation', label: { zh: '研发机构建设', en: 'R&D institution' }, value: points, unit: '分' as const, points, maxPoints: 10, band: level === null ? { zh: '无', en: 'none' } : RD_CENTRE_LEVEL_NAMES[level] };
  if (level === 'national') return categorical(row, 0);
  const next = CENTRE_ORDER[CENTRE_ORDER.indexOf(level) - 1] as RdCentreLevel;
  const gain = RD_CENTRE_POINTS[next] - points;
  return categorical(row, 0, {
    key: 'rdCentre',
    message: { zh: `建成${RD_CENTRE_LEVEL_NAMES[next].zh}研发机构可加 ${gain} 分`, en: `A ${RD_CENTRE_LEVEL_NAMES[next].en.toLowerCase()} R&D institution adds ${gain} points` },
    points: gain,
  });
}

const FIELD_POINTS = { chain_gap: 5, six_basics: 3, strategic_emerging: 0, other: 0 } as const;

/** Field of the main product: fills a gap / strengthens a chain 5; six basics, time-honoured brand, service leader 3; other 0. */
function productField(ctx: Ctx): IndicatorOutcome {
  const field = ctx.input.firm.productField;
  const row = { key: 'productField', block: 'specialisation', label: { zh: '主导产品所属领域', en: 'Field of the main product' }, value: null, unit: '分' as const, points: 0, maxPoints: 5, band: MISSING_BAND };
  if (field === null) {
    ctx.missing.push('productField');
    return categorical(row, 5);
  }
  const points = FIELD_POINTS[field];
  const bands: Record<typeof field, Message> = {
    chain_gap: { zh: '补短板、锻长板、填空白', en: 'Fills a gap or strengthens a chain' },
    six_basics: { zh: '工业“六基”、老字号、服务龙头', en: 'Industrial basics, time-honoured brand, service leader' },
    strategic_emerging: { zh: '其他', en: 'Other' },
    other: { zh: '其他', en: 'Other' },
  };
  const done = { ...row, value: points, points, band: bands[field] };
  if (points === 5) return categorical(done, 0);
  const gap =
    points === 3
      ? { zh: '主导产品在产业链“补短板、锻长板、填空白”取得实际成效可加 2 分', en: 'Proven results filling a gap or strengthening a chain add 2 points' }
      : { zh: '主导产品属于工业“六基”、中华老字号或服务产业链龙头可加 3 分', en: 'A main product in the industrial basics, a time-honoured brand or serving a chain leader adds 3 points' };
  return categorical(done, 0, { key: 'productField', message: gap, points: points === 3 ? 2 : 3 });
}

function prerequisites(ctx: Ctx): PrerequisiteOutcome[] {
  const y = ctx.year;
  const revenue = fig(ctx, 'revenue', y);
  let revenueOk: boolean | null = null;
  let equityNote = { zh: '', en: '' };
  if (revenue !== null && revenue >= 1000) revenueOk = true;
  else if (revenue !== null) {
    const equity = sumOver(ctx, 'equityFinancing', y - 1, y);
    revenueOk = sumReaches(equity, 2000);
    const need = ceilWan(1000 - revenue);
    equityNote = {
      zh: `营业收入 ${wanZh(revenue)}，需达到 1,000 万元：营业收入需再增加约 ${wanZh(need)}（或近2年新增股权融资达到 2,000 万元）`,
      en: `Revenue ${wanEn(revenue)} — ¥10M needed: about ${wanEn(need)} more revenue (or ¥20M new equity financing over two years)`,
    };
  }
  const revenuePrereq = condition('revenue', { zh: '营业收入 ≥ 1,000 万元（或近2年股权融资 ≥ 2,000 万元）', en: 'Revenue ≥ ¥10M (or ≥ ¥20M equity financing in two years)' }, revenueOk, revenue, '≥ 1,000 万元', equityNote);
  if (revenuePrereq.gap && revenue !== null) revenuePrereq.gap.amountWan = ceilWan(1000 - revenue);
  return [
    prerequisite(ctx, { key: 'yearsInNiche', label: { zh: '从事特定细分市场年限', en: 'Years in the niche' }, unit: '年', op: '>=', limit: 2, lever: (_c, t, v) => yearsToWait(t, v) }, fig(ctx, 'yearsInNiche', y)),
    prerequisite(ctx, { key: 'rdSpend', label: { zh: '上年度研发费用', en: "Last year's R&D spend" }, unit: '万元', op: '>=', limit: 100, lever: (c, t) => rdForAmount(c, t) }, fig(ctx, 'rdSpend', y)),
    prerequisite(ctx, { key: 'rdIntensity', label: { zh: '研发投入强度', en: 'R&D intensity' }, unit: '%', op: '>=', limit: 3, lever: (c, t) => rdForIntensity(c, t) }, rdIntensity(ctx, y)),
    revenuePrereq,
  ];
}

function evaluate(input: PreEvaluationInput) {
  const ctx = makeCtx(input);
  const y = ctx.year;
  const g2 = growth(ctx, 'mainRevenue', y);
  const g1 = growth(ctx, 'mainRevenue', y - 1);
  const avg = g2.value !== null && g1.value !== null ? (g2.value + g1.value) / 2 : null;
  const share = mainShare(ctx, y);
  const niche = fig(ctx, 'yearsInNiche', y);
  const digital = fig(ctx, 'digitalLevel', y);
  const profit = fig(ctx, 'netProfit', y);
  const margin = pctOf(profit, peek(ctx, 'revenue', y));
  const debt = debtRatio(ctx, y);
  const staff = pctOf(fig(ctx, 'rdStaff', y), fig(ctx, 'employees', y));
  const indicators = [
    scoreNumeric(ctx, SHARE, share, share === null),
    scoreNumeric(ctx, GROWTH, avg, g2.incomplete || g1.incomplete),
    scoreNumeric(ctx, NICHE, niche, niche === null),
    productField(ctx),
    scoreNumeric(ctx, DIGITAL, digital, digital === null),
    quality(ctx),
    scoreNumeric(ctx, MARGIN, margin, margin === null && (profit === null || peek(ctx, 'revenue', y) === null)),
    scoreNumeric(ctx, DEBT, debt, debt === null),
    ipIndicator(ctx, 'innovation', [10, 8, 6, 2, 0]),
    rdSpend(ctx),
    scoreNumeric(ctx, STAFF, staff, staff === null),
    rdCentre(ctx),
  ];
  return finish(srdi2022, ctx, {
    indicators,
    blocks: BLOCKS,
    maxTotal: 85,
    passScore: 60,
    manual: { key: 'characteristicsPoints', points: 15 },
    prerequisites: prerequisites(ctx),
    directRoutes: [
      { key: 'rdAverage2y', label: { zh: '近2年研发费用年均 ≥ 1,000 万元', en: '2-year average R&D ≥ ¥10M' }, ok: sumReaches(sumOver(ctx, 'rdSpend', y - 1, y), 2000) },
      { key: 'equity2y', label: { zh: '近2年新增股权融资 ≥ 6,000 万元', en: '≥ ¥60M new equity financing in two years' }, ok: sumReaches(sumOver(ctx, 'equityFinancing', y - 1, y), 6000) },
    ],
    notes: [
      {
        zh: '“特色化指标”（15 分，由省级主管部门设定）为手工录入项，未估算：本估算满分为 85 分，仍以 60 分为通过线；另有最多 15 分可能来自省级特色指标。',
        en: 'The "characteristics" block (15 points, local indicators set by the province) is a manual entry and is not estimated: this estimate is out of 85 and still compared with the pass mark 60; up to 15 more points may come from the province’s local indicators.',
      },
      {
        zh: '科技奖励、“创客中国”等直通条件未在企业库中登记，未计入。',
        en: 'The award and “创客中国” direct routes are not recorded in the register and not evaluated.',
      },
    ],
  });
}

export const srdi2022: RuleSet = {
  id: 'srdi-2022',
  ruleVersion: 'miit-2022',
  title: { zh: '专精特新中小企业（2022 年认定标准）', en: 'Specialised & innovative SME (2022 rules)' },
  source: '工业和信息化部《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）附件：专精特新中小企业认定标准',
  verified: true,
  evaluate,
};
