import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { enterpriseYears, halls, tierRecognitions } from '../../db/schema/index.ts';
import { todayInChina } from '../../lib/dates.ts';
import { searchDirectory } from '../../public/queries/directory.ts';
import { publicCache } from '../../public/queries/public-cache.ts';
import { apiClient, signInWithSecondFactor, createTestContext, makeEnterprise, makeHall, makeUser, type TestContext } from '../../testing.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
const today = todayInChina();
const lastYear = Number(today.slice(0, 4)) - 1;

beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
  publicCache.clear();
});
afterEach(() => ctx.cleanup());

async function signIn(role: 'bureau' | 'admin' | 'county' | 'enterprise', extra: { enterpriseId?: number } = {}) {
  const email = `${role}${Math.random().toString(36).slice(2)}@example.org`;
  await makeUser(ctx.db, { role, email, enterpriseId: extra.enterpriseId ?? null, county: role === 'county' ? 'linqing' : null, totp: role !== 'enterprise' });
  const client = apiClient(api);
  expect((await signInWithSecondFactor(client, email)).status).toBe(200);
  return client;
}

describe('edits: versions, conflicts and history', () => {
  it('answers 409 with both values when two people save from the same version, and keeps field-level history', async () => {
    const firm = await makeEnterprise(ctx.db, { name: '临清恒运精密轴承有限公司' });
    const li = await signIn('bureau');
    const wang = await signIn('bureau');
    const seen = (await li.call('GET', `/admin/enterprises/${firm.id}`)).json.firm.version;
    expect((await wang.call('GET', `/admin/enterprises/${firm.id}`)).json.firm.version).toBe(seen);

    const first = await li.call('PATCH', `/admin/enterprises/${firm.id}`, { mainProduct: '深沟球轴承', version: seen });
    expect(first.status).toBe(200);
    const second = await wang.call('PATCH', `/admin/enterprises/${firm.id}`, { mainProduct: '圆锥滚子轴承', version: seen });
    expect(second.status).toBe(409);
    expect(second.json.error.code).toBe('version_conflict');
    expect(second.json.error.details).toEqual({ currentVersion: seen + 1, current: { mainProduct: '深沟球轴承' }, yours: { mainProduct: '圆锥滚子轴承' } });
    // The stored value is the first save's; the second person saves again on the current version.
    const retry = await wang.call('PATCH', `/admin/enterprises/${firm.id}`, { mainProduct: '圆锥滚子轴承', version: seen + 1 });
    expect(retry.status).toBe(200);

    const dossier = (await li.call('GET', `/admin/enterprises/${firm.id}`)).json;
    const changes = dossier.history.filter((h: { field: string }) => h.field === 'mainProduct');
    expect(changes.map((h: { before: unknown; after: unknown }) => [h.before, h.after])).toEqual([
      ['深沟球轴承', '圆锥滚子轴承'],
      [null, '深沟球轴承'],
    ]);
    // Restoring the older value is itself a change with history.
    const restore = await li.call('POST', `/admin/enterprises/${firm.id}/history/${changes[0].auditId}/restore`, { field: 'mainProduct' });
    expect(restore.status).toBe(200);
    expect(restore.json.mainProduct).toBe('深沟球轴承');
  });

  it('restores an older figure of a fiscal year from the history, itself a change with history', async () => {
    const firm = await makeEnterprise(ctx.db);
    const staff = await signIn('bureau');
    expect((await staff.call('PUT', `/admin/enterprises/${firm.id}/years/${lastYear}`, { revenue: 5852.1 })).status).toBe(200);
    const first = (await staff.call('GET', `/admin/enterprises/${firm.id}`)).json;
    const version = first.years.find((y: { fiscalYear: number }) => y.fiscalYear === lastYear).version;
    expect((await staff.call('PUT', `/admin/enterprises/${firm.id}/years/${lastYear}`, { revenue: 5900, version })).status).toBe(200);
    const history = (await staff.call('GET', `/admin/enterprises/${firm.id}`)).json.history.filter((h: { field: string }) => h.field === 'revenue');
    expect(history[0]).toMatchObject({ entity: 'year', before: 5852.1, after: 5900 });
    const restored = await staff.call('POST', `/admin/enterprises/${firm.id}/history/${history[0].auditId}/restore`, { field: 'revenue' });
    expect([restored.status, restored.json.revenue]).toEqual([200, 5852.1]);
    const after = (await staff.call('GET', `/admin/enterprises/${firm.id}`)).json.history.filter((h: { field: string }) => h.field === 'revenue');
    expect(after[0]).toMatchObject({ before: 5900, after: 5852.1 });
  });

  it('records the firm’s own profile edits with their source, so a staff save on the old version conflicts', async () => {
    const firm = await makeEnterprise(ctx.db);
    const staff = await signIn('bureau');
    const owner = await signIn('enterprise', { enterpriseId: firm.id });
    const version = (await staff.call('GET', `/admin/enterprises/${firm.id}`)).json.firm.version;
    expect((await owner.call('PATCH', `/portal/enterprises/${firm.id}/profile`, { contactName: '王经理' })).status).toBe(200);
    expect((await staff.call('PATCH', `/admin/enterprises/${firm.id}`, { contactName: '李经理', version })).status).toBe(409);
    const history = (await staff.call('GET', `/admin/enterprises/${firm.id}`)).json.history;
    expect(history[0]).toMatchObject({ field: 'contactName', before: null, after: '王经理', source: 'firm' });
  });

  it('keeps each yearly figure’s source, refuses a stale year save and a future year', async () => {
    const firm = await makeEnterprise(ctx.db);
    const staff = await signIn('bureau');
    const owner = await signIn('enterprise', { enterpriseId: firm.id });
    expect((await owner.call('PUT', `/portal/enterprises/${firm.id}/years/${lastYear}`, { revenue: 1200, rdSpend: 30 })).status).toBe(200);
    const year = (await staff.call('GET', `/admin/enterprises/${firm.id}`)).json.years[0];
    expect(year.sources.revenue.source).toBe('firm');
    expect((await staff.call('PUT', `/admin/enterprises/${firm.id}/years/${lastYear}`, { revenue: 1350, version: year.version })).status).toBe(200);
    const after = (await staff.call('GET', `/admin/enterprises/${firm.id}`)).json;
    expect(after.years[0].sources.revenue.source).toBe('bureau');
    expect(after.years[0].sources.rdSpend.source).toBe('firm');
    expect(after.history.find((h: { field: string }) => h.field === 'revenue')).toMatchObject({ before: 1200, after: 1350, label: String(lastYear) });
    expect((await owner.call('PUT', `/portal/enterprises/${firm.id}/years/${lastYear}`, { revenue: 1, version: year.version })).status).toBe(409);
    expect((await staff.call('PUT', `/admin/enterprises/${firm.id}/years/${lastYear + 2}`, { revenue: 1 })).status).toBe(400);
    expect((await staff.call('PUT', `/admin/enterprises/${firm.id}/years/${lastYear - 1}`, { revenue: -5 })).status).toBe(400);
  });
});

