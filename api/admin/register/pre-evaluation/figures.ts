/**
 * Reading a firm's figures for one evaluation: yearly values by fiscal year, ratios in percent, growth rates, and a
 * record of every figure that was needed but absent (`missing`, as `field:year`).
 */
import type { Message } from '../../../lib/errors.ts';
import type { PreEvaluationInput, TitleFacts, YearFacts, YearField } from './types.ts';

/** One evaluation's reading state. Created per rule set and call; holds no copies of the input. */
export interface Ctx {
  input: PreEvaluationInput;
  /** The evaluated "last year". */
  year: number;
  /** Figures needed but absent, in reading order (may repeat; de-duplicated at the end). */
  missing: string[];
}

export function makeCtx(input: PreEvaluationInput): Ctx {
  return { input, year: input.year, missing: [] };
}

/** The row of a fiscal year, or undefined. A linear scan: a firm has a handful of years, and no map is allocated. */
export function yearRow(ctx: Ctx, year: number): YearFacts | undefined {
  const { years } = ctx.input;
  for (let i = 0; i < years.length; i++) if (years[i]!.fiscalYear === year) return years[i];
  return undefined;
}

/** A yearly figure as a number (booleans as 1/0); null — and recorded as missing — when absent. */
export function fig(ctx: Ctx, field: YearField, year: number): number | null {
  const v = peek(ctx, field, year);
  if (v === null) ctx.missing.push(`${field}:${year}`);
  return v;
}

/** A yearly figure without recording it as missing (for optional sub-counts read as 0 when absent). */
export function peek(ctx: Ctx, field: YearField, year: number): number | null {
  const v = yearRow(ctx, year)?.[field];
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return null; // rdCentreLevel is read by its own helper
  return v;
}

/** `a` as a percentage of `b` (a·100/b, so integer inputs on a boundary stay exact); null when unknown or b ≤ 0. */
export function pctOf(a: number | null, b: number | null): number | null {
  if (a === null || b === null || !(b > 0)) return null;
  return (a * 100) / b;
}

/** R&D spend / revenue, %, of a year. */
export function rdIntensity(ctx: Ctx, year: number): number | null {
  return pctOf(fig(ctx, 'rdSpend', year), fig(ctx, 'revenue', year));
}

/** Total liabilities / total assets, %, of a year. */
export function debtRatio(ctx: Ctx, year: number): number | null {
  return pctOf(fig(ctx, 'totalLiabilities', year), fig(ctx, 'totalAssets', year));
}

/** Main-business revenue / revenue, %, of a year. */
export function mainShare(ctx: Ctx, year: number): number | null {
  return pctOf(fig(ctx, 'mainRevenue', year), fig(ctx, 'revenue', year));
}

/** Why a computed figure has no value: a figure is missing, or the formula is undefined (e.g. last year's base ≤ 0). */
export type Reading = { value: number; incomplete: false } | { value: null; incomplete: boolean };

/** Growth of `field` in `year` over `year - 1`, %: (v[y] − v[y−1])·100 / v[y−1]; undefined when v[y−1] ≤ 0. */
export function growth(ctx: Ctx, field: YearField, year: number): Reading {
  const now = fig(ctx, field, year);
  const before = fig(ctx, field, year - 1);
  if (now === null || before === null) return { value: null, incomplete: true };
  if (!(before > 0)) return { value: null, incomplete: false };
  return { value: ((now - before) * 100) / before, incomplete: false };
}

/** Two-year compound growth of `field` up to `year`, %: ((v[y] / v[y−2])^(1/2) − 1)·100; undefined when v[y−2] ≤ 0 or v[y] < 0. */
export function cagr2(ctx: Ctx, field: YearField, year: number): Reading {
  const now = fig(ctx, field, year);
  const base = fig(ctx, field, year - 2);
  if (now === null || base === null) return { value: null, incomplete: true };
  if (!(base > 0) || now < 0) return { value: null, incomplete: false };
  return { value: (Math.sqrt(now / base) - 1) * 100, incomplete: false };
}

