/**
 * 创新型中小企业 (innovative SME), 2022 evaluation table.
 * Source: MIIT 《优质中小企业梯度培育管理暂行办法》(工信部企业〔2022〕63号), 附件 创新型中小企业评价标准, as transcribed
 * in shared ADMIN.md ("Scoring tables as published (2022 rules)").
 *
 * Pass: total ≥ 60 of 100 with innovation ≥ 20, growth ≥ 15, specialisation ≥ 15 — or a direct route. Direct routes
 * read from the register: valid 高新技术企业 (`firm.highTech`); an R&D institution at provincial level or above
 * (`rdCentreLevel` of the year; unset reads as none); ≥ 500 万元 new equity financing over the last three fiscal years
 * (y−2…y). The science-award route is not recorded in the register and is not evaluated.
 * Growth = main-business revenue growth of `year` over `year − 1`: (M[y] − M[y−1])·100 / M[y−1].
 */
import type { Message } from '../../../lib/errors.ts';
import type { BandTable } from './bands.ts';
import { categorical, finish, scoreNumeric, type BlockSpec, type IndicatorOutcome, type NumericIndicator } from './engine.ts';
import { debtRatio, growth, mainShare, makeCtx, rdIntensity, sumOver, sumReaches, yearRow, type Ctx } from './figures.ts';
import { debtToRepay, mainRevenueForGrowth, mainRevenueForShare, rdForIntensity } from './levers.ts';
import { ipIndicator } from './shared-indicators.ts';
import type { PreEvaluationInput, RuleSet } from './types.ts';

const BLOCKS: readonly BlockSpec[] = [
  { key: 'innovation', label: { zh: '创新能力', en: 'Innovation' }, maxPoints: 40, minPoints: 20 },
  { key: 'growth', label: { zh: '成长性', en: 'Growth' }, maxPoints: 30, minPoints: 15 },
  { key: 'specialisation', label: { zh: '专业化', en: 'Specialisation' }, maxPoints: 30, minPoints: 15 },
];

export const RD_INTENSITY: BandTable = {
  direction: 'up',
  unit: '%',
  bands: [
    { at: 5, points: 20 },
    { at: 3, points: 15 },
    { at: 2, points: 10 },
    { at: 1, points: 5 },
    { at: -Infinity, points: 0 },
  ],
};

export const GROWTH: BandTable = {
  direction: 'up',
  unit: '%',
  bands: [
    { at: 15, points: 20 },
    { at: 10, points: 15 },
    { at: 5, points: 10 },
    { at: 0, points: 5 },
    { at: -Infinity, points: 0 },
  ],
};

export const DEBT_RATIO: BandTable = {
  direction: 'down',
  unit: '%',
  bands: [
    { at: 55, points: 10 },
    { at: 75, points: 5 },
    { at: Infinity, points: 0 },
  ],
};

export const MAIN_SHARE: BandTable = {
  direction: 'up',
  unit: '%',
  bands: [
    { at: 70, points: 20 },
    { at: 60, points: 15 },
    { at: 55, points: 10 },
    { at: 50, points: 5 },
    { at: -Infinity, points: 0 },
  ],
};

const RD: NumericIndicator = { key: 'rdIntensity', block: 'innovation', label: { zh: '研发投入强度', en: 'R&D intensity' }, table: RD_INTENSITY, lever: (ctx, t) => rdForIntensity(ctx, t) };
const GROWTH_IND: NumericIndicator = { key: 'mainRevenueGrowth', block: 'growth', label: { zh: '主营业务收入增长率', en: 'Main-business revenue growth' }, table: GROWTH, lever: mainRevenueForGrowth };
const DEBT: NumericIndicator = { key: 'debtRatio', block: 'growth', label: { zh: '资产负债率', en: 'Debt ratio' }, table: DEBT_RATIO, lever: debtToRepay };
const SHARE: NumericIndicator = { key: 'mainShare', block: 'specialisation', label: { zh: '主营业务收入占营业收入比重', en: 'Main-business share of revenue' }, table: MAIN_SHARE, lever: mainRevenueForShare };

const FIELD_LABEL: Message = { zh: '主导产品所属领域', en: 'Field of the main product' };

/** Strategic emerging industry: 10; any other field: 5 (the register stores one field per firm). */
function productField(ctx: Ctx): IndicatorOutcome {
  const field = ctx.input.firm.productField;
  const row = { key: 'productField', block: 'specialisation', label: FIELD_LABEL, value: null as number | null, unit: '分' as const, points: 0, maxPoints: 10, band: { zh: '缺少数据', en: 'data missing' } };
  if (field === null) {
    ctx.missing.push('productField');
    return categorical(row, 10);
  }
  if (field === 'strategic_emerging') return categorical({ ...row, value: 10, points: 10, band: { zh: '战略性新兴产业', en: 'Strategic emerging industry' } }, 0);
  return categorical({ ...row, value: 5, points: 5, band: { zh: '其他领域', en: 'Other field' } }, 0, {
    key: 'productField',
    message: { zh: '主导产品属于《战略性新兴产业分类》领域可加 5 分', en: 'A main product in a strategic emerging industry adds 5 points' },
    points: 5,
  });
}

function evaluate(input: PreEvaluationInput) {
  const ctx = makeCtx(input);
  const y = ctx.year;
  const g = growth(ctx, 'mainRevenue', y);
  const debt = debtRatio(ctx, y);
  const share = mainShare(ctx, y);
  const rd = rdIntensity(ctx, y);
  const indicators = [
    ipIndicator(ctx, 'innovation', [20, 15, 10, 5, 0]),
    scoreNumeric(ctx, RD, rd, rd === null),
    scoreNumeric(ctx, GROWTH_IND, g.value, g.incomplete),
    scoreNumeric(ctx, DEBT, debt, debt === null),
    productField(ctx),
    scoreNumeric(ctx, SHARE, share, share === null),
  ];
  const centre = yearRow(ctx, y)?.rdCentreLevel ?? null;
  const equity = sumOver(ctx, 'equityFinancing', y - 2, y);
  return finish(innovative2022, ctx, {
    indicators,
    blocks: BLOCKS,
    maxTotal: 100,
    passScore: 60,
    prerequisites: [],
    directRoutes: [
      { key: 'highTech', label: { zh: '有效期内的高新技术企业', en: 'Valid high-tech enterprise certificate' }, ok: input.firm.highTech },
      { key: 'rdCentre', label: { zh: '省级以上研发机构', en: 'Provincial or higher R&D institution' }, ok: centre === 'provincial' || centre === 'national' },
      { key: 'equity3y', label: { zh: '近三年新增股权融资 ≥ 500 万元', en: '≥ ¥5M new equity financing in three years' }, ok: sumReaches(equity, 500) },
    ],
    notes: [
      {
        zh: '“近三年获省级以上科技奖励”直通条件未在企业库中登记，未计入。',
        en: 'The direct route "provincial or national science award in three years" is not recorded in the register and not evaluated.',
      },
    ],
  });
}

export const innovative2022: RuleSet = {
  id: 'innovative-2022',
  ruleVersion: 'miit-2022',
  title: { zh: '创新型中小企业（2022 年评价标准）', en: 'Innovative SME (2022 evaluation table)' },
  source: '工业和信息化部《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）附件：创新型中小企业评价标准',
  verified: true,
  evaluate,
};