describe('checks on the record as stored', () => {
  it('refuses figures that contradict the stored year, impossible title dates and levels, in Chinese', async () => {
    const firm = await makeEnterprise(ctx.db);
    const staff = await signIn('bureau');
    const owner = await signIn('enterprise', { enterpriseId: firm.id });
    expect((await owner.call('PUT', `/portal/enterprises/${firm.id}/years/${lastYear}`, { revenue: 1000, employees: 10 })).status).toBe(200);
    const year = (await staff.call('GET', `/admin/enterprises/${firm.id}`)).json.years[0];
    // A partial save is checked against what is stored: main-business revenue above the stored revenue.
    const main = await staff.call('PUT', `/admin/enterprises/${firm.id}/years/${lastYear}`, { mainRevenue: 5000, version: year.version });
    expect(main.status).toBe(400);
    expect(main.json.error.details).toEqual([expect.objectContaining({ path: 'mainRevenue' })]);
    expect((await owner.call('PUT', `/portal/enterprises/${firm.id}/years/${lastYear}`, { rdStaff: 50, version: year.version })).status).toBe(400);
    // The year still running cannot be reported yet.
    expect((await owner.call('PUT', `/portal/enterprises/${firm.id}/years/${lastYear + 1}`, { revenue: 1 })).json.error.code).toBe('invalid_year');

    const title = (body: object) => staff.call('POST', `/admin/enterprises/${firm.id}/titles`, { tier: 'gazelle', level: 'provincial', year: lastYear, ...body });
    expect((await title({ validFrom: `${lastYear}-06-01`, validTo: `${lastYear - 2}-01-01` })).json.error.details).toEqual([expect.objectContaining({ path: 'validTo' })]);
    expect((await title({ validFrom: '2025-02-30' })).status).toBe(400);
    expect((await title({ tier: 'little_giant', level: 'city' })).json.error.details).toEqual([expect.objectContaining({ path: 'level' })]);
    // zod's own bounds speak Chinese first.
    const big = await staff.call('PATCH', `/admin/enterprises/${firm.id}`, { foundedYear: 3000, version: 1 });
    expect(big.json.error.details[0].message).toMatch(/^不能大于 2100/);
  });
});

