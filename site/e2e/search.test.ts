import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { injectAxe } from './axe.ts';

const baseURL = inject('baseURL');
const WAIT = { timeout: 20_000 };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
});
afterAll(() => browser?.close());

const cardNames = () => page.locator('.card h3').allTextContents();

describe('search as people type it', () => {
  it('works as a plain form without JavaScript: traditional characters find the firm', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(baseURL + '/halls');
    expect(await plain.locator('[role="combobox"]').count()).toBe(0);
    await plain.fill('#halls-q', '軸承');
    await Promise.all([plain.waitForURL(/q=/), plain.locator('.filters button[type="submit"]').click()]);
    expect(await plain.locator('.card h3').first().textContent()).toBe('临清恒运精密轴承有限公司');
    await context.close();
  });

  it('suggests while typing pinyin; arrows choose, Enter opens the hall', async () => {
    await page.goto(baseURL + '/halls');
    const box = page.locator('#halls-q');
    await expect.poll(() => box.getAttribute('role'), WAIT).toBe('combobox');
    await box.pressSequentially('zhouch');
    const options = page.locator('#halls-q-suggestions [role="option"]');
    await expect.poll(() => options.count(), WAIT).toBeGreaterThan(0);
    expect(await box.getAttribute('aria-expanded')).toBe('true');
    expect(await options.first().textContent()).toContain('临清恒运精密轴承有限公司');
    await box.press('ArrowDown');
    expect(await box.getAttribute('aria-activedescendant')).toBe('halls-q-suggestions-0');
    expect(await options.first().getAttribute('aria-selected')).toBe('true');

    await injectAxe(page);
    const serious = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: Document) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
      return (await axe.run(document)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(serious).toEqual([]);

    await Promise.all([page.waitForURL(/\/halls\/hengyun-bearing$/, WAIT), box.press('Enter')]);
  });

  it('closes the list with Escape and submits the typed words with Enter', async () => {
    await page.goto(baseURL + '/');
    const box = page.locator('#home-q');
    await expect.poll(() => box.getAttribute('role'), WAIT).toBe('combobox');
    await box.pressSequentially('润华化工');
    await expect.poll(() => box.getAttribute('aria-expanded'), WAIT).toBe('true');
    await box.press('Escape');
    expect(await box.getAttribute('aria-expanded')).toBe('false');
    await Promise.all([page.waitForURL(/\/halls\?q=/, WAIT), box.press('Enter')]);
    expect(await page.locator('.search-note').textContent()).toBe('没有完全匹配的结果，以下为相近结果');
    expect((await cardNames())[0]).toBe('聊城润华精细化工有限公司');
  });

  it('says a 600-character query is too long instead of listing every hall', async () => {
    await page.goto(`${baseURL}/halls?q=${encodeURIComponent('轴'.repeat(600))}`);
    expect(await page.locator('[role="alert"]').textContent()).toContain('搜索词太长：最多 100 个字');
    expect(await page.locator('.card').count()).toBe(0);
  });
});
