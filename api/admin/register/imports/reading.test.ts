import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enterprises } from '../../../db/schema/index.ts';
import { createTestContext, makeEnterprise, type TestContext } from '../../../testing.ts';
import { updateVersioned } from './bulk.ts';
import { area, number } from './cells.ts';
import { areaOf, nameKey } from './names.ts';
import { parseCsv, readTable } from './sheet.ts';

describe('names people write', () => {
  it('maps the area names in use to the reporting areas', () => {
    expect(['临清市', '临清', ' 临 清 市 ', '聊城市临清市'].map(areaOf)).toEqual(['linqing', 'linqing', 'linqing', 'linqing']);
    expect(areaOf('茌平县')).toBe('chiping');
    expect(areaOf('371523')).toBe('chiping');
    expect(['聊城经济技术开发区', '经开区', '聊城经开区'].map(areaOf)).toEqual(['etdz', 'etdz', 'etdz']);
    expect(areaOf('高新区')).toBe('hitech');
    expect(areaOf('济南市')).toBeNull();
    expect(area('火星区')).toMatchObject({ error: { zh: '无法识别的县区“火星区”' } });
  });

  it('gives firm names that differ in width, brackets, spaces and legal form one key', () => {
    const key = nameKey('聊城（山东）精工轴承有限责任公司');
    expect(nameKey('聊城(山东)精工轴承有限公司')).toBe(key);
    // Published lists from Hong Kong or Taiwan partners, or a traditional input method, name the same firm.
    expect(nameKey('東昌華宸智能裝備有限公司')).toBe(nameKey('东昌华宸智能装备有限公司'));
    expect(nameKey('聊城 （山东） 精工轴承股份有限公司')).toBe(key);
    expect(nameKey('聊城（山东）精工轴承')).toBe(key);
    expect(nameKey('聊城（山东）精工机械有限公司')).not.toBe(key);
  });

  it('reads numbers as people type them and refuses text', () => {
    expect(number('1,234.5')).toEqual({ value: 1234.5 });
    expect(number('１２３')).toEqual({ value: 123 });
    expect(number('12万')).toMatchObject({ error: { en: '"12万" is not a number' } });
    expect(number('')).toEqual({ empty: true });
  });
});

describe('CSV', () => {
  it('parses quotes, doubled quotes, embedded newlines and CRLF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",3\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['two\nlines', '3'],
    ]);
  });

  it('reads a GB 18030 file as Excel on Chinese Windows saves it, and keeps row numbers across empty rows', async () => {
    // "企业名称,所在县区 / (empty row) / 苏公司,临清" in GB 18030, as Excel writes "CSV (逗号分隔)".
    const gbk = Buffer.from('c6f3d2b5c3fbb3c62ccbf9d4dacfd8c7f80d0a0d0acbd5b9abcbbe2cc1d9c7e50d0a', 'hex');
    const table = await readTable(gbk);
    expect(table.headings).toEqual(['企业名称', '所在县区']);
    expect(table.rows).toEqual([{ row: 3, cells: ['苏公司', '临清'] }]);
  });
});

describe('batched versioned updates', () => {
  let ctx: TestContext;
  beforeEach(async () => {
    ctx = await createTestContext();
  });
  afterEach(() => ctx.cleanup());

  it('updates rows at the version seen and names the rows that had moved', async () => {
    const a = await makeEnterprise(ctx.db);
    const b = await makeEnterprise(ctx.db);
    await ctx.db.update(enterprises).set({ version: 5 }).where(eq(enterprises.id, b.id));
    const missed = await ctx.db.transaction((tx) =>
      updateVersioned(tx, 'enterprises', [
        { id: a.id, version: 1, set: { contactName: '甲', highTech: true } },
        { id: b.id, version: 1, set: { contactName: '乙', highTech: true } },
      ], { importBatchId: null }),
    );
    expect(missed).toEqual([1]);
    const [after] = await ctx.db.select().from(enterprises).where(eq(enterprises.id, a.id));
    expect(after).toMatchObject({ contactName: '甲', highTech: true, version: 2 });
  });
});
