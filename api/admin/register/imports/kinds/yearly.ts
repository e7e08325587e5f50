/** Import kind `yearly`: a firm's figures (万元, persons, counts) for a fiscal year; an empty figure cell leaves the stored value alone. */
import { todayInChina } from '../../../../lib/dates.ts';
import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { enterpriseYears, enterprises, type EnterpriseYear, type FigureSource } from '../../../../db/schema/index.ts';
import { firmScope, liveFirms } from '../../../scope.ts';
import { diff } from '../../history.ts';
import { yearSave, type YearFigures } from '../../schemas.ts';
import { yearRuleBreaches } from '../../writes.ts';
import { updateVersioned, changedSince, chunks, insertHistory, insertReturning, READ_CHUNK, type Conflict, type HistoryEntry } from '../bulk.ts';
import { EXAMPLE_CODE } from './example.ts';
import { area, creditCode, integer, number, text, year } from '../cells.ts';
import type { ColumnSpec, KindSpec, PlanRow, WrittenRow } from '../declare.ts';
import { FirmIndex } from '../match.ts';
import { issuesByKey } from '../zod-issues.ts';
import { findFirm } from './firm-match.ts';

const figure = (key: keyof YearFigures, headings: string[], example: number, whole = false): ColumnSpec => ({ key, headings, parse: whole ? integer : number, example });

/** Columns of the yearly sheet: money in 万元 as the program's forms state it. */
export const yearlyColumns: ColumnSpec[] = [
  { key: 'creditCode', headings: ['统一社会信用代码', '信用代码', '社会信用代码', 'Credit code'], parse: creditCode, example: EXAMPLE_CODE },
  { key: 'name', headings: ['企业名称', '单位名称', '企业全称', 'Name'], parse: text(100), example: '聊城示例轴承有限公司' },
  { key: 'county', headings: ['所在县区', '县（市、区）', '所属区县', '县市区', '区县', 'Area'], parse: area, example: '临清市' },
  { key: 'fiscalYear', headings: ['年度', '年份', '数据年度', '会计年度', 'Fiscal year'], parse: year, example: 2025 },
  figure('revenue', ['营业收入（万元）', '营业收入', '营收（万元）', '营收', 'Revenue'], 12500),
  figure('mainRevenue', ['主营业务收入（万元）', '主营业务收入', '主营收入', 'Main-business revenue'], 11800),
  figure('rdSpend', ['研发费用（万元）', '研发费用', '研发投入（万元）', '研发投入', '研发经费', 'R&D spend'], 520),
  figure('rdStaff', ['研发人员（人）', '研发人员', '研发人员数', 'R&D staff'], 24, true),
  figure('employees', ['从业人员（人）', '从业人员', '职工人数', '员工人数', '从业人数', 'Employees'], 180, true),
  figure('totalAssets', ['资产总额（万元）', '资产总额', '总资产', 'Total assets'], 21000),
  figure('totalLiabilities', ['负债总额（万元）', '负债总额', '总负债', 'Total liabilities'], 9800),
  figure('netProfit', ['净利润（万元）', '净利润', 'Net profit'], 960),
  figure('taxes', ['纳税总额（万元）', '纳税总额', '上缴税金', '实缴税金', 'Taxes'], 610),
  figure('ipClass1', ['Ⅰ类知识产权（项）', 'Ⅰ类知识产权', 'I类知识产权', '一类知识产权', 'Class I IP'], 3, true),
  figure('ipClass2', ['Ⅱ类知识产权（项）', 'Ⅱ类知识产权', 'II类知识产权', '二类知识产权', 'Class II IP'], 12, true),
  figure('inventionPatents', ['发明专利（项）', '发明专利', '发明专利数', 'Invention patents'], 3, true),
  figure('digitalLevel', ['数字化水平（级）', '数字化水平', '数字化水平等级', 'Digital level'], 2, true),
  figure('yearsInNiche', ['从事细分市场年限', '细分市场年限', 'Years in niche'], 9, true),
  figure('equityFinancing', ['股权融资（万元）', '股权融资', 'Equity financing'], 0),
  figure('officialScore', ['平台评分', '官方评分', '评价得分', 'Official score'], 78),
];

