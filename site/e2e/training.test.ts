import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './axe.ts';
import { launchChromium } from './browser.ts';

const baseURL = inject('baseURL');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** Waits until the islands inside `within` have hydrated (islands further down hydrate only when scrolled to). */
async function hydrated(page: Page, within = 'body'): Promise<void> {
  await page.waitForFunction((sel) => document.querySelectorAll(`${sel} astro-island[ssr]`).length === 0, within, { timeout: 30_000 });
}

/** A page signed in as the demo bureau account, on `next` (a workspace path). */
async function bureauPage(next: string, options: { acceptDownloads?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(`${baseURL}/portal/login?next=${encodeURIComponent(next)}`);
  await hydrated(page);
  await page.getByLabel('邮箱').fill('bureau@demo.qianqi.example');
  await page.getByLabel('密码').fill('qianqi-demo-2026');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname === next);
  return { context, page };
}

describe('training in Chromium', () => {
  it('imports an attendee list, marks completion, downloads the certificate, and the public check finds it valid', async () => {
    const { context, page } = await bureauPage('/admin/training', { acceptDownloads: true });

    // A new event, then its attendee list as organisers keep it (another heading set, the mobile with spaces).
    await page.getByText('新建培训活动').click();
    await hydrated(page);
    await page.getByLabel('活动名称').fill('数字专员 E2E 测试班');
    await page.getByLabel('开始日期').fill('2026-06-01');
    await page.getByLabel('地点').fill('聊城市民中心');
    await page.getByRole('button', { name: '创建' }).click();
    await page.waitForURL(/\/admin\/training\/\d+$/);
    await hydrated(page);
    const csv = ['序号,姓名,联系电话,单位名称,考核结果', '1,周测试,135 1234 5678,高唐晨光特种纸业有限公司,不合格'].join('\r\n');
    await page.locator('input[type="file"]').setInputFiles({ name: '学员名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: '上传并校验' }).click();
    await expect.poll(() => page.getByRole('button', { name: '提交导入' }).isDisabled(), { timeout: 30_000 }).toBe(false);
    await page.getByRole('button', { name: '提交导入' }).click();
    await page.getByRole('link', { name: '查看学员名单' }).click();
    await page.waitForLoadState('load');
    await hydrated(page, 'table.attendees');
    const row = page.locator('tr[data-attendee="周测试"]');
    expect(await row.innerText()).toContain('未结业');

    // Completion, then the certificate (each action reloads the page).
    let reloaded = page.waitForEvent('load');
    await row.getByRole('button', { name: '标记结业' }).click();
    await reloaded;
    await hydrated(page, 'table.attendees');
    reloaded = page.waitForEvent('load');
    await row.getByRole('button', { name: '颁发证书' }).click();
    await reloaded;
    const download = page.waitForEvent('download');
    await row.getByRole('link', { name: '下载证书 PDF' }).click();
    const file = join(mkdtempSync(join(tmpdir(), 'e2e-cert-')), 'certificate.pdf');
    await (await download).saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('结业证书');
    expect(text).toContain('周测试');
    const code = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(text)?.[0];
    expect(code).toBeTruthy();
    await context.close();

    // Anyone scanning the QR code: valid, with the mobile masked.
    const visitor = await browser.newPage();
    const res = await visitor.goto(`${baseURL}/verify/${code}`);
    expect(res!.status()).toBe(200);
    expect(await visitor.locator('h2[data-status]').innerText()).toContain('证书有效');
    const shown = await visitor.locator('main, body').first().innerText();
    expect(shown).toContain('135****5678');
    expect(shown).not.toContain('13512345678');
    await visitor.close();
  });

  it('records an outcome for a firm chosen by typing its name, not its id', async () => {
    const { context, page } = await bureauPage('/admin/outcomes');
    await page.getByText('登记成果').click();
    await hydrated(page, 'details.panel');

    // Submitting with a name that is not one of the offered firms says so, and records nothing.
    const firm = page.getByLabel('企业', { exact: true });
    await firm.fill('轴承');
    await page.waitForFunction(() => document.querySelectorAll('#outcome-firm-list option').length > 0);
    await page.getByLabel('数值').fill('3');
    // Today (UTC, never after China's date): the list shows the latest achievements first.
    await page.getByLabel('取得日期').fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText('请从列表中选择企业').waitFor();

    const offered = await page.locator('#outcome-firm-list option').first().getAttribute('value');
    await firm.fill(offered!);
    await page.getByText(`已选：${offered}`).waitFor();
    await page.getByLabel('说明').fill('E2E 按名称选择企业');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '登记', exact: true }).click()]);
    const row = page.locator('tr', { hasText: 'E2E 按名称选择企业' });
    expect(await row.innerText()).toContain(offered!.replace(/（.*$/, ''));
    await context.close();
  });

  it('has no serious accessibility violations on the training, event, outcomes and verification pages, in both languages', async () => {
    const { context, page } = await bureauPage('/admin/training');
    const event = await page.locator('table.data tbody tr td:first-child a').first().getAttribute('href');
    const paths = ['/admin/training', event!, '/admin/outcomes', '/verify/DEM000000001', '/verify/DEM000000004', '/verify/0000', '/verify'];
    // Opened to type a code: the form alone, no verdict yet.
    const blank = await fetch(`${baseURL}/verify`);
    expect(blank.status).toBe(200);
    expect(await blank.text()).not.toContain('未找到该证书');
    const problems: string[] = [];
    for (const path of [...paths, ...paths.map((p) => `/en${p}`)]) problems.push(...(await seriousViolations(page, baseURL, path)));
    expect(problems).toEqual([]);
    await context.close();
  });
});
