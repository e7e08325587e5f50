import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';

let browser: Browser;
let page: Page;
const baseURL = inject('baseURL');

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(() => browser?.close());

describe('public directory', () => {
  it('shows the program and the seeded demo halls on the home page, in Chinese', async () => {
    await page.goto(baseURL + '/');
    expect(await page.locator('h1').textContent()).toBe('走进千家企业的线上展厅');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    const stats = await page.locator('.stat b').first().textContent();
    expect(Number(stats)).toBeGreaterThanOrEqual(12);
    expect(await page.locator('.site-footer').textContent()).toContain('均为虚构');
  });

  it('lists every demo hall with its poster at /halls and filters by county', async () => {
    await page.goto(baseURL + '/halls');
    // The 12 demo halls, plus any hall another browser test published before this one ran (selection.test.ts).
    const total = Number(/共 (\d+) 家企业展馆/.exec((await page.locator('main').textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThanOrEqual(12);
    const names = await page.locator('.card h3').allTextContents();
    expect(names).toHaveLength(total);
    expect(names).toContain('临清恒运精密轴承有限公司');
    // Every card's poster really loads (a decoded image of non-zero width).
    const posters = await page.locator('.card img').evaluateAll((imgs) =>
      Promise.all(
        (imgs as HTMLImageElement[]).map(async (img) => {
          img.loading = 'eager';
          await img.decode().catch(() => undefined);
          return img.naturalWidth;
        }),
      ),
    );
    expect(posters.length).toBeGreaterThanOrEqual(12);
    expect(posters.every((w) => w > 0)).toBe(true);

    await page.selectOption('select[name=county]', 'linqing');
    await Promise.all([page.waitForURL(/county=linqing/), page.click('form.filters button')]);
    const linqing = await page.locator('.card').allTextContents();
    expect(linqing.some((t) => t.includes('临清恒运精密轴承有限公司'))).toBe(true);
    expect(linqing.every((t) => t.includes('临清市'))).toBe(true);
    expect(linqing.length).toBeLessThan(total);
  });

  it('offers the English alternative', async () => {
    await page.goto(baseURL + '/en/halls');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Hall directory');
    expect(await page.locator('.site-footer').textContent()).toContain('fictional');
  });
});
