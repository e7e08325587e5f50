import { and, eq } from 'drizzle-orm';
import { readSheet } from 'read-excel-file/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../../app.ts';
import { auditLog, enterpriseYears, enterprises, importChanges, preEvaluations, tierRecognitions } from '../../../db/schema/index.ts';
import { withCheckChar } from '../../../domain/credit-code.ts';
import { createTestContext, makeEnterprise, type TestContext } from '../../../testing.ts';
import { saveYearIn, updateFirm } from '../writes.ts';
import type { RowError } from './declare.ts';
import { deflated, deflatedZeros, staffClient, xlsx, zipOf } from './test-support.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
let bureau: Awaited<ReturnType<typeof staffClient>>;

const code = (n: number) => withCheckChar(`91371500MA${String(3000000 + n).slice(-7)}`);
/** The same code with a wrong last character. */
const badCheck = (c: string) => c.slice(0, 17) + (c[17] === '1' ? '2' : '1');
const FIRM_HEAD = ['统一社会信用代码', '企业名称', '县（市、区）', '所属行业', '企业规模', '备注'];
const thisYear = new Date().getFullYear();

const errorAt = (errors: RowError[], row: number, column: string) => errors.filter((e) => e.row === row && e.column === column);

beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
  bureau = await staffClient(ctx, api, 'bureau');
});
afterEach(() => ctx.cleanup());

