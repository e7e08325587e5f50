import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../../app.ts';
import { closePdfBrowser } from '../../lib/pdf.ts';
import { planTargets, plans, tierRecognitions, type Plan } from '../../db/schema/index.ts';
import { publicReport } from '../../public/queries/reports.ts';
import { renderReportHtml } from '../../reports/render.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, signInWithSecondFactor, type TestContext } from '../../testing.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
let plan: Plan;

beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
  [plan] = (await ctx.db.insert(plans).values({ code: '2021-2023', name: '三年行动计划', startYear: 2021, endYear: 2023 }).returning()) as [Plan];
  await ctx.db.insert(planTargets).values({ planId: plan.id, indicator: 'new_srdi_city', target: 150 });
});
afterEach(() => ctx.cleanup());
afterAll(() => closePdfBrowser());

async function designate(county: 'linqing' | 'gaotang', year = 2022) {
  const firm = await makeEnterprise(ctx.db, { county });
  await ctx.db.insert(tierRecognitions).values({ enterpriseId: firm.id, tier: 'srdi', level: 'city', year });
  return firm;
}

async function bureau() {
  const email = `bureau${Math.random().toString(36).slice(2)}@example.org`;
  await makeUser(ctx.db, { role: 'bureau', email, totp: true });
  const client = apiClient(api);
  await signInWithSecondFactor(client, email);
  return client;
}

const srdi = (snap: { items: { indicator: string; actual: number }[] }) => snap.items.find((i) => i.indicator === 'new_srdi_city')!.actual;

describe('publishing the annual evaluation', () => {
  it('freezes a snapshot that later data changes do not alter; a correction is published beside it', async () => {
    for (let i = 0; i < 4; i += 1) await designate('linqing');
    const client = await bureau();
    const draft = await client.call('PUT', '/admin/reports/2022/draft', { version: 0, sections: { highlights: '全年新增市级专精特新企业四家。', cases: '', problems: '', nextSteps: '' } });
    expect(draft.status).toBe(200);
    expect((await client.call('POST', '/admin/reports/2022/publish', {})).json.version).toBe(1);

    await designate('linqing');
    await designate('gaotang');
    const v1 = await publicReport(ctx.db, 2022);
    expect(srdi(v1!.snapshot)).toBe(4);
    expect(v1!.snapshot.sections.highlights).toContain('四家');
    const live = await client.call('GET', '/admin/reports/2022');
    expect(srdi(live.json.preview)).toBe(6);

    // A correction must say what it corrects.
    const silent = await client.call('POST', '/admin/reports/2022/publish', {});
    expect(silent.status).toBe(400);
    expect(silent.json.error.code).toBe('correction_note_required');
    expect((await client.call('POST', '/admin/reports/2022/publish', { note: '补录两家' })).json.version).toBe(2);
    expect(srdi((await publicReport(ctx.db, 2022))!.snapshot)).toBe(6);
    const versions = (await client.call('GET', '/admin/reports/2022')).json.versions;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    // Version 1 is still what it was.
    const pdf1 = await client.call('GET', '/admin/reports/2022.pdf?version=1');
    expect(pdf1.status).toBe(200);
    expect(decodeURIComponent(pdf1.res.headers.get('Content-Disposition')!.split("UTF-8''")[1]!)).toMatch(/-第1版\.pdf$/);
    const english = await client.call('GET', '/admin/reports/2022.pdf?version=1&lang=en');
    expect(decodeURIComponent(english.res.headers.get('Content-Disposition')!.split("UTF-8''")[1]!)).toMatch(/^[\x20-\x7e]+ - version 1\.pdf$/);
  });

  it('refuses a stale draft save (409) and publishing by a county officer (403)', async () => {
    const client = await bureau();
    const sections = { highlights: 'a', cases: '', problems: '', nextSteps: '' };
    expect((await client.call('PUT', '/admin/reports/2022/draft', { version: 0, sections })).status).toBe(200);
    expect((await client.call('PUT', '/admin/reports/2022/draft', { version: 0, sections })).status).toBe(409);
    await makeUser(ctx.db, { role: 'county', county: 'linqing', email: 'c@example.org', totp: true });
    const county = apiClient(api);
    await signInWithSecondFactor(county, 'c@example.org');
    expect((await county.call('POST', '/admin/reports/2022/publish', {})).status).toBe(403);
    expect((await client.call('POST', '/admin/reports/2030/publish', {})).status).toBe(404);
  });
});

describe('the report as PDF and on public pages', () => {
  it('prints the expected Chinese headings and figures into the PDF (pdftotext)', async () => {
    for (let i = 0; i < 7; i += 1) await designate('linqing');
    const client = await bureau();
    await client.call('PUT', '/admin/reports/2022/draft', { version: 0, sections: { highlights: '服务队走访企业成效明显。', cases: '', problems: '', nextSteps: '' } });
    await client.call('POST', '/admin/reports/2022/publish', {});
    const res = await client.call('GET', '/admin/reports/2022.pdf');
    expect(res.status).toBe(200);
    expect(res.res.headers.get('Content-Type')).toBe('application/pdf');
    const file = join(ctx.config.dataDir, 'r.pdf');
    writeFileSync(file, Buffer.from(await res.res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, ' ');
    expect(text).toContain('2022年度中小企业梯度培育工作成效评估');
    expect(text).toContain('一、目标完成情况');
    expect(text).toContain('二、各县（市、区）情况');
    expect(text).toContain('服务队走访企业成效明显');
    expect(text).toMatch(/新增市级专精特新 150 7 7 4\.7%/);
    expect(text).toMatch(/第 1 页，共 \d+ 页/);

    const pub = await api.request('/reports/2022.pdf');
    expect(pub.status).toBe(200);
    expect((await api.request('/reports/2021.pdf')).status).toBe(404);
  }, 120_000);

  it('suppresses small area counts on public pages, not in the workspace', async () => {
    for (let i = 0; i < 5; i += 1) await designate('linqing');
    await designate('gaotang');
    const client = await bureau();
    await client.call('POST', '/admin/reports/2022/publish', {});
    const { snapshot } = (await publicReport(ctx.db, 2022))!;
    const cell = (html: string, area: string) => html.match(new RegExp(`<th scope="row">${area}</th><td class="num">([^<]*)</td>`))![1];
    const publicHtml = renderReportHtml(snapshot, 'zh', { publicView: true });
    expect(cell(publicHtml, '高唐县')).toBe('&#60;3');
    expect(cell(publicHtml, '临清市')).toBe('5');
    expect(cell(renderReportHtml(snapshot, 'zh'), '高唐县')).toBe('1');
  });
});
