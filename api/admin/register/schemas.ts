import { z } from 'zod';
import { isValidCreditCode, normalizeCreditCode } from '../../domain/credit-code.ts';
import {
  COUNTIES,
  INDUSTRIES,
  PRODUCT_FIELDS,
  RD_CENTRE_LEVELS,
  RULE_VERSIONS,
  SIZE_CLASSES,
  TIER_LEVEL_NAMES,
  TIER_LEVELS,
  TIER_LEVELS_OF,
  TIERS,
  TITLE_STATUSES,
  type Tier,
  type TierLevel,
} from '../../domain/program.ts';
import { AppError } from '../../lib/errors.ts';
import { isoDate, optionalEmail, optionalHttpUrl, optionalPhone, optionalText, plainText } from '../../lib/fields.ts';

/** 统一社会信用代码: full-width and spaces folded, 18 characters, check character per GB 32100-2015. */
export const creditCodeField = z
  .string()
  .transform(normalizeCreditCode)
  .refine(isValidCreditCode, '统一社会信用代码无效（校验位不符或含非法字符） (invalid unified social credit code)');

const optionalDate = z.preprocess((v) => (v === '' ? null : v), isoDate.nullable().optional());

/** The register record of a firm as staff edit it (the firm edits its own profile subset in the portal). */
export const firmFields = z.object({
  creditCode: creditCodeField,
  name: plainText(100, 2),
  nameEn: optionalText(160),
  county: z.enum(COUNTIES),
  industry: z.enum(INDUSTRIES),
  sizeClass: z.enum(SIZE_CLASSES),
  foundedYear: z.number().int().min(1900).max(2100).nullable().optional(),
  address: optionalText(200),
  website: optionalHttpUrl,
  contactName: optionalText(40),
  contactPhone: optionalPhone,
  contactEmail: optionalEmail,
  intro: plainText(5000).optional(),
  introEn: optionalText(8000),
  mainProduct: optionalText(200),
  productField: z.enum(PRODUCT_FIELDS).nullable().optional(),
  listed: z.boolean().optional(),
  highTech: z.boolean().optional(),
  liaisonUserId: z.number().int().positive().nullable().optional(),
  tags: z.array(plainText(40, 1)).max(20).optional(),
});

export const firmCreate = firmFields.strict();
/** A staff edit: any subset of the fields, plus the version it was based on. */
export const firmPatch = firmFields.partial().extend({ version: z.number().int().min(1) }).strict();

/** Money in 万元: finite, not negative (net profit may be negative), at most ¥10¹² (10⁸ 万元). */
const money = z.number().finite().min(0, '不能为负数 (must not be negative)').max(1e8);
const signedMoney = z.number().finite().min(-1e8).max(1e8);
const whole = z.number().int('应为整数 (whole number)').min(0, '不能为负数 (must not be negative)').max(1e7);

/** Every figure of a firm's yearly data, with the unit and bounds each is checked against. */
export const yearFigures = z.object({
  revenue: money.nullable(),
  mainRevenue: money.nullable(),
  rdSpend: money.nullable(),
  rdStaff: whole.nullable(),
  employees: whole.nullable(),
  totalAssets: money.nullable(),
  totalLiabilities: money.nullable(),
  netProfit: signedMoney.nullable(),
  taxes: money.nullable(),
  ipClass1: whole.nullable(),
  ipClass1Own: whole.nullable(),
  ipClass1HighValue: whole.nullable(),
  ipClass2: whole.nullable(),
  inventionPatents: whole.nullable(),
  digitalLevel: z.number().int().min(1).max(4).nullable(),
  qualityCertifications: whole.nullable(),
  qualityAward: z.boolean().nullable(),
  ownBrand: z.boolean().nullable(),
  standardsDrafted: whole.nullable(),
  standardsLed: whole.nullable(),
  rdCentreLevel: z.enum(RD_CENTRE_LEVELS).nullable(),
  yearsInNiche: z.number().int().min(0).max(200).nullable(),
  equityFinancing: money.nullable(),
  officialScore: z.number().min(0).max(100).nullable(),
  officialScoreRule: z.enum(RULE_VERSIONS).nullable(),
});
export type YearFigures = z.infer<typeof yearFigures>;
export const YEAR_FIGURES = Object.keys(yearFigures.shape) as (keyof YearFigures)[];

/** Saving a year: any subset of figures; `version` of the stored year (absent when the year is new). */
export const yearSave = yearFigures.partial().extend({ version: z.number().int().min(1).optional() }).strict();

/**
 * A completed fiscal year in a path (2000 … last year, China time): the current year is still running and cannot
 * be reported. Refusals are 400 `invalid_year`.
 */
export function completedYear(raw: string | undefined, today: string): number {
  const lastYear = Number(today.slice(0, 4)) - 1;
  const year = z.coerce.number().int().min(2000).max(lastYear).safeParse(raw);
  if (!year.success) {
    throw new AppError(400, 'invalid_year', { zh: `年度无效：只能填报 2000 年至 ${lastYear} 年已结束的年度`, en: `Invalid fiscal year: only completed years from 2000 to ${lastYear}` });
  }
  return year.data;
}

/** A title in the ledger. */
export const titleFields = z.object({
  tier: z.enum(TIERS),
  level: z.enum(TIER_LEVELS),
  year: z.number().int().min(2000).max(2100),
  batch: optionalText(40),
  ruleVersion: z.enum(RULE_VERSIONS).nullable().optional(),
  issuingBody: optionalText(100),
  documentNo: optionalText(100),
  documentUrl: optionalHttpUrl,
  validFrom: optionalDate,
  validTo: optionalDate,
  status: z.enum(TITLE_STATUSES).optional(),
  reviewDue: optionalDate,
  statusReason: optionalText(500),
  verified: z.boolean().optional(),
});
type TitleShape = { tier?: Tier | undefined; level?: TierLevel | undefined; validFrom?: string | null | undefined; validTo?: string | null | undefined };

/** Problems of a title as it will be stored: a level the title is not designated at, or validity ending before it starts. */
export function titleProblems(t: TitleShape): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (t.tier && t.level && !TIER_LEVELS_OF[t.tier].includes(t.level)) {
    const allowed = TIER_LEVELS_OF[t.tier];
    problems.push({ path: 'level', message: `该称号只在${allowed.map((l) => TIER_LEVEL_NAMES[l].zh).join('或')}认定 (designated at ${allowed.map((l) => TIER_LEVEL_NAMES[l].en.toLowerCase()).join(' or ')} level only)` });
  }
  if (t.validFrom && t.validTo && t.validTo < t.validFrom) problems.push({ path: 'validTo', message: '有效期止不能早于有效期起 (validity cannot end before it starts)' });
  return problems;
}

export const titleCreate = titleFields.strict().superRefine((t, ctx) => {
  for (const p of titleProblems(t)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
});
export const titlePatch = titleFields.partial().extend({ version: z.number().int().min(1) }).strict();
