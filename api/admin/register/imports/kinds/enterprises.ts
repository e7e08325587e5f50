/** Import kind `enterprises`: create firms, or update them, keyed by 统一社会信用代码. */
import { z } from 'zod';
import { INDUSTRY_NAMES, SIZE_CLASS_NAMES } from '../../../../domain/program.ts';
import { and, inArray } from 'drizzle-orm';
import { enterprises, type Enterprise } from '../../../../db/schema/index.ts';
import { liveFirms } from '../../../scope.ts';
import { diff } from '../../history.ts';
import { firmCreate, firmFields } from '../../schemas.ts';
import { slugForCreditCode } from '../../writes.ts';
import { updateVersioned, changedSince, chunks, insertHistory, insertReturning, READ_CHUNK, type Conflict, type HistoryEntry } from '../bulk.ts';
import { EXAMPLE_CODE } from './example.ts';
import { nameKey } from '../names.ts';
import { area, creditCode, integer, text, vocabulary, yesNo } from '../cells.ts';
import type { KindSpec, PlanRow, WrittenRow } from '../declare.ts';
import { FirmIndex } from '../match.ts';
import { issuesByKey } from '../zod-issues.ts';

const industry = vocabulary(INDUSTRY_NAMES, { zh: '行业', en: 'industry' }, { 铝: 'aluminium', 有色金属: 'aluminium', 阿胶: 'ejiao_tcm', 中医药: 'ejiao_tcm', 农副食品: 'agri_food', 装备: 'equipment' });
const sizeClass = vocabulary(SIZE_CLASS_NAMES, { zh: '企业规模', en: 'size class' }, { 微型企业: 'micro', 小型企业: 'small', 中型企业: 'medium', 大型企业: 'large', 微: 'micro', 小: 'small', 中: 'medium', 大: 'large' });

/** Columns of the firm sheet and the headings in use for each. */
export const enterpriseColumns = [
  { key: 'creditCode', headings: ['统一社会信用代码', '信用代码', '社会信用代码', '统一代码', 'Credit code'], parse: creditCode, example: EXAMPLE_CODE },
  { key: 'name', headings: ['企业名称', '单位名称', '企业全称', '公司名称', 'Name'], parse: text(100), example: '聊城示例轴承有限公司' },
  { key: 'county', headings: ['所在县区', '县（市、区）', '所属区县', '县市区', '区县', '所在地区', 'Area'], parse: area, example: '临清市' },
  { key: 'industry', headings: ['所属行业', '行业', '产业', '产业集群', 'Industry'], parse: industry, example: '轴承' },
  { key: 'sizeClass', headings: ['企业规模', '规模', '企业类型', 'Size'], parse: sizeClass, example: '小型' },
  { key: 'foundedYear', headings: ['成立年份', '成立时间', '注册年份', 'Founded'], parse: integer, example: 2012 },
  { key: 'address', headings: ['地址', '企业地址', '注册地址', 'Address'], parse: text(200), example: '临清市烟店镇工业园' },
  { key: 'website', headings: ['网址', '企业网站', 'Website'], parse: text(300), example: 'https://example.com' },
  { key: 'contactName', headings: ['联系人', 'Contact'], parse: text(40), example: '王经理' },
  { key: 'contactPhone', headings: ['联系电话', '电话', '手机', 'Phone'], parse: text(40), example: '0635-1234567' },
  { key: 'contactEmail', headings: ['电子邮箱', '邮箱', 'E-mail'], parse: text(200), example: 'info@example.com' },
  { key: 'mainProduct', headings: ['主导产品', '主营产品', '主要产品', 'Main product'], parse: text(200), example: '精密圆锥滚子轴承' },
  { key: 'highTech', headings: ['高新技术企业', '是否高新技术企业', 'High-tech'], parse: yesNo, example: '是' },
  { key: 'listed', headings: ['是否上市', '上市', 'Listed'], parse: yesNo, example: '否' },
];

/** Built once: constructing a zod schema per row costs milliseconds. */
const firmPatch = firmFields.partial();

const FIRM_KEYS = enterpriseColumns.map((c) => c.key).filter((k) => k !== 'creditCode');