const FIGURE_KEYS = yearlyColumns.slice(4).map((c) => c.key as keyof YearFigures);

/** The `yearly` import: one firm-year per row; creates the year or updates the figures given. */
export const yearlyKind: KindSpec<Record<string, never>> = {
  kind: 'yearly',
  name: { zh: '年度数据', en: 'Yearly data' },
  columns: yearlyColumns,
  required: [['creditCode', 'name'], ['fiscalYear']],
  options: z.object({}).strip() as unknown as z.ZodType<Record<string, never>>,
  identity(values) {
    const firm = (values.creditCode as string | undefined) ?? (typeof values.name === 'string' ? `name:${values.name}` : undefined);
    if (!firm || typeof values.fiscalYear !== 'number') return null;
    return { key: `${firm}/${values.fiscalYear}`, column: values.creditCode ? 'creditCode' : 'name' };
  },
  recordKey: (row) => (row.enterpriseId ? `firm:${row.enterpriseId}/${row.values.fiscalYear}` : null),
  async prepare(db, actor, rows) {
    const index = await FirmIndex.load(db, actor);
    const fiscalYears = [...new Set(rows.map((r) => r.values.fiscalYear).filter((y): y is number => typeof y === 'number'))];
    const stored = new Map<string, EnterpriseYear>();
    if (fiscalYears.length > 0) {
      const years = await db
        .select({ year: enterpriseYears })
        .from(enterpriseYears)
        .innerJoin(enterprises, eq(enterprises.id, enterpriseYears.enterpriseId))
        .where(and(firmScope(actor), inArray(enterpriseYears.fiscalYear, fiscalYears)));
      for (const { year: y } of years) stored.set(`${y.enterpriseId}:${y.fiscalYear}`, y);
    }
    const thisYear = Number(todayInChina().slice(0, 4));
    return {
      decide(row, chosen) {
        const fiscalYear = row.values.fiscalYear as number | undefined;
        if (fiscalYear === undefined) {
          return { action: 'error', errors: row.failed.has('fiscalYear') ? [] : [{ key: 'fiscalYear', message: { zh: '缺少年度', en: 'The fiscal year is missing' } }] };
        }
        if (fiscalYear >= thisYear) return { action: 'error', errors: [{ key: 'fiscalYear', message: { zh: `年度 ${fiscalYear} 尚未结束`, en: `Fiscal year ${fiscalYear} has not ended` } }] };
        if (fiscalYear < 2000) return { action: 'error', errors: [{ key: 'fiscalYear', message: { zh: '年度应不早于 2000 年', en: 'The fiscal year must be 2000 or later' } }] };
        const figures = Object.fromEntries(FIGURE_KEYS.filter((k) => row.values[k] !== undefined).map((k) => [k, row.values[k]]));
        const parsed = yearSave.safeParse(figures);
        if (!parsed.success) return { action: 'error', errors: issuesByKey(parsed.error) };
        const firm = findFirm(index, row, chosen);
        if ('action' in firm) return firm;
        const current = stored.get(`${firm.id}:${fiscalYear}`);
        const { version: _v, ...clean } = parsed.data;
        // The same rules between figures as every other editor, on the year as it would be stored.
        const broken = yearRuleBreaches({ ...(current ?? {}), ...clean });
        if (broken.length > 0) return { action: 'error', errors: broken.map((b) => ({ key: b.field, message: { zh: b.zh, en: b.en } })) };
        const changes = diff(current ?? {}, clean);
        const base = { enterpriseId: firm.id, label: firm.name, ...(current ? { versionSeen: current.version } : {}) };
        if (Object.keys(changes).length === 0) return { action: 'unchanged', ...base };
        return { action: current ? 'update' : 'create', ...base, changes };
      },
    };
  },
  async writeAll(tx, actor, origin, rows) {
    const written: (WrittenRow & { row: number })[] = [];
    const conflicts: Conflict[] = [];
    const decided = rows.filter((r) => (r.action === 'create' || r.action === 'update') && r.enterpriseId);
    const key = (enterpriseId: number, fiscalYear: unknown) => `${enterpriseId}:${fiscalYear}`;
    // The stored years as they are now, for firms still in scope; a year created or changed since validation conflicts.
    const current = new Map<string, EnterpriseYear>();
    const inScope = new Set<number>();
    for (const group of chunks([...new Set(decided.map((r) => r.enterpriseId!))], READ_CHUNK)) {
      for (const { id } of await tx.select({ id: enterprises.id }).from(enterprises).where(and(inArray(enterprises.id, group), liveFirms(actor)))) inScope.add(id);
      for (const y of await tx.select().from(enterpriseYears).where(inArray(enterpriseYears.enterpriseId, group))) current.set(key(y.enterpriseId, y.fiscalYear), y);
    }
    for (const row of decided) {
      if (!inScope.has(row.enterpriseId!) || current.get(key(row.enterpriseId!, row.values.fiscalYear))?.version !== row.versionSeen) conflicts.push(changedSince(row.row));
    }
    if (conflicts.length > 0) return { written, conflicts };

    const stamp: FigureSource = { source: origin.source, userId: origin.userId, at: new Date().toISOString(), ...(origin.importBatchId ? { importBatchId: origin.importBatchId } : {}) };
    const figuresOf = (row: PlanRow) => Object.fromEntries(Object.entries(row.changes ?? {}).map(([k, [, v]]) => [k, v])) as Partial<YearFigures>;
    const sourcesOf = (row: PlanRow) => Object.fromEntries(Object.keys(row.changes ?? {}).map((k) => [k, stamp]));
    const history: HistoryEntry[] = [];
    const creates = decided.filter((r) => r.versionSeen === undefined);
    const updates = decided.filter((r) => r.versionSeen !== undefined);
    const made = await insertReturning(
      tx,
      enterpriseYears,
      creates.map((row) => ({ ...figuresOf(row), enterpriseId: row.enterpriseId!, fiscalYear: row.values.fiscalYear as number, sources: sourcesOf(row), importBatchId: origin.importBatchId ?? null })),
    );
    made.forEach(({ id, version }, i) => {
      const row = creates[i]!;
      written.push({ row: row.row, entity: 'year', entityId: id, op: 'create', before: null, versionAfter: version });
      history.push({ enterpriseId: row.enterpriseId!, entity: 'year', entityId: id, action: 'year.create', changes: row.changes ?? {}, label: String(row.values.fiscalYear) });
    });
    const stored = updates.map((row) => current.get(key(row.enterpriseId!, row.values.fiscalYear))!);
    const missed = await updateVersioned(
      tx,
      'enterprise_years',
      updates.map((row, i) => ({ id: stored[i]!.id, version: row.versionSeen!, set: { ...figuresOf(row), sources: { ...stored[i]!.sources, ...sourcesOf(row) } } })),
      { importBatchId: origin.importBatchId ?? null, updatedAt: new Date() },
    );
    if (missed.length > 0) return { written, conflicts: missed.map((i) => changedSince(updates[i]!.row)) };
    updates.forEach((row, i) => {
      const year = stored[i]!;
      const before = { ...Object.fromEntries(Object.keys(row.changes ?? {}).map((k) => [k, year[k as keyof EnterpriseYear] ?? null])), sources: year.sources };
      written.push({ row: row.row, entity: 'year', entityId: year.id, op: 'update', before, versionAfter: year.version + 1 });
      history.push({ enterpriseId: row.enterpriseId!, entity: 'year', entityId: year.id, action: 'year.update', changes: row.changes ?? {}, label: String(row.values.fiscalYear) });
    });
    await insertHistory(tx, origin, history);
    return { written, conflicts };
  },
};
