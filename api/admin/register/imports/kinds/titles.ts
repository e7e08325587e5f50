/**
 * Import kind `titles`: a published list of designated firms (序号, 企业名称, 所在县区, 主导产品 — usually no credit
 * code). Tier, level, year, batch and document come from the upload form or from columns; rows are matched by
 * normalised name within their area, and unmatched or ambiguous rows wait for a person to choose.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { isoDate } from '../../../../lib/fields.ts';
import { enterprises, tierRecognitions } from '../../../../db/schema/index.ts';
import { RULE_VERSIONS, TIER_LEVEL_NAMES, TIER_LEVELS, TIER_NAMES, TIERS, type Tier } from '../../../../domain/program.ts';
import { firmScope, liveFirms } from '../../../scope.ts';
import { diff } from '../../history.ts';
import { titleCreate } from '../../schemas.ts';
import { chunks, changedSince, insertHistory, insertReturning, READ_CHUNK, type Conflict, type HistoryEntry } from '../bulk.ts';
import { area, creditCode, date, text, vocabulary, year } from '../cells.ts';
import type { KindSpec, WrittenRow } from '../declare.ts';
import { FirmIndex } from '../match.ts';
import { issuesByKey } from '../zod-issues.ts';
import { findFirm } from './firm-match.ts';

const tier = vocabulary(TIER_NAMES, { zh: '称号', en: 'title' }, {
  专精特新中小企业: 'srdi',
  专精特新企业: 'srdi',
  小巨人: 'little_giant',
  专精特新小巨人: 'little_giant',
  '专精特新"小巨人"企业': 'little_giant',
  专精特新小巨人企业: 'little_giant',
  瞪羚: 'gazelle',
  单项冠军企业: 'single_champion',
  制造业单项冠军: 'single_champion',
  独角兽企业: 'unicorn',
  创新型: 'innovative',
  科技和创新型中小企业: 'innovative',
  小升规企业: 'above_scale',
});
const level = vocabulary(TIER_LEVEL_NAMES, { zh: '级别', en: 'level' }, { 市: 'city', 省: 'provincial', 国家: 'national', 省级: 'provincial', 国家级: 'national' });

/** Tiers that exist at one level only, so a list need not say it. */
const SINGLE_LEVEL: Partial<Record<Tier, (typeof TIER_LEVELS)[number]>> = { little_giant: 'national', unicorn: 'provincial', innovative: 'provincial' };

/** Columns of a published title list (most lists carry only the first four). */
export const titleColumns = [
  { key: 'seq', headings: ['序号', 'No.'], parse: text(20), example: 1 },
  { key: 'name', headings: ['企业名称', '单位名称', '企业全称', '公司名称', 'Name'], parse: text(100), example: '聊城示例轴承有限公司' },
  { key: 'county', headings: ['所在县区', '县（市、区）', '所属区县', '县市区', '区县', '所在地区', 'Area'], parse: area, example: '临清市' },
  { key: 'mainProduct', headings: ['主导产品', '主营产品', '主要产品', 'Main product'], parse: text(200), example: '精密圆锥滚子轴承' },
  { key: 'creditCode', headings: ['统一社会信用代码', '信用代码', '社会信用代码', 'Credit code'], parse: creditCode, example: '' },
  { key: 'tier', headings: ['称号', '类别', '认定类别', '企业类型', 'Title'], parse: tier, example: '专精特新' },
  { key: 'level', headings: ['级别', '层级', 'Level'], parse: level, example: '省级' },
  { key: 'year', headings: ['认定年度', '认定年份', '年度', 'Year'], parse: year, example: 2025 },
  { key: 'batch', headings: ['批次', 'Batch'], parse: text(40), example: '第一批' },
  { key: 'documentNo', headings: ['文号', '发文字号', 'Document No.'], parse: text(100), example: '鲁工信中小〔2025〕1号' },
  { key: 'issuingBody', headings: ['认定机关', '发文单位', 'Issuing body'], parse: text(100), example: '山东省工业和信息化厅' },
  { key: 'validFrom', headings: ['有效期起', '有效期开始', 'Valid from'], parse: date, example: '2025-01-01' },
  { key: 'validTo', headings: ['有效期至', '有效期截止', 'Valid to'], parse: date, example: '2027-12-31' },
  { key: 'reviewDue', headings: ['复核日期', '复核时间', 'Review due'], parse: date, example: '2027-12-31' },
];

const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

/** Fields of the upload form: what the whole list designates (a column, when present, wins for its row). */
export const titleOptions = z.object({
  tier: optional(z.enum(TIERS)),
  level: optional(z.enum(TIER_LEVELS)),
  year: optional(z.coerce.number().int().min(2000).max(2100)),
  batch: optional(z.string().max(40)),
  documentNo: optional(z.string().max(100)),
  issuingBody: optional(z.string().max(100)),
  ruleVersion: optional(z.enum(RULE_VERSIONS)),
  validFrom: optional(isoDate),
  validTo: optional(isoDate),
  reviewDue: optional(isoDate),
});
export type TitleOptions = z.infer<typeof titleOptions>;

const TITLE_KEYS = ['tier', 'level', 'year', 'batch', 'documentNo', 'issuingBody', 'validFrom', 'validTo', 'reviewDue'] as const;

/** The title a row designates: its columns over the form's fields. */
function titleOf(values: Record<string, unknown>, options: TitleOptions) {
  const out: Record<string, unknown> = { ruleVersion: options.ruleVersion, status: 'designated', verified: true };
  for (const key of TITLE_KEYS) out[key] = values[key] ?? options[key];
  if (!out.level && typeof out.tier === 'string') out.level = SINGLE_LEVEL[out.tier as Tier];
  return out;
}