/** Sum of a money figure over fiscal years; `complete` false when any year is missing (then `sum` is of the known ones). */
export function sumOver(ctx: Ctx, field: YearField, from: number, to: number): { sum: number; complete: boolean } {
  let sum = 0;
  let complete = true;
  for (let y = from; y <= to; y++) {
    const v = fig(ctx, field, y);
    if (v === null) complete = false;
    else sum += v;
  }
  return { sum, complete };
}

/** A sum-reaches-threshold condition: true when the known part already reaches it, null when it depends on a missing year. */
export function sumReaches(s: { sum: number; complete: boolean }, threshold: number): boolean | null {
  if (s.sum >= threshold) return true;
  return s.complete ? false : null;
}

/** Whether the firm holds a title valid on `today`: status designated and validTo (if any) not before it. */
export function holdsTitle(ctx: Ctx, match: (t: TitleFacts) => boolean): boolean {
  const today = ctx.input.today ?? new Date().toISOString().slice(0, 10);
  for (const t of ctx.input.titles) {
    if (t.status === 'designated' && (t.validTo === null || t.validTo >= today) && match(t)) return true;
  }
  return false;
}

/** Names of the figures, for "缺少 X 数据" messages. */
export const FIGURE_NAMES: Record<string, Message> = {
  revenue: { zh: '营业收入', en: 'revenue' },
  mainRevenue: { zh: '主营业务收入', en: 'main-business revenue' },
  rdSpend: { zh: '研发费用', en: 'R&D spend' },
  rdStaff: { zh: '研发人员数', en: 'R&D staff' },
  employees: { zh: '从业人员数', en: 'employees' },
  totalAssets: { zh: '资产总额', en: 'total assets' },
  totalLiabilities: { zh: '负债总额', en: 'total liabilities' },
  netProfit: { zh: '净利润', en: 'net profit' },
  taxes: { zh: '纳税总额', en: 'taxes' },
  ipClass1: { zh: 'Ⅰ类知识产权数', en: 'class Ⅰ IP count' },
  ipClass1Own: { zh: '自主研发Ⅰ类知识产权数', en: 'own-developed class Ⅰ IP count' },
  ipClass1HighValue: { zh: '高价值Ⅰ类知识产权数', en: 'high-value class Ⅰ IP count' },
  ipClass2: { zh: 'Ⅱ类知识产权数', en: 'class Ⅱ IP count' },
  inventionPatents: { zh: '发明专利数', en: 'invention patents' },
  digitalLevel: { zh: '数字化水平等级', en: 'digital maturity level' },
  qualityCertifications: { zh: '质量管理体系认证', en: 'quality-management certifications' },
  qualityAward: { zh: '省级以上质量奖', en: 'provincial or higher quality award' },
  ownBrand: { zh: '自主品牌', en: 'own brand' },
  standardsDrafted: { zh: '参与制修订标准数', en: 'standards drafted' },
  standardsLed: { zh: '主导制定标准数', en: 'standards led' },
  yearsInNiche: { zh: '从事细分市场年限', en: 'years in the niche' },
  equityFinancing: { zh: '新增股权融资额', en: 'new equity financing' },
  officialScore: { zh: '官方平台评价得分', en: 'official platform score' },
  foundedYear: { zh: '成立年份', en: 'founding year' },
  productField: { zh: '主导产品所属领域', en: 'field of the main product' },
  nicheMarketShare: { zh: '细分市场占有率（或全国前三）', en: 'niche market share (or top three in China)' },
  characteristicsPoints: { zh: '省级特色指标得分（手工录入）', en: "points of the province's local indicators (manual entry)" },
};

/** "缺少 2025 年营业收入数据" / "2025 revenue missing" for a `field:year` or `field` key. */
export function missingMessage(key: string): Message {
  const [field, year] = key.split(':');
  const name = FIGURE_NAMES[field!] ?? { zh: field!, en: field! };
  return year
    ? { zh: `缺少 ${year} 年${name.zh}数据`, en: `${year} ${name.en} missing` }
    : { zh: `缺少${name.zh}数据`, en: `${name.en[0]!.toUpperCase()}${name.en.slice(1)} missing` };
}