/** The `enterprises` import: create by unknown credit code, update by known one (only the columns present). */
export const enterprisesKind: KindSpec<Record<string, never>> = {
  kind: 'enterprises',
  name: { zh: '企业名录', en: 'Firms' },
  columns: enterpriseColumns,
  required: [['creditCode'], ['name'], ['county']],
  options: z.object({}).strip() as unknown as z.ZodType<Record<string, never>>,
  identity: (values) => (typeof values.creditCode === 'string' ? { key: values.creditCode, column: 'creditCode' } : null),
  // A new firm by its name too: two rows may not create two firms of one name (the register refuses that as well).
  recordKey: (row) => (row.action === 'create' ? `name:${nameKey(String(row.values.name ?? ''))}` : row.enterpriseId ? `firm:${row.enterpriseId}` : null),
  async prepare(db, actor) {
    const index = await FirmIndex.load(db, actor);
    return {
      decide(row) {
        const code = row.values.creditCode as string | undefined;
        if (!code) return { action: 'error', errors: row.failed.has('creditCode') ? [] : [{ key: 'creditCode', message: { zh: '缺少统一社会信用代码', en: 'The credit code is missing' } }] };
        const current = index.byCode.get(code);
        if (!current) {
          if (index.allCodes.has(code)) {
            return { action: 'error', errors: [{ key: 'creditCode', message: { zh: '该信用代码已在企业库中（不在您的辖区或在回收站）', en: 'This credit code is already in the register (outside your area or in the trash)' } }] };
          }
          const parsed = firmCreate.safeParse(row.values);
          if (!parsed.success) return { action: 'error', errors: issuesByKey(parsed.error) };
          const namesake = index.byFirmName(parsed.data.name, undefined);
          if ('firm' in namesake || 'ambiguous' in namesake) {
            const other = 'firm' in namesake ? namesake.firm.creditCode : namesake.ambiguous[0]!.creditCode;
            return { action: 'error', errors: [{ key: 'name', message: { zh: `企业库中已有同名企业（信用代码 ${other}），请核对信用代码`, en: `The register already has a firm of this name (credit code ${other}); check the code` } }] };
          }
          return { action: 'create', label: parsed.data.name, changes: diff({}, parsed.data) };
        }
        const patch = Object.fromEntries(FIRM_KEYS.filter((k) => row.values[k] !== undefined).map((k) => [k, row.values[k]]));
        const parsed = firmPatch.safeParse(patch);
        if (!parsed.success) return { action: 'error', errors: issuesByKey(parsed.error) };
        const changes = diff(current, parsed.data);
        const base = { enterpriseId: current.id, label: current.name, versionSeen: current.version };
        return Object.keys(changes).length === 0 ? { action: 'unchanged', ...base } : { action: 'update', ...base, changes };
      },
    };
  },
  async writeAll(tx, actor, origin, rows) {
    const written: (WrittenRow & { row: number })[] = [];
    const conflicts: Conflict[] = [];
    const after = (row: PlanRow) => Object.fromEntries(Object.entries(row.changes ?? {}).map(([k, [, v]]) => [k, v]));
    const creates = rows.filter((r) => r.action === 'create');
    const updates = rows.filter((r) => r.action === 'update' && r.enterpriseId && r.versionSeen !== undefined);

    // Creates: no firm may have taken the code (or, for a county officer, the area must be theirs) since validation.
    const inputs = creates.map((row) => ({ row, input: firmCreate.parse({ ...after(row), creditCode: row.values.creditCode }) }));
    const taken = new Set<string>();
    for (const group of chunks(inputs.map((i) => i.input.creditCode), READ_CHUNK)) {
      for (const { code } of await tx.select({ code: enterprises.creditCode }).from(enterprises).where(inArray(enterprises.creditCode, group))) taken.add(code);
    }
    for (const { row, input } of inputs) {
      if (taken.has(input.creditCode)) conflicts.push({ row: row.row, message: '该信用代码已在企业库中', messageEn: 'The credit code is already in the register' });
      else if (actor.role === 'county' && input.county !== actor.county) conflicts.push({ row: row.row, message: '不在您的辖区', messageEn: 'Outside your area' });
    }
    // Updates: each firm still in scope at the version the preview was based on.
    const current = new Map<number, Enterprise>();
    for (const group of chunks(updates.map((r) => r.enterpriseId!), READ_CHUNK)) {
      for (const firm of await tx.select().from(enterprises).where(and(inArray(enterprises.id, group), liveFirms(actor)))) current.set(firm.id, firm);
    }
    for (const row of updates) {
      if (current.get(row.enterpriseId!)?.version !== row.versionSeen) conflicts.push(changedSince(row.row));
    }
    if (conflicts.length > 0) return { written, conflicts };

    const history: HistoryEntry[] = [];
    const made = await insertReturning(
      tx,
      enterprises,
      inputs.map(({ input }) => ({ ...input, intro: input.intro ?? '', slug: slugForCreditCode(input.creditCode), importBatchId: origin.importBatchId ?? null })),
    );
    made.forEach(({ id, version }, i) => {
      const { row, input } = inputs[i]!;
      written.push({ row: row.row, entity: 'enterprise', entityId: id, op: 'create', before: null, versionAfter: version });
      history.push({ enterpriseId: id, entity: 'enterprise', entityId: id, action: 'enterprise.create', changes: diff({}, input) });
    });
    const missed = await updateVersioned(
      tx,
      'enterprises',
      updates.map((row) => ({ id: row.enterpriseId!, version: row.versionSeen!, set: after(row) })),
      { importBatchId: origin.importBatchId ?? null, updatedAt: new Date() },
    );
    if (missed.length > 0) return { written, conflicts: missed.map((i) => changedSince(updates[i]!.row)) };
    for (const row of updates) {
      const before = Object.fromEntries(Object.entries(row.changes ?? {}).map(([k, [b]]) => [k, b]));
      written.push({ row: row.row, entity: 'enterprise', entityId: row.enterpriseId!, op: 'update', before, versionAfter: row.versionSeen! + 1 });
      history.push({ enterpriseId: row.enterpriseId!, entity: 'enterprise', entityId: row.enterpriseId!, action: 'enterprise.update', changes: row.changes ?? {} });
    }
    await insertHistory(tx, origin, history);
    return { written, conflicts };
  },
};
