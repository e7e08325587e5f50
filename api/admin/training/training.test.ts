import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { trainees, trainingAttendances, trainingEvents } from '../../db/schema/index.ts';
import { withCheckChar } from '../../domain/credit-code.ts';
import { closePdfBrowser } from '../../lib/pdf.ts';
import { apiClient, createTestContext, makeEnterprise, type TestContext } from '../../testing.ts';
import type { RowError } from '../register/imports/declare.ts';
import { staffClient, xlsx } from '../register/imports/test-support.ts';
import { formatCertificateCode } from './certificate-code.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
let bureau: Awaited<ReturnType<typeof staffClient>>;

const code = (n: number) => withCheckChar(`91371500MA${String(5000000 + n).slice(-7)}`);
const HEAD = ['序号', '姓名', '手机号', '单位', '统一社会信用代码', '是否结业'];

beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
  bureau = await staffClient(ctx, api, 'bureau');
});
afterEach(() => ctx.cleanup());
afterAll(() => closePdfBrowser());

async function event(title: string, track = 'digital_commissioner', startsOn = '2025-04-10') {
  const res = await bureau.client.call('POST', '/admin/training/events', { track, title, startsOn, endsOn: startsOn, place: '聊城市民中心', online: false });
  expect(res.status).toBe(201);
  return res.json.id as number;
}

/** Uploads an attendee list for an event, commits it, and returns the batch. */
async function importList(eventId: number, rows: (string | number | null)[][], head = HEAD) {
  const upload = await bureau.upload('attendances', await xlsx([head, ...rows]), { eventId: String(eventId) });
  expect(upload.status).toBe(201);
  const commit = await bureau.client.call('POST', `/admin/imports/${upload.json.id}/commit`);
  expect(commit.status, JSON.stringify(commit.json)).toBe(200);
  return upload.json;
}

describe('training: people across events', () => {
  it('recognises the same mobile written differently as one person, counted once toward the track target', async () => {
    const firm = await makeEnterprise(ctx.db, { creditCode: code(1), name: '聊城示例轴承有限公司' });
    const spring = await event('2025 数字专员春季班', 'digital_commissioner', '2025-04-10');
    const autumn = await event('2026 数字专员提高班', 'digital_commissioner', '2026-09-20');
    await importList(spring, [[1, '张三', '138 0013 8000', '聊城示例轴承有限公司', null, '是']]);
    // Next year's list: +86 prefix, full-width digits, dashes, the firm written with brackets and another legal form.
    await importList(autumn, [[1, '张三', '+86-１３８-００１３-８０００', '聊城示例轴承有限责任公司', code(1), '合格']], ['序号', '学员姓名', '联系电话', '企业名称', '统一社会信用代码', '考核结果']);

    const people = await ctx.db.select().from(trainees);
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ mobile: '13800138000', enterpriseId: firm.id });
    expect(await ctx.db.select().from(trainingAttendances)).toHaveLength(2);

    const progress = await bureau.client.call('GET', '/admin/training/progress');
    const digital = progress.json.tracks.find((t: { track: string }) => t.track === 'digital_commissioner');
    expect(digital).toMatchObject({ completers: 1, attendees: 1, events: 2, target: 1000 });
  });

  it('re-importing a list updates completion instead of doubling people, and undo restores it', async () => {
    await makeEnterprise(ctx.db, { creditCode: code(2), name: '聊城示例钢管有限公司' });
    const id = await event('管理标兵训练营', 'management_exemplar');
    await importList(id, [[1, '李四', '13900139000', '聊城示例钢管有限公司', null, '否']]);
    const again = await importList(id, [[1, '李四', '139-0013-9000', '聊城示例钢管有限公司', null, '结业']]);
    expect(again.summary).toMatchObject({ update: 1, create: 0 });
    const [row] = await ctx.db.select().from(trainingAttendances);
    expect(row?.completed).toBe(true);
    const undo = await bureau.client.call('DELETE', `/admin/imports/${again.id}`);
    expect(undo.status).toBe(200);
    const [after] = await ctx.db.select().from(trainingAttendances);
    expect(after?.completed).toBe(false);
  });
});

describe('training: the attendee list import', () => {
  it('reports each bad row at its row and column, and commits nothing while errors remain', async () => {
    await makeEnterprise(ctx.db, { creditCode: code(3), name: '聊城示例电缆有限公司' });
    const id = await event('数字化转型专题班');
    const upload = await bureau.upload(
      'attendances',
      await xlsx([
        HEAD,
        [1, '王五', '13700137000', '聊城示例电缆有限公司', null, '是'], // row 2: fine
        [2, '赵六', '0635-8888888', '聊城示例电缆有限公司', null, '是'], // row 3: a landline
        [3, null, '13600136000', '聊城示例电缆有限公司', null, '是'], // row 4: no name
        [4, '孙七', '13500135000', null, code(99), '是'], // row 5: code not in the register
        [5, '周八', '13400134000', '聊城示例电缆有限公司', null, '也许'], // row 6: not a completion value
        [6, '王五', '137 0013 7000', '聊城示例电缆有限公司', null, '否'], // row 7: same person as row 2
      ]),
      { eventId: String(id) },
    );
    expect(upload.status).toBe(201);
    const errors: RowError[] = upload.json.errors;
    const at = (row: number) => errors.filter((e) => e.row === row);
    expect(at(2)).toEqual([]);
    expect(at(3)[0]).toMatchObject({ column: '手机号', cell: 'C3', message: expect.stringContaining('不是有效的手机号') });
    expect(at(4)[0]).toMatchObject({ column: '姓名', message: '缺少姓名' });
    expect(at(5)[0]).toMatchObject({ column: '统一社会信用代码', message: expect.stringContaining('企业库中没有') });
    expect(at(6)[0]).toMatchObject({ column: '是否结业', cell: 'F6' });
    expect(at(7)[0]).toMatchObject({ column: '手机号', message: '与第 2 行重复' });
    const commit = await bureau.client.call('POST', `/admin/imports/${upload.json.id}/commit`);
    expect(commit.status).toBe(409);
    expect(await ctx.db.select().from(trainingAttendances)).toHaveLength(0);
  });

  it('refuses a list for an event that does not exist', async () => {
    await makeEnterprise(ctx.db, { creditCode: code(4), name: '聊城示例纸业有限公司' });
    const upload = await bureau.upload('attendances', await xlsx([HEAD, [1, '钱九', '13300133000', '聊城示例纸业有限公司', null, '是']]), { eventId: '999' });
    expect(upload.status).toBe(404);
  });
});

