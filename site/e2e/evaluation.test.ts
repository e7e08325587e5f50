import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { launchChromium } from './browser.ts';

const baseURL = inject('baseURL');
const PASSWORD = 'qianqi-demo-2026';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** Waits until the islands on the page have hydrated (a click before that posts the bare HTML form). */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 30_000 });
}

describe('the programme dashboard and the annual evaluation in Chromium', () => {
  it('the bureau opens the dashboard, drills into a target, publishes a year’s report; the public page shows it and the PDF downloads', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${baseURL}/portal/login?next=${encodeURIComponent('/admin')}`);
    await hydrated(page);
    await page.getByLabel('邮箱').fill('bureau@demo.qianqi.example');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname === '/admin');

    // The dashboard: progress against the targets, with the chart's table; the 2021–2023 plan is chosen.
    await expect.poll(() => page.getByRole('heading', { name: '培育工作看板' }).count()).toBe(1);
    const planValue = await page.locator('select[name="plan"] option', { hasText: '2021' }).first().getAttribute('value');
    await page.locator('select[name="plan"]').selectOption(planValue!);
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(/plan=/);
    const row = page.locator('#targets-table tbody tr', { hasText: '新增省级专精特新' });
    const actual = Number(await row.locator('td').nth(1).innerText());
    expect(actual).toBeGreaterThan(0);

    // Drill into the figure: the list holds exactly the firms counted.
    await row.locator('td').nth(1).getByRole('link').click();
    await page.waitForURL(/\/admin\/targets\/new_srdi_provincial/);
    await expect.poll(async () => Number((await page.locator('.result-count').innerText()).replace(/[^\d]/g, ''))).toBe(actual);
    expect(await page.locator('table.data tbody tr').count()).toBe(actual);

    // Write and publish the 2023 evaluation (the plan's last year).
    await page.goto(`${baseURL}/admin/reports/2023`);
    await hydrated(page);
    await page.getByLabel('工作亮点').fill('三年行动计划收官之年，梯度培育成效显著（浏览器测试）。');
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: '发布新版本' }).click();
    await reloaded;
    await expect.poll(() => page.getByText(/第 1 版/).count()).toBeGreaterThan(0);

    // The public summary shows the published text and figures; the PDF downloads.
    await page.goto(`${baseURL}/reports/2023`);
    await expect.poll(() => page.getByRole('heading', { name: '2023年度中小企业梯度培育工作成效评估' }).count()).toBe(1);
    expect(await page.getByText('三年行动计划收官之年').count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('link', { name: '下载完整报告（PDF）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    await context.close();
  }, 240_000);

  it('has no serious accessibility violations on the dashboard and the public report', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    // A year with no published report is a 404, in both languages, not a page saying so with 200.
    for (const path of ['/reports/1999', '/en/reports/1999']) expect((await fetch(`${baseURL}${path}`)).status).toBe(404);
    const problems = [...(await seriousViolations(page, baseURL, '/reports/2025')), ...(await seriousViolations(page, baseURL, '/en/reports/2025'))];
    await page.goto(`${baseURL}/portal/login?next=${encodeURIComponent('/admin')}`);
    await hydrated(page);
    await page.getByLabel('邮箱').fill('bureau@demo.qianqi.example');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname === '/admin');
    for (const path of ['/admin', '/en/admin', '/admin/campaign']) problems.push(...(await seriousViolations(page, baseURL, path)));
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);
});
