import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { launchChromium } from './browser.ts';

const baseURL = inject('baseURL');
const PASSWORD = 'qianqi-demo-2026';
/** A 1×1 PNG. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5f3d6e40000000049454e44ae426082', 'hex');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** Waits until the page's eagerly loaded islands (the forms) have hydrated; buttons further down hydrate when visible. */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr][client="load"]').length === 0, undefined, { timeout: 30_000 });
}

/** Signed in through the sign-in page, landing on `next`; `phone` = a 390 px wide touch screen. */
async function signedIn(email: string, next: string, phone = false): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseURL}/portal/login?next=${encodeURIComponent(next)}`);
  await hydrated(page);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
  await hydrated(page);
  return { context, page };
}

/** Clicks a form's submit button and waits for the page to reload itself (forms reload after saving). */
async function submitAndReload(page: Page, button: string): Promise<void> {
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  await page.getByRole('button', { name: button, exact: true }).click();
  await reloaded;
  await hydrated(page);
}

describe('services in Chromium: 有求必应 from the firm\'s request to the dossier', () => {
  it('a firm files a request, the bureau routes it, the expert logs a visit on a phone, the firm confirms and rates, the dossier shows it all', async () => {
    const title = `轴承磨削工序废品率高 ${Date.now() % 100000}`;
    // The firm (临清, served by team 3) asks in its portal.
    const firm = await signedIn('hengyun-bearing@demo.qianqi.example', '/portal/requests');
    await firm.page.getByLabel('帮扶行动').selectOption('management');
    await firm.page.getByLabel('服务事项').selectOption('lean_production');
    await firm.page.getByLabel('标题').fill(title);
    await firm.page.getByLabel('问题描述').fill('磨削工序废品率约 3%，希望专家现场诊断。');
    await firm.page.getByLabel('附件').setInputFiles({ name: '废品照片.png', mimeType: 'image/png', buffer: PNG });
    await submitAndReload(firm.page, '提交诉求');
    const link = firm.page.getByRole('link', { name: new RegExp(title) });
    const href = (await link.getAttribute('href'))!;
    const requestId = Number(href.split('/').pop());
    expect(requestId).toBeGreaterThan(0);

    // The bureau routes it to team 3 (临清), whose lead is the demo expert.
    const bureau = await signedIn('bureau@demo.qianqi.example', `/admin/services/requests/${requestId}`);
    await expect.poll(() => bureau.page.locator('#request-state').innerText()).toBe('新诉求');
    await bureau.page.getByLabel('服务团').selectOption({ label: '第三专家服务团（临清）' });
    await bureau.page.getByLabel('专家').selectOption('');
    await submitAndReload(bureau.page, '派单');
    expect(await bureau.page.locator('#request-state').innerText()).toBe('已派单');
    // The photo went through the attachment check and is the firm's own document on the request.
    expect(await bureau.page.locator('a[href^="/api/admin/attachments/"]').count()).toBe(1);
    const dossierPath = (await bureau.page.getByRole('link', { name: '临清恒运精密轴承有限公司' }).first().getAttribute('href'))!;

    // The expert, on a 390 px phone: contacts the firm, starts the service, logs the visit, asks the firm to confirm.
    const expert = await signedIn('expert@demo.qianqi.example', `/admin/services/requests/${requestId}`, true);
    await submitAndReload(expert.page, '已联系企业');
    await submitAndReload(expert.page, '开始服务');
    await expert.page.goto(`${baseURL}/admin/services/visit?request=${requestId}&firm=${dossierPath.split('/').pop()}`);
    await hydrated(expert.page);
    expect(await expert.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expert.page.getByLabel('关联诉求').selectOption(String(requestId));
    await expert.page.getByLabel('时长').fill('90');
    await expert.page.getByLabel('诊断情况').fill('砂轮修整周期过长，冷却液浓度不稳');
    await expert.page.getByLabel('商定措施').fill('每班修整砂轮，冷却液每日检测');
    await expert.page.getByLabel('照片').setInputFiles({ name: '现场.png', mimeType: 'image/png', buffer: PNG });
    await submitAndReload(expert.page, '保存走访');
    await expect.poll(() => expert.page.locator('#recent-visits').innerText()).toContain('砂轮修整周期过长');
    await expert.page.goto(`${baseURL}/admin/services/requests/${requestId}`);
    await hydrated(expert.page);
    await expert.page.getByLabel('说明').fill('已现场指导并制定整改措施');
    await submitAndReload(expert.page, '服务完成，请企业确认');
    expect(await expert.page.locator('#request-state').innerText()).toBe('待企业确认');

    // The firm confirms it is solved and rates the service.
    await firm.page.goto(`${baseURL}/portal/requests/${requestId}`);
    await hydrated(firm.page);
    await firm.page.getByLabel('评分').selectOption('4');
    await firm.page.getByRole('textbox', { name: '评价' }).fill('废品率降到 1% 以下');
    await submitAndReload(firm.page, '确认已解决并评价');
    expect(await firm.page.locator('#request-state').innerText()).toBe('已解决');

    // The county officer records what the service produced, from the request's page: the dossier's form comes
    // pre-filled with this request as the source.
    const officer = await signedIn('linqing@demo.qianqi.example', `/admin/services/requests/${requestId}`);
    await officer.page.getByRole('link', { name: '登记此诉求带来的服务成果' }).click();
    await officer.page.waitForURL((url) => url.searchParams.get('outcomeSourceId') === String(requestId));
    const form = officer.page.locator('#dossier-outcomes form');
    await expect.poll(() => form.locator('astro-island[ssr]').count()).toBe(0);
    await expect.poll(() => form.getByLabel('来源类型').inputValue()).toBe('request');
    expect(await form.getByLabel('来源编号').inputValue()).toBe(String(requestId));
    await form.getByLabel('成果类型').selectOption('costs_saved');
    await form.getByLabel('数值').fill('36');
    await form.getByLabel('取得日期').fill('2026-11-20');
    await form.getByLabel('说明').fill('磨削废品率下降，年节约成本');
    const recorded = officer.page.waitForEvent('load', { timeout: 30_000 });
    await form.getByRole('button', { name: '登记', exact: true }).click();
    await recorded;
    await officer.context.close();

    // The dossier shows the request, resolved and rated, the visit and the outcome of the request.
    await bureau.page.goto(`${baseURL}${dossierPath}`);
    const outcomes = await bureau.page.locator('#dossier-outcomes').innerText();
    expect(outcomes).toContain('磨削废品率下降，年节约成本');
    expect(outcomes).toContain(`#${requestId}`);
    const requests = await bureau.page.locator('#dossier-requests').innerText();
    expect(requests).toContain(title);
    expect(requests).toContain('已解决');
    expect(requests).toContain('★★★★');
    expect(await bureau.page.locator('#dossier-visits').innerText()).toContain('砂轮修整周期过长');

    // No serious accessibility problems on the services pages, in both languages.
    const problems: string[] = [];
    const staffPaths = ['/admin/services/requests', '/admin/services/requests?overdue=1', `/admin/services/requests/${requestId}`, '/admin/services/visits', '/admin/services/teams'];
    for (const path of [...staffPaths, ...staffPaths.map((p) => `/en${p}`)]) problems.push(...(await seriousViolations(bureau.page, baseURL, path)));
    for (const path of ['/admin/services/visit', '/en/admin/services/visit']) problems.push(...(await seriousViolations(expert.page, baseURL, path)));
    for (const path of ['/portal/requests', `/portal/requests/${requestId}`, '/en/portal/requests']) problems.push(...(await seriousViolations(firm.page, baseURL, path)));
    expect(problems).toEqual([]);
    for (const x of [firm, bureau, expert]) await x.context.close();
  });
});