describe('trash', () => {
  it('hides a trashed firm everywhere — register, dossier, public directory — until restored; only admin purges', async () => {
    const { enterprise } = await makeHall(ctx.db, 'published', { name: '东阿回收站测试阿胶有限公司' });
    const bureau = await signIn('bureau');
    const admin = await signIn('admin');
    const inDirectory = async () => (await searchDirectory(ctx.db, {}, { offset: 0, limit: 50 })).items.some((i) => i.enterpriseId === enterprise.id);
    expect(await inDirectory()).toBe(true);

    expect((await bureau.call('DELETE', `/admin/enterprises/${enterprise.id}`)).status).toBe(200);
    publicCache.clear();
    expect((await bureau.call('GET', '/admin/enterprises')).json.items.map((i: { id: number }) => i.id)).not.toContain(enterprise.id);
    expect((await bureau.call('GET', `/admin/enterprises/${enterprise.id}`)).status).toBe(404);
    expect(await inDirectory()).toBe(false);
    expect((await bureau.call('GET', '/admin/trash')).json.items.map((i: { id: number }) => i.id)).toEqual([enterprise.id]);

    expect((await bureau.call('DELETE', `/admin/enterprises/${enterprise.id}/purge`)).status).toBe(403);
    expect((await bureau.call('POST', `/admin/enterprises/${enterprise.id}/restore`)).status).toBe(200);
    publicCache.clear();
    expect(await inDirectory()).toBe(true);

    await bureau.call('DELETE', `/admin/enterprises/${enterprise.id}`);
    expect((await admin.call('DELETE', `/admin/enterprises/${enterprise.id}/purge`)).status).toBe(200);
    expect(await ctx.db.select().from(halls).where(eq(halls.enterpriseId, enterprise.id))).toEqual([]);
  });
});

describe('register filters', () => {
  it('finds firms that meet the 专精特新 prerequisites but hold no such title, and firms due for re-review', async () => {
    const strong = await makeEnterprise(ctx.db, { name: '甲候选企业' });
    const titled = await makeEnterprise(ctx.db, { name: '乙已认定企业' });
    const weak = await makeEnterprise(ctx.db, { name: '丙研发不足企业' });
    const bureau = await signIn('bureau');
    const figures = (rdSpend: number) => ({ revenue: 5000, mainRevenue: 4500, rdSpend, rdStaff: 20, employees: 100, totalAssets: 6000, totalLiabilities: 2000, yearsInNiche: 6 });
    for (const [firm, rd] of [[strong, 300], [titled, 300], [weak, 50]] as const) {
      expect((await bureau.call('PUT', `/admin/enterprises/${firm.id}/years/${lastYear}`, figures(rd))).status).toBe(200);
    }
    const due = new Date(Date.parse(today) + 30 * 86_400_000).toISOString().slice(0, 10);
    const added = await bureau.call('POST', `/admin/enterprises/${titled.id}/titles`, { tier: 'srdi', level: 'provincial', year: lastYear - 2, validTo: due, reviewDue: due });
    expect(added.status).toBe(201);

    const candidates = await bureau.call('GET', '/admin/enterprises?candidate=srdi-2022');
    expect(candidates.json.items.map((i: { name: string }) => i.name)).toEqual(['甲候选企业']);
    const reviewDue = await bureau.call('GET', '/admin/enterprises?title=review_due');
    expect(reviewDue.json.items.map((i: { name: string }) => i.name)).toEqual(['乙已认定企业']);

    const pre = await bureau.call('GET', `/admin/enterprises/${weak.id}/pre-evaluation?ruleset=srdi-2022`);
    expect(pre.json.results[0].failedPrerequisites.length).toBeGreaterThan(0);
    expect(pre.json.results[0].gaps[0].message.zh).toMatch(/研发/);
  });

  it('finds a firm by any 6 or more consecutive characters of its credit code, not only by its start', async () => {
    const firm = await makeEnterprise(ctx.db, { name: '丁代码企业', creditCode: '91371581MA3CXK7Q2B' });
    await makeEnterprise(ctx.db, { name: '戊其他企业', creditCode: '91371500MA3D11111N' });
    const bureau = await signIn('bureau');
    const names = async (q: string) => (await bureau.call('GET', `/admin/enterprises?q=${encodeURIComponent(q)}`)).json.items.map((i: { id: number }) => i.id);
    expect(await names('91371581')).toEqual([firm.id]);
    expect(await names('1581MA3C')).toEqual([firm.id]);
    expect(await names('3cxk7q')).toEqual([firm.id]);
    expect(await names('ＸＫ７Ｑ２Ｂ')).toEqual([firm.id]);
    // Five characters are too few to mean a code.
    expect(await names('XK7Q2')).toEqual([]);
  });

  it('shows the public only verified titles that are currently valid', async () => {
    const { enterprise } = await makeHall(ctx.db, 'published');
    await ctx.db.insert(tierRecognitions).values([
      { enterpriseId: enterprise.id, tier: 'srdi', level: 'provincial', year: 2020, validTo: '2023-12-31', verified: true },
      { enterpriseId: enterprise.id, tier: 'gazelle', level: 'provincial', year: lastYear, validTo: `${lastYear + 3}-12-31`, verified: true },
      { enterpriseId: enterprise.id, tier: 'innovative', level: 'provincial', year: lastYear, validTo: `${lastYear + 3}-12-31`, verified: true, status: 'revoked' },
    ]);
    await ctx.db.insert(enterpriseYears).values({ enterpriseId: enterprise.id, fiscalYear: lastYear });
    const card = (await searchDirectory(ctx.db, {}, { offset: 0, limit: 10 })).items.find((i) => i.enterpriseId === enterprise.id)!;
    expect(card.tiers.map((t) => t.tier)).toEqual(['gazelle']);
  });
});