describe('training: certificates', () => {
  async function completedAttendance() {
    await makeEnterprise(ctx.db, { creditCode: code(5), name: '聊城示例阿胶有限公司' });
    const id = await event('数字专员结业班');
    await importList(id, [[1, '陈晓明', '13812345678', '聊城示例阿胶有限公司', null, '否']]);
    const detail = await bureau.client.call('GET', `/admin/training/events/${id}`);
    return detail.json.attendees[0].id as number;
  }

  it('issues a certificate only after completion; the public page finds it valid, a changed or invented code unknown, a revoked one revoked', async () => {
    const attendanceId = await completedAttendance();
    expect((await bureau.client.call('POST', '/admin/training/certificates', { attendanceId })).status).toBe(409);
    expect((await bureau.client.call('PATCH', `/admin/training/attendances/${attendanceId}`, { completed: true })).status).toBe(200);
    const issued = await bureau.client.call('POST', '/admin/training/certificates', { attendanceId });
    expect(issued.status).toBe(201);
    const certCode: string = issued.json.code;
    expect(certCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);

    const anonymous = apiClient(api);
    const valid = await anonymous.call('GET', `/verify/${formatCertificateCode(certCode).toLowerCase()}`);
    expect(valid.json).toMatchObject({ status: 'valid', certificate: { personName: '陈晓明', firmName: '聊城示例阿胶有限公司', maskedMobile: '138****5678', track: 'digital_commissioner' } });
    expect(JSON.stringify(valid.json)).not.toContain('13812345678');

    const last = certCode[11] === 'A' ? 'B' : 'A';
    expect((await anonymous.call('GET', `/verify/${certCode.slice(0, 11)}${last}`)).json).toEqual({ status: 'unknown' });
    expect((await anonymous.call('GET', '/verify/ZZZZZZZZZZZZ')).json).toEqual({ status: 'unknown' });
    expect((await anonymous.call('GET', '/verify/not-a-code')).json).toEqual({ status: 'unknown' });

    expect((await bureau.client.call('POST', `/admin/training/certificates/${issued.json.id}/revoke`, { reason: '信息有误' })).status).toBe(200);
    expect((await anonymous.call('GET', `/verify/${certCode}`)).json).toMatchObject({ status: 'revoked', certificate: { personName: '陈晓明' } });
  });

  it('prints a PDF whose text holds the Chinese wording, the person, the firm and the code', async () => {
    const attendanceId = await completedAttendance();
    await bureau.client.call('PATCH', `/admin/training/attendances/${attendanceId}`, { completed: true });
    const issued = await bureau.client.call('POST', '/admin/training/certificates', { attendanceId });
    const pdf = await bureau.client.call('GET', `/admin/training/certificates/${issued.json.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.res.headers.get('Content-Type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.res.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'cert-')), 'c.pdf');
    writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const expected of ['结业证书', '陈晓明', '聊城示例阿胶有限公司', '数字专员结业班', '138****5678', formatCertificateCode(issued.json.code)]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('13812345678');
  }, 60_000);

  it('lets county officers see only attendees of their area, and not manage completion', async () => {
    await makeEnterprise(ctx.db, { creditCode: code(6), name: '临清示例轴承有限公司', county: 'linqing' });
    await makeEnterprise(ctx.db, { creditCode: code(7), name: '冠县示例钢管有限公司', county: 'guanxian' });
    const id = await event('管理诊断培训', 'management_diagnosis');
    await importList(id, [
      [1, '刘一', '13811110001', '临清示例轴承有限公司', null, '是'],
      [2, '刘二', '13811110002', '冠县示例钢管有限公司', null, '是'],
    ]);
    const officer = await staffClient(ctx, api, 'county', 'linqing');
    const detail = await officer.client.call('GET', `/admin/training/events/${id}`);
    expect(detail.json.attendees.map((a: { name: string }) => a.name)).toEqual(['刘一']);
    const [other] = await ctx.db.select({ id: trainingAttendances.id }).from(trainingAttendances).innerJoin(trainees, eq(trainees.id, trainingAttendances.traineeId)).where(eq(trainees.name, '刘二'));
    expect((await officer.client.call('PATCH', `/admin/training/attendances/${other!.id}`, { completed: false })).status).toBe(403);
    expect((await ctx.db.select().from(trainingEvents)).length).toBe(1);
  });
});
