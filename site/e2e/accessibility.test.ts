import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { injectAxe, seriousViolations as axeViolations } from './axe.ts';
import { launchChromium } from './browser.ts';

const baseURL = inject('baseURL');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 390, height: 844 } });
});
afterAll(() => browser?.close());

/** The first link matching a path pattern on a listing page, so the test follows the seeded data. */
async function firstLink(from: string, pattern: RegExp): Promise<string> {
  await page.goto(baseURL + from);
  const hrefs = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const href = hrefs.find((h) => pattern.test(h));
  if (!href) throw new Error(`no link matching ${pattern} on ${from}`);
  return href;
}

const seriousViolations = (path: string) => axeViolations(page, baseURL, path);

describe('accessibility (axe-core): no serious or critical violations', () => {
  it('on every public page type, in both languages', async () => {
    const hall = await firstLink('/halls', /^\/halls\/[a-z0-9-]+$/);
    const product = await firstLink('/products', /^\/products\/\d+$/);
    const job = await firstLink('/jobs', /^\/jobs\/\d+$/);
    const project = await firstLink('/projects', /^\/projects\/\d+$/);
    const policy = await firstLink('/policies', /^\/policies\/[a-z0-9-]+$/);
    const pages = [
      '/',
      '/halls',
      '/halls?q=%E8%BD%B4%E6%89%BF&tier=srdi',
      hall,
      '/products',
      product,
      '/jobs?salary=5000',
      job,
      '/projects',
      project,
      '/policies',
      policy,
      '/privacy',
      '/leads/thanks',
      '/no-such-page',
      '/portal/login',
      '/portal/reset',
      '/en/portal/unlock',
      '/portal/reset/an-unknown-or-expired-token',
      '/en',
      `/en${hall}`,
      `/en${job}`,
    ];
    const found: string[] = [];
    for (const path of pages) found.push(...(await seriousViolations(path)));
    expect(found).toEqual([]);
  });

  it('on a form showing its errors', async () => {
    const job = await firstLink('/jobs', /^\/jobs\/\d+$/);
    await page.goto(baseURL + job);
    await page.waitForTimeout(3100);
    await page.click('.lead-form button[type=submit]');
    await page.waitForSelector('.form-errors');
    await injectAxe(page);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe;
      return (await axe.run(document)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });
});
