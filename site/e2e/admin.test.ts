import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/** Waits until the islands inside `within` have hydrated (islands further down hydrate only when scrolled to). */
async function hydrated(page: Page, within = 'body'): Promise<void> {
  await page.waitForFunction((sel) => document.querySelectorAll(`${sel} astro-island[ssr]`).length === 0, within, { timeout: 30_000 });
}

/** A browser context signed in through the sign-in page, as a person would, landing on `next`. */
async function signedIn(email: string, next = '/admin/enterprises'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseURL}/portal/login?next=${encodeURIComponent(next)}`);
  // The sign-in form is an island: before it hydrates, a click would post the bare HTML form instead.
  await hydrated(page);
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
  return { context, page };
}

const resultCount = async (page: Page) => Number((await page.locator('.result-count').innerText()).replace(/[^\d]/g, ''));

describe('the bureau’s workspace in Chromium', () => {
  it('signs in, filters the register, saves the view, tags every match across pages and finds them by the tag', async () => {
    const { context, page } = await signedIn('bureau@demo.qianqi.example');
    const all = await resultCount(page);
    expect(all).toBeGreaterThan(900);

    await page.locator('select[name="county"]').selectOption('linqing');
    await page.locator('select[name="tier"]').selectOption('srdi');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.waitForURL(/county=linqing/);
    await hydrated(page);
    const filtered = await resultCount(page);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const areas = await page.locator('table.data tbody tr td:nth-child(4)').allInnerTexts();
    expect(new Set(areas)).toEqual(new Set(['临清市']));

    await page.getByRole('button', { name: '保存当前视图' }).click();
    await page.getByLabel('视图名称').fill('临清专精特新');
    const viewSaved = page.waitForEvent('load');
    await page.getByRole('button', { name: '保存当前视图' }).click();
    await viewSaved;
    await expect.poll(() => page.getByRole('link', { name: '临清专精特新' }).count()).toBe(1);

    // Every firm of a wider query, across pages: select the page, then "select all N", then tag them.
    await page.goto(`${baseURL}/admin/enterprises?county=linqing`);
    await hydrated(page);
    const linqing = await resultCount(page);
    expect(linqing).toBeGreaterThan(50);
    await page.getByLabel('选择本页').check();
    await page.getByRole('button', { name: `选择全部 ${linqing.toLocaleString('zh-CN')} 家` }).click();
    await page.getByLabel('标签').last().fill('重点培育');
    // The page reloads itself once the bulk action is done; wait for that before going on.
    const reloaded = page.waitForEvent('load');
    await page.getByRole('button', { name: '添加标签' }).click();
    await reloaded;
    // The result is said after the reload, not lost in it.
    await expect.poll(() => page.getByTestId('bulk-result').textContent()).toContain(`添加标签“重点培育”：已处理 ${linqing} 家`);

    // Name a liaison (负责人) for this page's firms: asked to confirm, then the result and the column say so.
    await hydrated(page);
    await page.getByLabel('选择本页').check();
    const liaisonSelect = page.locator('select[aria-label="负责人"]');
    const liaisonName = (await liaisonSelect.locator('option').nth(1).innerText()).trim();
    await liaisonSelect.selectOption({ index: 1 });
    page.once('dialog', (dialog) => void dialog.accept());
    const assigned = page.waitForEvent('load');
    await page.getByRole('button', { name: '指定负责人' }).click();
    await assigned;
    await expect.poll(() => page.getByTestId('bulk-result').textContent()).toContain(`指定负责人“${liaisonName}”：已处理 50 家`);
    expect(new Set(await page.locator('table.data tbody tr td:last-child').allInnerTexts())).toEqual(new Set([liaisonName]));

    await page.goto(`${baseURL}/admin/enterprises?tag=${encodeURIComponent('重点培育')}`);
    expect(await resultCount(page)).toBe(linqing);
    await context.close();
  });

  it('refuses to overwrite a colleague’s newer change: 409 shows both values, the second person chooses, history keeps both', async () => {
    const a = await signedIn('bureau@demo.qianqi.example');
    const b = await signedIn('admin@demo.qianqi.example');
    await a.page.goto(`${baseURL}/admin/enterprises?q=${encodeURIComponent('恒运')}`);
    const dossier = await a.page.getByRole('link', { name: /恒运/ }).first().getAttribute('href');
    await a.page.goto(baseURL + dossier!);
    await b.page.goto(baseURL + dossier!);
    await hydrated(a.page, 'section[aria-labelledby="h-profile"]');
    await hydrated(b.page, 'section[aria-labelledby="h-profile"]');
    const product = (p: Page) => p.locator('section[aria-labelledby="h-profile"]').getByLabel('主导产品', { exact: true });

    await product(a.page).fill('高速精密角接触球轴承');
    await a.page.getByRole('button', { name: '保存', exact: true }).click();
    await a.page.waitForLoadState('load');
    await expect.poll(() => product(a.page).inputValue()).toBe('高速精密角接触球轴承');
    // The page reloaded after the save and still says so.
    await expect.poll(() => a.page.locator('section[aria-labelledby="h-profile"] .status-line').innerText()).toBe('已保存');

    await product(b.page).fill('风电主轴轴承');
    await b.page.getByRole('button', { name: '保存', exact: true }).click();
    const conflict = b.page.locator('.conflict');
    await expect.poll(() => conflict.isVisible()).toBe(true);
    expect(await conflict.locator('[data-theirs="mainProduct"]').innerText()).toBe('高速精密角接触球轴承');
    expect(await conflict.locator('[data-yours="mainProduct"]').innerText()).toBe('风电主轴轴承');
    await conflict.getByRole('button', { name: '使用我的修改' }).click();
    await conflict.getByRole('button', { name: '按所选值重新保存' }).click();
    await b.page.getByRole('button', { name: '保存', exact: true }).click();
    await b.page.waitForLoadState('load');
    await expect.poll(() => product(b.page).inputValue()).toBe('风电主轴轴承');

    // The page reloads after the save; its history lists both changes, newest first.
    const history = () => b.page.locator('#history tbody tr').allInnerTexts();
    await expect.poll(async () => (await history()).some((row) => row.includes('高速精密角接触球轴承 → 风电主轴轴承'))).toBe(true);
    expect((await history()).some((row) => row.includes('→ 高速精密角接触球轴承'))).toBe(true);
    await a.context.close();
    await b.context.close();
  });

  it('imports a published title list: a name to resolve by hand, commit, and the title with its history in the dossier', async () => {
    const { context, page } = await signedIn('bureau@demo.qianqi.example', '/admin/imports');
    // A list as provinces publish them: no credit code; one name exact, one shortened that a person must match.
    const csv = ['序号,企业名称,所在县区,主导产品', '1,高唐晨光特种纸业有限公司,高唐县,特种纸', '2,临清恒运精密轴承厂,临清市,精密轴承'].join('\r\n');
    await hydrated(page);
    await page.getByLabel('称号名单').check();
    await page.locator('select[name="tier"]').selectOption('gazelle');
    await page.locator('select[name="level"]').selectOption('provincial');
    await page.locator('input[name="year"]').fill('2026');
    await page.locator('input[name="batch"]').fill('2026 年度（演示）');
    await page.locator('input[type="file"]').setInputFiles({ name: '瞪羚名单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: '上传并校验' }).click();
    const resolve = page.locator('section[aria-labelledby="import-resolve-h"]');
    await resolve.waitFor();
    expect(await page.getByRole('button', { name: '提交导入' }).isDisabled()).toBe(true);
    const choice = resolve.getByLabel('对应企业 (行 3)');
    const hengyun = await choice.locator('option', { hasText: '临清恒运精密轴承有限公司' }).getAttribute('value');
    await choice.selectOption(hengyun!);
    await resolve.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => page.getByRole('button', { name: '提交导入' }).isDisabled()).toBe(false);
    await page.getByRole('button', { name: '提交导入' }).click();
    await page.getByText(/已提交，写入 2 条记录/).waitFor();

    await page.goto(`${baseURL}/admin/enterprises?q=${encodeURIComponent('恒运')}`);
    await page.getByRole('link', { name: /恒运/ }).first().click();
    await page.waitForURL(/\/admin\/enterprises\/\d+/);
    const ledger = await page.locator('section[aria-labelledby="h-titles"] tbody').innerText();
    expect(ledger).toContain('2026 年度（演示）');
    const history = await page.locator('#history tbody').innerText();
    expect(history).toMatch(/批量导入/);
    await context.close();
  });

  it('keeps a county officer inside its area, in the list and by id', async () => {
    const { context, page } = await signedIn('linqing@demo.qianqi.example');
    const areas = await page.locator('table.data tbody tr td:nth-child(4)').allInnerTexts();
    expect(areas.length).toBeGreaterThan(10);
    expect(new Set(areas)).toEqual(new Set(['临清市']));
    const bureau = await signedIn('bureau@demo.qianqi.example', '/admin/enterprises?county=donge');
    const elsewhere = await bureau.page.locator('table.data tbody tr td:nth-child(2) a').first().getAttribute('href');
    const res = await page.goto(baseURL + elsewhere!);
    expect(res!.status()).toBe(404);
    await bureau.context.close();
    await context.close();
  });

  it('answers 404 for a workspace record that does not exist', async () => {
    const { context, page } = await signedIn('bureau@demo.qianqi.example');
    for (const path of ['/admin/services/requests/999999', '/admin/training/999999', '/admin/selection/999999', '/admin/selection/applications/999999', '/admin/reports/1999', '/en/admin/services/requests/999999']) {
      const res = await page.goto(baseURL + path);
      expect(res!.status(), path).toBe(404);
    }
    expect((await page.goto(`${baseURL}/admin/enterprises`))!.status()).toBe(200);
    await context.close();
  });

  it('lets an administrator move a county officer to another area and back, each change confirmed', async () => {
    const { context, page } = await signedIn('admin@demo.qianqi.example', '/admin/staff');
    const row = page.locator('tr', { hasText: 'linqing@demo.qianqi.example' });
    // The list is long (experts and reviewers have accounts too): the row's controls hydrate once scrolled to.
    const rowHydrated = async () => {
      await row.scrollIntoViewIfNeeded();
      await expect.poll(() => row.locator('astro-island[ssr]').count()).toBe(0);
    };
    await rowHydrated();
    const moveTo = async (county: string) => {
      await row.getByText('调整角色与县区').click();
      await row.getByLabel('所属县区', { exact: true }).selectOption(county);
      let asked = '';
      page.once('dialog', (dialog) => {
        asked = dialog.message();
        void dialog.accept();
      });
      const reloaded = page.waitForEvent('load');
      await row.getByRole('button', { name: '保存调整' }).click();
      await reloaded;
      await rowHydrated();
      return asked;
    };
    expect(await moveTo('guanxian')).toContain('冠县');
    expect(await row.locator('td').nth(3).innerText()).toBe('冠县');
    await moveTo('linqing');
    expect(await row.locator('td').nth(3).innerText()).toBe('临清市');
    await context.close();
  });

  it('fits a 390 px phone: no workspace page scrolls sideways (wide tables scroll inside their panel)', async () => {
    const { context, page } = await signedIn('bureau@demo.qianqi.example');
    const dossier = await page.locator('table.data tbody tr td:nth-child(2) a').first().getAttribute('href');
    await page.setViewportSize({ width: 390, height: 844 });
    const wide: string[] = [];
    for (const path of ['/admin', dossier!, '/admin/campaign', '/admin/services/requests', '/admin/reports/2025', '/reports/2025']) {
      for (const p of [path, `/en${path}`]) {
        await page.goto(`${baseURL}${p}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 390) wide.push(`${p}: ${width}px`);
      }
    }
    expect(wide).toEqual([]);
    await context.close();
  });

  it('has no serious accessibility violations on any workspace page type, in both languages', async () => {
    const { context, page } = await signedIn('admin@demo.qianqi.example');
    const dossier = await page.locator('table.data tbody tr td:nth-child(2) a').first().getAttribute('href');
    const paths = ['/admin', '/admin/enterprises', '/admin/enterprises?title=review_due&sort=-revenue', dossier!, '/admin/imports', '/admin/trash', '/admin/staff', '/admin/reports', '/admin/reports/2025', '/admin/campaign', '/admin/policies', '/admin/policies/srdi-award'];
    const problems: string[] = [];
    for (const path of [...paths, ...paths.map((p) => `/en${p}`)]) problems.push(...(await seriousViolations(page, baseURL, path)));
    expect(problems).toEqual([]);
    await context.close();
  });
});