describe('spreadsheet import: rows with errors', () => {
  it('reports every bad firm row at its row and column, folds full-width codes, skips empty rows and lists extra columns', async () => {
    const trashed = await makeEnterprise(ctx.db, { creditCode: code(90), deletedAt: new Date() });
    await makeEnterprise(ctx.db, { creditCode: code(91), name: '聊城同名轴承有限公司' });
    const fullWidth = code(1).replace(/[0-9A-Z]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    const file = await xlsx([
      FIRM_HEAD,
      [` ${fullWidth.slice(0, 9)} ${fullWidth.slice(9)} `, '全角代码有限公司', '临清', '轴承', '小型', '多余列'], // row 2: accepted
      [badCheck(code(2)), '校验位错误有限公司', '临清市', '轴承', '小型', null], // row 3
      [code(3), '未知县区有限公司', '火星区', '轴承', '小型', null], // row 4
      [null, null, null, null, null, null], // row 5: empty, skipped
      [code(4), '重复一有限公司', '冠县', '钢管', '中型', null], // row 6
      [code(4), '重复二有限公司', '冠县', '钢管', '中型', null], // row 7: duplicate of row 6
      [trashed.creditCode, '回收站企业有限公司', '冠县', '钢管', '中型', null], // row 8: code already in the register
      [code(5), '聊城同名轴承有限责任公司', '冠县', '钢管', '中型', null], // row 9: name already in the register
      [code(6), '公式有限公司', { formula: '=1+2' }, '钢管', '中型', null], // row 10: formula
      [{ value: code(7), span: 2 }, null, '冠县', '钢管', '中型', null], // row 11: merged cells
    ]);
    const res = await bureau.upload('enterprises', file);
    expect(res.status).toBe(201);
    const { errors, summary, rows, warnings } = res.json;
    expect(rows).toBe(9);
    expect(errorAt(errors, 2, '统一社会信用代码')).toEqual([]);
    expect(errorAt(errors, 3, '统一社会信用代码')[0]).toMatchObject({ cell: 'A3', message: expect.stringContaining('校验位错误'), messageEn: expect.stringContaining('check character') });
    expect(errorAt(errors, 4, '县（市、区）')[0]).toMatchObject({ cell: 'C4', message: expect.stringContaining('火星区'), messageEn: expect.stringContaining('Unknown area') });
    expect(errors.filter((e: { row: number }) => e.row === 5)).toEqual([]);
    expect(errorAt(errors, 6, '统一社会信用代码')).toEqual([]);
    expect(errorAt(errors, 7, '统一社会信用代码')[0]).toMatchObject({ message: '与第 6 行重复', messageEn: 'Duplicate of row 6' });
    expect(errorAt(errors, 8, '统一社会信用代码')[0]?.message).toContain('已在企业库中');
    expect(errorAt(errors, 9, '企业名称')[0]?.message).toContain('同名企业');
    expect(errorAt(errors, 10, '县（市、区）')[0]).toMatchObject({ cell: 'C10', message: expect.stringContaining('公式'), messageEn: expect.stringContaining('formula') });
    expect(errors.find((e: { row: number; cell?: string }) => e.row === 11 && e.cell === 'A11')?.message).toContain('合并单元格');
    expect(summary).toMatchObject({ create: 2, error: 7 });
    expect(warnings[0].zh).toContain('备注');

    const preview = await bureau.client.call('GET', `/admin/imports/${res.json.id}?action=create`);
    expect(preview.json.items.map((r: { row: number }) => r.row)).toEqual([2, 6]);
    expect(preview.json.items[0].changes.creditCode[1]).toBe(code(1));
  });

  it('reports text in a number column, negative revenue and a future fiscal year, and leaves empty figures alone', async () => {
    const firm = await makeEnterprise(ctx.db, { creditCode: code(10) });
    await ctx.db.insert(enterpriseYears).values({ enterpriseId: firm.id, fiscalYear: 2024, revenue: 900, employees: 50 });
    const head = ['信用代码', '年度', '营业收入（万元）', '从业人员（人）', '研发费用（万元）'];
    const file = await xlsx([
      head,
      [code(10), '2024年', 1200, null, 80], // row 2: update revenue and R&D, employees untouched
      [code(10), 2023, '一千二', 10, 5], // row 3
      [code(10), 2022, -5, 10, 5], // row 4
      [code(10), thisYear + 1, 100, 10, 5], // row 5
    ]);
    const res = await bureau.upload('yearly', file);
    expect(errorAt(res.json.errors, 3, '营业收入（万元）')[0]).toMatchObject({ cell: 'C3', message: '“一千二”不是数字', messageEn: '"一千二" is not a number' });
    expect(errorAt(res.json.errors, 4, '营业收入（万元）')[0]).toMatchObject({ message: '不能为负数', messageEn: 'must not be negative' });
    expect(errorAt(res.json.errors, 5, '年度')[0]?.messageEn).toContain('has not ended');
    expect(res.json.summary).toMatchObject({ update: 1, error: 3 });

    // Drop the bad rows and commit the good one: employees keeps its stored value.
    const good = await bureau.upload('yearly', await xlsx([head, [code(10), 2024, 1200, null, 80]]));
    expect((await bureau.client.call('POST', `/admin/imports/${good.json.id}/commit`)).status).toBe(200);
    const [year] = await ctx.db.select().from(enterpriseYears).where(eq(enterpriseYears.enterpriseId, firm.id));
    expect(year).toMatchObject({ revenue: 1200, rdSpend: 80, employees: 50, importBatchId: good.json.id });
    expect(year!.sources.revenue).toMatchObject({ source: 'import', importBatchId: good.json.id });

    // Undo puts back exactly what was there, sources included.
    expect((await bureau.client.call('DELETE', `/admin/imports/${good.json.id}`)).status).toBe(200);
    const [undone] = await ctx.db.select().from(enterpriseYears).where(eq(enterpriseYears.enterpriseId, firm.id));
    expect(undone).toMatchObject({ revenue: 900, rdSpend: null, employees: 50, sources: {} });
  });

  it('refuses a sheet missing required columns with one error naming them', async () => {
    const res = await bureau.upload('enterprises', await xlsx([['企业名称', '备注'], ['某某有限公司', 'x']]));
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('import_missing_columns');
    expect(res.json.error.message).toContain('统一社会信用代码');
    expect(res.json.error.message).toContain('所在县区');
  });
});

describe('spreadsheet import: matching titles by name', () => {
  it('matches names across （） vs () and 有限责任公司 variants, shows an ambiguous name for a person to resolve, then commits tagged rows', async () => {
    const bracket = await makeEnterprise(ctx.db, { name: '聊城（山东）精工轴承有限责任公司', county: 'linqing' });
    const twinA = await makeEnterprise(ctx.db, { name: '聊城双子机械有限公司', county: 'guanxian' });
    await makeEnterprise(ctx.db, { name: '聊城双子机械有限公司', county: 'gaotang' });
    const file = await xlsx([
      ['序号', '企业名称', '所在县区', '主导产品'],
      [1, '聊城(山东)精工轴承有限公司', '临清市', '轴承'],
      [2, '聊城双子机械有限公司', null, '阀门'],
    ]);
    const res = await bureau.upload('titles', file, { tier: 'srdi', level: 'provincial', year: '2025', batch: '第一批', documentNo: '鲁工信〔2025〕1号' });
    expect(res.status).toBe(201);
    expect(res.json.summary).toMatchObject({ create: 1, ambiguous: 1 });
    const preview = await bureau.client.call('GET', `/admin/imports/${res.json.id}`);
    expect(preview.json.items[0]).toMatchObject({ row: 2, action: 'create', enterpriseId: bracket.id });
    expect(preview.json.items[1].candidates).toHaveLength(2);

    expect((await bureau.client.call('POST', `/admin/imports/${res.json.id}/commit`)).status).toBe(409);
    const resolved = await bureau.client.call('POST', `/admin/imports/${res.json.id}/resolutions`, { row: 3, enterpriseId: twinA.id });
    expect(resolved.json).toMatchObject({ action: 'create', enterpriseId: twinA.id });
    expect((await bureau.client.call('POST', `/admin/imports/${res.json.id}/commit`)).status).toBe(200);

    const titles = await ctx.db.select().from(tierRecognitions);
    expect(titles.map((t) => [t.enterpriseId, t.tier, t.level, t.year, t.batch, t.importBatchId])).toEqual([
      [bracket.id, 'srdi', 'provincial', 2025, '第一批', res.json.id],
      [twinA.id, 'srdi', 'provincial', 2025, '第一批', res.json.id],
    ]);
    const history = await ctx.db.select().from(auditLog).where(eq(auditLog.action, 'title.create'));
    expect(history.map((h) => (h.detail as { importBatchId?: number }).importBatchId)).toEqual([res.json.id, res.json.id]);
    expect(await ctx.db.select().from(importChanges)).toHaveLength(2);
  });
});

describe('spreadsheet import: commit and undo', () => {
  it('undoes a batch to exactly the previous values, and refuses when a row was edited after the import', async () => {
    const firm = await makeEnterprise(ctx.db, { creditCode: code(20), name: '原名有限公司', county: 'yanggu', sizeClass: 'small' });
    const sheet = await xlsx([
      FIRM_HEAD.slice(0, 5),
      [code(20), '新名有限公司', '阳谷县', '轴承', '中型'],
      [code(21), '新建企业有限公司', '莘县', '钢管', '小型'],
    ]);
    const first = await bureau.upload('enterprises', sheet);
    expect(first.json.summary).toMatchObject({ update: 1, create: 1 });
    expect((await bureau.client.call('POST', `/admin/imports/${first.json.id}/commit`)).status).toBe(200);
    const [after] = await ctx.db.select().from(enterprises).where(eq(enterprises.id, firm.id));
    expect(after).toMatchObject({ name: '新名有限公司', sizeClass: 'medium', importBatchId: first.json.id });

    const undo = await bureau.client.call('DELETE', `/admin/imports/${first.json.id}`);
    expect(undo.status).toBe(200);
    const [restored] = await ctx.db.select().from(enterprises).where(eq(enterprises.id, firm.id));
    expect(restored).toMatchObject({ name: '原名有限公司', sizeClass: 'small' });
    expect(await ctx.db.select().from(enterprises).where(eq(enterprises.creditCode, code(21)))).toEqual([]);

    // Again, but someone edits the firm after the import: undo names the row and changes nothing.
    const second = await bureau.upload('enterprises', sheet);
    await bureau.client.call('POST', `/admin/imports/${second.json.id}/commit`);
    const [imported] = await ctx.db.select().from(enterprises).where(eq(enterprises.id, firm.id));
    await updateFirm(ctx.db, { ...bureau.user }, firm.id, { contactName: '李某', version: imported!.version }, { userId: bureau.user.id, source: 'bureau' });
    const refused = await bureau.client.call('DELETE', `/admin/imports/${second.json.id}`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.details.rows).toEqual([2]);
    expect(await ctx.db.select().from(enterprises).where(eq(enterprises.creditCode, code(21)))).toHaveLength(1);
  });

  it('stores every touched firm’s pre-evaluation (what the candidate filters read) as the dossier computes it', async () => {
    const lastYear = thisYear - 1;
    const strong = await makeEnterprise(ctx.db, { creditCode: code(40), name: '甲导入候选企业' });
    const weak = await makeEnterprise(ctx.db, { creditCode: code(41), name: '乙导入企业' });
    const head = ['统一社会信用代码', '年度', '营业收入（万元）', '主营业务收入（万元）', '研发费用（万元）', '研发人员（人）', '从业人员（人）', '资产总额（万元）', '负债总额（万元）', '从事细分市场年限'];
    const batch = await bureau.upload('yearly', await xlsx([head, [code(40), lastYear, 5000, 4500, 300, 20, 100, 6000, 2000, 6], [code(41), lastYear, 5000, 4500, 50, 20, 100, 6000, 2000, 6]]));
    expect((await bureau.client.call('POST', `/admin/imports/${batch.json.id}/commit`)).status).toBe(200);
    const candidates = await bureau.client.call('GET', '/admin/enterprises?candidate=srdi-2022');
    expect(candidates.json.items.map((i: { name: string }) => i.name)).toEqual(['甲导入候选企业']);
    for (const firm of [strong, weak]) {
      const stored = await ctx.db.select().from(preEvaluations).where(and(eq(preEvaluations.enterpriseId, firm.id), eq(preEvaluations.fiscalYear, lastYear)));
      const live = await bureau.client.call('GET', `/admin/enterprises/${firm.id}/pre-evaluation?year=${lastYear}`);
      expect(stored.length).toBe(live.json.results.length);
      for (const r of live.json.results as { ruleset: string; verdict: string; total: number | null }[]) {
        expect(stored.find((s) => s.ruleset === r.ruleset)).toMatchObject({ verdict: r.verdict, total: r.total });
      }
    }
  });

  it('refuses to undo the creation of a firm that has gathered data of its own since', async () => {
    const batch = await bureau.upload('enterprises', await xlsx([FIRM_HEAD.slice(0, 5), [code(25), '新建企业有限公司', '莘县', '钢管', '小型']]));
    await bureau.client.call('POST', `/admin/imports/${batch.json.id}/commit`);
    const [firm] = await ctx.db.select().from(enterprises).where(eq(enterprises.creditCode, code(25)));
    await ctx.db.transaction((tx) => saveYearIn(tx, { ...bureau.user }, firm!.id, 2024, { revenue: 800 }, undefined, { userId: bureau.user.id, source: 'bureau' }));
    const refused = await bureau.client.call('DELETE', `/admin/imports/${batch.json.id}`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.details.rows).toEqual([2]);
    expect(await ctx.db.select().from(enterpriseYears).where(eq(enterpriseYears.enterpriseId, firm!.id))).toHaveLength(1);
  });

  it('catches two rows writing one record, one naming the firm by credit code and one by name, before commit', async () => {
    await makeEnterprise(ctx.db, { creditCode: code(27), name: '同一企业测试有限公司', county: 'linqing' });
    const titles = await bureau.upload(
      'titles',
      await xlsx([['序号', '统一社会信用代码', '企业名称', '所在县区'], [1, null, '同一企业测试有限公司', '临清市'], [2, code(27), null, null]]),
      { tier: 'srdi', level: 'provincial', year: '2025' },
    );
    expect(titles.json.summary).toMatchObject({ create: 1, error: 1 });
    expect(titles.json.errors).toMatchObject([{ row: 3, column: '统一社会信用代码', message: '与第 2 行是同一家企业的同一条记录' }]);
    expect((await bureau.client.call('POST', `/admin/imports/${titles.json.id}/commit`)).status).toBe(409);

    const head = ['统一社会信用代码', '企业名称', '所在县区', '年度', '营业收入（万元）'];
    const years = await bureau.upload('yearly', await xlsx([head, [code(27), null, null, 2024, 100], [null, '同一企业测试有限公司', '临清市', 2024, 200]]));
    expect(years.json.errors).toMatchObject([{ row: 3, column: '企业名称', messageEn: "The same firm's record as row 2" }]);

    const twins = await bureau.upload('enterprises', await xlsx([FIRM_HEAD.slice(0, 5), [code(28), '双胞胎测试有限公司', '莘县', '钢管', '小型'], [code(29), '双胞胎测试有限公司', '莘县', '钢管', '小型']]));
    expect(twins.json.errors).toMatchObject([{ row: 3, column: '统一社会信用代码', message: '与第 2 行是同名的新企业' }]);
  });

  it('undoes batches in reverse order: a firm import after the title import that matched its firm was undone', async () => {
    const firms = await bureau.upload('enterprises', await xlsx([FIRM_HEAD.slice(0, 5), [code(26), '撤销顺序测试有限公司', '莘县', '钢管', '小型']]));
    expect((await bureau.client.call('POST', `/admin/imports/${firms.json.id}/commit`)).status).toBe(200);
    const titles = await bureau.upload('titles', await xlsx([['序号', '企业名称', '所在县区', '主导产品'], [1, '撤销顺序测试有限公司', '莘县', '无缝钢管']]), { tier: 'srdi', level: 'provincial', year: '2025' });
    expect(titles.json.summary).toMatchObject({ create: 1 });
    expect((await bureau.client.call('POST', `/admin/imports/${titles.json.id}/commit`)).status).toBe(200);
    // While the title stands, the firm has data of its own: its creation cannot be undone.
    expect((await bureau.client.call('DELETE', `/admin/imports/${firms.json.id}`)).status).toBe(409);
    expect((await bureau.client.call('DELETE', `/admin/imports/${titles.json.id}`)).status).toBe(200);
    expect((await bureau.client.call('DELETE', `/admin/imports/${firms.json.id}`)).status).toBe(200);
    expect(await ctx.db.select().from(enterprises).where(eq(enterprises.creditCode, code(26)))).toEqual([]);
  });

  it('refuses a commit when the register changed since validation, writing nothing', async () => {
    const firm = await makeEnterprise(ctx.db, { creditCode: code(30), county: 'donge' });
    const batch = await bureau.upload('enterprises', await xlsx([FIRM_HEAD.slice(0, 5), [code(30), '改名有限公司', '东阿县', '轴承', '小型'], [code(31), '另一家有限公司', '东阿县', '轴承', '小型']]));
    await updateFirm(ctx.db, { ...bureau.user }, firm.id, { contactName: '王某', version: firm.version }, { userId: bureau.user.id, source: 'bureau' });
    const res = await bureau.client.call('POST', `/admin/imports/${batch.json.id}/commit`);
    expect(res.status).toBe(409);
    expect(res.json.error.details.conflicts[0].row).toBe(2);
    expect(await ctx.db.select().from(enterprises).where(eq(enterprises.creditCode, code(31)))).toEqual([]);
  });
});

describe('spreadsheet import: files refused', () => {
  it('refuses a zip bomb, a password-protected workbook and a file that is not a spreadsheet', async () => {
    const bomb = zipOf([
      { name: 'xl/workbook.xml', deflated: deflated('<workbook/>'), declared: 11 },
      // Declares 2 KB but inflates to 300 MB: only counting the real bytes catches it.
      { name: 'xl/worksheets/sheet1.xml', deflated: await deflatedZeros(300), declared: 2048 },
    ]);
    const a = await bureau.upload('enterprises', bomb);
    expect([a.status, a.json.error.code]).toEqual([422, 'import_zip_bomb']);

    const encrypted = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    const b = await bureau.upload('enterprises', encrypted);
    expect([b.status, b.json.error.code]).toEqual([422, 'import_encrypted']);
    expect(b.json.error.message).toContain('密码');

    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(64)]);
    const c = await bureau.upload('enterprises', png, {}, 'photo.png');
    expect([c.status, c.json.error.code]).toEqual([415, 'import_not_spreadsheet']);
  });
});