describe('title filters', () => {
  it('称号状态 "全部" is every firm with such a title in any status; each status narrows it', async () => {
    const current = await makeEnterprise(ctx.db, { name: '甲有效称号企业有限公司' });
    const expired = await makeEnterprise(ctx.db, { name: '乙到期称号企业有限公司' });
    await makeEnterprise(ctx.db, { name: '丙无称号企业有限公司' });
    await ctx.db.insert(tierRecognitions).values([
      { enterpriseId: current.id, tier: 'srdi', level: 'provincial', year: lastYear, validTo: `${lastYear + 3}-12-31`, verified: true },
      { enterpriseId: expired.id, tier: 'srdi', level: 'provincial', year: 2019, validTo: '2022-12-31', verified: true },
    ]);
    const bureau = await signIn('bureau');
    const names = async (q: string) => ((await bureau.call('GET', `/admin/enterprises?${q}`)).json.items as { name: string }[]).map((i) => i.name).sort();
    expect(await names('tier=srdi')).toEqual(['乙到期称号企业有限公司', '甲有效称号企业有限公司']);
    expect(await names('tier=srdi&title=current')).toEqual(['甲有效称号企业有限公司']);
    expect(await names('tier=srdi&title=expired')).toEqual(['乙到期称号企业有限公司']);
  });
});

describe('sorting', () => {
  it('sorts by name in pinyin order (both directions), keys renewed when a firm is renamed', async () => {
    const names = ['中通轴承有限公司', '丁字机械有限公司', '阿里食品有限公司', '梁山专用车有限公司', '安顺化工有限公司'];
    const firms = await Promise.all(names.map((name) => makeEnterprise(ctx.db, { name })));
    const bureau = await signIn('bureau');
    const list = async (sort: string) => ((await bureau.call('GET', `/admin/enterprises?sort=${sort}`)).json.items as { name: string }[]).map((i) => i.name);
    expect(await list('name')).toEqual(['阿里食品有限公司', '安顺化工有限公司', '丁字机械有限公司', '梁山专用车有限公司', '中通轴承有限公司']);
    expect(await list('-name')).toEqual(['中通轴承有限公司', '梁山专用车有限公司', '丁字机械有限公司', '安顺化工有限公司', '阿里食品有限公司']);

    const zhongtong = firms[0]!;
    const version = (await bureau.call('GET', `/admin/enterprises/${zhongtong.id}`)).json.firm.version;
    expect((await bureau.call('PATCH', `/admin/enterprises/${zhongtong.id}`, { name: '北辰轴承有限公司', version })).status).toBe(200);
    expect((await list('name')).slice(0, 3)).toEqual(['阿里食品有限公司', '安顺化工有限公司', '北辰轴承有限公司']);
  });
});