const MISSING = {
  tier: { zh: '缺少称号（在上传表单中选择，或在表中填写“称号”列）', en: 'No title: choose it in the upload form or fill a 称号 column' },
  level: { zh: '缺少级别（市级 / 省级 / 国家级）', en: 'No level (city, provincial or national)' },
  year: { zh: '缺少认定年度', en: 'No year of designation' },
};

const titleKey = (enterpriseId: number, t: { tier: unknown; level: unknown; year: unknown }) => `${enterpriseId}:${t.tier}:${t.level}:${t.year}`;

/** The `titles` import: adds a title per matched firm; a firm already holding it is left unchanged. */
export const titlesKind: KindSpec<TitleOptions> = {
  kind: 'titles',
  name: { zh: '称号名单', en: 'Title lists' },
  columns: titleColumns,
  required: [['name', 'creditCode']],
  options: titleOptions as z.ZodType<TitleOptions>,
  identity(values, options) {
    const t = titleOf(values, options);
    const firm = (values.creditCode as string | undefined) ?? (typeof values.name === 'string' ? `${values.county ?? ''}/${values.name}` : undefined);
    return firm ? { key: `${firm}/${t.tier}/${t.level}/${t.year}`, column: values.creditCode ? 'creditCode' : 'name' } : null;
  },
  // Every row of a sheet is the same title (the upload's tier, level and year): one row per firm.
  recordKey: (row) => (row.enterpriseId ? `firm:${row.enterpriseId}` : null),
  async prepare(db, actor, rows, options) {
    const index = await FirmIndex.load(db, actor);
    const years = [...new Set(rows.map((r) => titleOf(r.values, options).year).filter((y): y is number => typeof y === 'number'))];
    const held = new Set<string>();
    if (years.length > 0) {
      const titles = await db
        .select({ enterpriseId: tierRecognitions.enterpriseId, tier: tierRecognitions.tier, level: tierRecognitions.level, year: tierRecognitions.year })
        .from(tierRecognitions)
        .innerJoin(enterprises, eq(enterprises.id, tierRecognitions.enterpriseId))
        .where(and(firmScope(actor), inArray(tierRecognitions.year, years)));
      for (const t of titles) held.add(titleKey(t.enterpriseId, t));
    }
    return {
      decide(row, chosen) {
        const wanted = titleOf(row.values, options);
        const missing = (['tier', 'level', 'year'] as const).filter((k) => wanted[k] === undefined && !row.failed.has(k));
        if (missing.length > 0) return { action: 'error', errors: missing.map((key) => ({ key, message: MISSING[key] })) };
        const parsed = titleCreate.safeParse(Object.fromEntries(Object.entries(titleOf(row.values, options)).filter(([, v]) => v !== undefined)));
        if (!parsed.success) {
          const errors = issuesByKey(parsed.error).filter((e) => !row.failed.has(e.key));
          return { action: 'error', errors };
        }
        const firm = findFirm(index, row, chosen);
        if ('action' in firm) return firm;
        const base = { enterpriseId: firm.id, label: firm.name };
        if (held.has(titleKey(firm.id, parsed.data))) return { action: 'unchanged', ...base };
        return { action: 'create', ...base, changes: diff({}, parsed.data) };
      },
    };
  },
  async writeAll(tx, actor, origin, rows, options) {
    const written: (WrittenRow & { row: number })[] = [];
    const conflicts: Conflict[] = [];
    const creates = rows
      .filter((r) => r.action === 'create' && r.enterpriseId)
      .map((row) => ({ row, input: titleCreate.parse(Object.fromEntries(Object.entries(titleOf(row.values, options)).filter(([, v]) => v !== undefined))) }));
    // A title entered by someone else since validation, or a firm gone from scope, conflicts.
    const held = new Set<string>();
    const inScope = new Set<number>();
    for (const group of chunks([...new Set(creates.map((c) => c.row.enterpriseId!))], READ_CHUNK)) {
      for (const { id } of await tx.select({ id: enterprises.id }).from(enterprises).where(and(inArray(enterprises.id, group), liveFirms(actor)))) inScope.add(id);
      const titles = await tx
        .select({ enterpriseId: tierRecognitions.enterpriseId, tier: tierRecognitions.tier, level: tierRecognitions.level, year: tierRecognitions.year })
        .from(tierRecognitions)
        .where(inArray(tierRecognitions.enterpriseId, group));
      for (const t of titles) held.add(titleKey(t.enterpriseId, t));
    }
    for (const { row, input } of creates) {
      if (!inScope.has(row.enterpriseId!) || held.has(titleKey(row.enterpriseId!, input))) conflicts.push(changedSince(row.row));
    }
    if (conflicts.length > 0) return { written, conflicts };
    const history: HistoryEntry[] = [];
    const made = await insertReturning(
      tx,
      tierRecognitions,
      creates.map(({ row, input }) => ({ ...input, enterpriseId: row.enterpriseId!, validUntilYear: input.validTo ? Number(input.validTo.slice(0, 4)) : null, importBatchId: origin.importBatchId ?? null })),
    );
    made.forEach(({ id, version }, i) => {
      const { row, input } = creates[i]!;
      written.push({ row: row.row, entity: 'title', entityId: id, op: 'create', before: null, versionAfter: version });
      history.push({ enterpriseId: row.enterpriseId!, entity: 'title', entityId: id, action: 'title.create', changes: diff({}, input), label: `${input.tier}/${input.level}/${input.year}` });
    });
    await insertHistory(tx, origin, history);
    return { written, conflicts };
  },
};