describe('spreadsheet import: scope and the error sheet', () => {
  it("refuses a county officer's rows outside its area, row by row", async () => {
    const officer = await staffClient(ctx, api, 'county', 'linqing');
    const res = await officer.upload('enterprises', await xlsx([FIRM_HEAD.slice(0, 5), [code(40), '临清企业有限公司', '临清市', '轴承', '小型'], [code(41), '冠县企业有限公司', '冠县', '轴承', '小型']]));
    expect(res.json.summary).toMatchObject({ create: 1, error: 1 });
    expect(errorAt(res.json.errors, 3, '县（市、区）')[0]).toMatchObject({ message: '冠县不在您的辖区，不能导入' });
    // The bureau sees the officer's batch; another county officer does not.
    const other = await staffClient(ctx, api, 'county', 'guanxian');
    expect((await other.client.call('GET', `/admin/imports/${res.json.id}`)).status).toBe(404);
    expect((await bureau.client.call('GET', `/admin/imports/${res.json.id}`)).status).toBe(200);
    expect((await other.client.call('GET', '/admin/imports')).json.items).toEqual([]);
    expect((await bureau.client.call('GET', '/admin/imports')).json.items.map((b: { id: number }) => b.id)).toEqual([res.json.id]);

    // A name the officer's area does not have cannot be resolved to a firm of another area.
    const elsewhere = await makeEnterprise(ctx.db, { name: '冠县某某有限公司', county: 'guanxian' });
    const list = await officer.upload('titles', await xlsx([['企业名称'], ['冠县某某有限公司']]), { tier: 'srdi', level: 'provincial', year: '2025' });
    expect(list.json.summary).toMatchObject({ unmatched: 1 });
    expect((await officer.client.call('POST', `/admin/imports/${list.json.id}/resolutions`, { row: 2, enterpriseId: elsewhere.id })).status).toBe(404);
  });

  it('hands back the uploaded sheet with a 错误原因 column that reads back', async () => {
    const upload = await bureau.upload('enterprises', await xlsx([FIRM_HEAD.slice(0, 5), [badCheck(code(50)), '甲有限公司', '临清', '轴承', '小型'], [code(51), '乙有限公司', '临清', '轴承', '小型']]));
    const res = await api.request(`/admin/imports/${upload.json.id}/errors.xlsx`, { headers: { Cookie: bureau.client.cookie } });
    expect(res.status).toBe(200);
    const rows = await readSheet(Buffer.from(await res.arrayBuffer()));
    expect(rows[0]!.at(-1)).toBe('错误原因 Error');
    expect(String(rows[1]!.at(-1))).toContain('校验位错误');
    expect(rows[2]!.at(-1) ?? null).toBeNull();
    expect(rows[2]![0]).toBe(code(51));
  });

  it('hands out a template whose headings the import recognises', async () => {
    const res = await api.request('/admin/imports/templates/yearly.xlsx', { headers: { Cookie: bureau.client.cookie } });
    const rows = await readSheet(Buffer.from(await res.arrayBuffer()));
    expect(rows[0]!.slice(0, 4)).toEqual(['统一社会信用代码', '企业名称', '所在县区', '年度']);
    const anon = await api.request('/admin/imports/templates/yearly.xlsx');
    expect(anon.status).toBe(401);

    // An untouched firm template imports cleanly: its example row is one new firm.
    const firms = await api.request('/admin/imports/templates/enterprises.xlsx', { headers: { Cookie: bureau.client.cookie } });
    const uploaded = await bureau.upload('enterprises', Buffer.from(await firms.arrayBuffer()));
    expect(uploaded.json).toMatchObject({ errors: [], warnings: [], summary: { create: 1 } });
  });
});
