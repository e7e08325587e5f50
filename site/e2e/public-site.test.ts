import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';

const baseURL = inject('baseURL');
let browser: Browser;
let noJs: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  // Forms and filters must work with JavaScript off (old in-app browsers, slow phones).
  noJs = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  page = await noJs.newPage();
});
afterAll(() => browser?.close());

const firstHref = async (pattern: RegExp) => {
  const hrefs = await page.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.find((h) => pattern.test(h))!;
};

describe('directory search', () => {
  it('finds a two-character query such as 轴承 and keeps the query in the URL', async () => {
    await page.goto(baseURL + '/halls');
    await page.fill('input[name=q]', '轴承');
    await Promise.all([page.waitForURL(/q=/), page.click('form.filters button[type=submit]')]);
    const names = await page.locator('.card h3').allTextContents();
    expect(names[0]).toBe('临清恒运精密轴承有限公司');
    expect(await page.locator('.result-count').textContent()).toContain('轴承');
  });

  it('filters jobs by salary on the city-wide board', async () => {
    await page.goto(baseURL + '/jobs?salary=8000');
    const salaries = await page.locator('.rows .price').allTextContents();
    expect(salaries.length).toBeGreaterThan(0);
    for (const s of salaries) expect(Number(/–(\d+)/.exec(s)?.[1])).toBeGreaterThanOrEqual(8000);
  });
});

describe('lead forms without JavaScript', () => {
  it('sends an inquiry: POST → redirect → confirmation of what was sent, markup shown as text', async () => {
    await page.goto(baseURL + '/products');
    await page.goto(baseURL + (await firstHref(/^\/products\/\d+$/)));
    await page.fill('#f-name', '<img src=x onerror="document.title=1">李四');
    await page.fill('#f-phone', '１３９ ０００0 1111');
    await page.fill('#f-message', '请报价 500 套');
    await page.check('#f-consent');
    await page.waitForTimeout(3100); // the minimum fill time
    await Promise.all([page.waitForURL(/\/leads\//), page.click('.lead-form button[type=submit]')]);
    expect(await page.locator('h1').textContent()).toBe('已提交');
    const sent = await page.locator('dl.contact').textContent();
    expect(sent).toContain('<img src=x onerror="document.title=1">李四');
    expect(sent).toContain('13900001111');
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.getAttribute('meta[name=robots]', 'content')).toContain('noindex');
  });

  it('shows refused input back as text, never as markup', async () => {
    await page.goto(baseURL + '/projects');
    await page.goto(baseURL + (await firstHref(/^\/projects\/\d+$/)));
    const evil = '</textarea><script>document.title="pwned"</script><b id=x>粗体</b>';
    await page.fill('#f-name', '"><svg onload=alert(1)>');
    await page.fill('#f-organisation', '<iframe src=//evil.example>');
    await page.fill('#f-message', evil);
    await page.waitForTimeout(3100);
    await page.click('.lead-form button[type=submit]'); // no consent: refused, shown again
    await page.waitForSelector('#e-consent');
    expect(await page.inputValue('#f-message')).toBe(evil);
    expect(await page.inputValue('#f-name')).toBe('"><svg onload=alert(1)>');
    expect(await page.locator('main script, main svg, main iframe, #x').count()).toBe(0);
    expect(await page.title()).not.toContain('pwned');
  });

  it('refuses an executable posing as a CV with a clear message, keeping what was typed', async () => {
    await page.goto(baseURL + '/jobs');
    await page.goto(baseURL + (await firstHref(/^\/jobs\/\d+$/)));
    await page.fill('#f-name', '赵六');
    await page.fill('#f-email', 'zhao@example.com');
    await page.setInputFiles('#f-cv', { name: 'cv.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 this is an exe') });
    await page.check('#f-consent');
    await page.waitForTimeout(3100);
    await page.click('.lead-form button[type=submit]');
    await page.waitForSelector('.form-errors');
    expect(await page.locator('#e-cv').textContent()).toContain('不是真正的 PDF 或 DOCX');
    expect(await page.inputValue('#f-name')).toBe('赵六');
  });

  it('applies with a real PDF CV', async () => {
    await page.goto(baseURL + '/jobs');
    await page.goto(baseURL + (await firstHref(/^\/jobs\/\d+$/)));
    await page.fill('#f-name', '钱七');
    await page.fill('#f-phone', '13700000000');
    await page.setInputFiles('#f-cv', { name: '简历.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%…\ntrailer <<>>\n%%EOF\n') });
    await page.check('#f-consent');
    await page.waitForTimeout(3100);
    await Promise.all([page.waitForURL(/\/leads\//), page.click('.lead-form button[type=submit]')]);
    expect(await page.locator('dl.contact').textContent()).toContain('简历.pdf');
  });
});

describe('search engines and sharing', () => {
  it('serves robots.txt, sitemap.xml with alternates, canonical URLs, OpenGraph and JSON-LD', async () => {
    const robots = await (await fetch(baseURL + '/robots.txt')).text();
    expect(robots).toContain('Sitemap:');
    const sitemap = await (await fetch(baseURL + '/sitemap.xml')).text();
    expect(sitemap).toContain('/halls/');
    expect(sitemap).toContain('hreflang="en"');
    await page.goto(baseURL + '/halls');
    const hall = await firstHref(/^\/halls\/[a-z0-9-]+$/);
    await page.goto(baseURL + hall);
    expect(await page.getAttribute('link[rel=canonical]', 'href')).toMatch(new RegExp(`${hall}$`));
    expect(await page.getAttribute('meta[property="og:image"]', 'content')).toMatch(/^http.*\/media\//);
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
    expect(ld['@type']).toBe('Organization');
    await page.goto(baseURL + '/jobs');
    await page.goto(baseURL + (await firstHref(/^\/jobs\/\d+$/)));
    const job = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
    expect(job).toMatchObject({ '@type': 'JobPosting', hiringOrganization: { '@type': 'Organization' } });
  });

  it('ships no client JavaScript on pages without interaction, and only the inline suggestion script on search pages', async () => {
    for (const path of ['/jobs', '/policies']) {
      const html = await (await fetch(baseURL + path)).text();
      expect(html, path).not.toMatch(/<script(?![^>]*application\/ld\+json)/);
    }
    for (const path of ['/', '/halls']) {
      const html = await (await fetch(baseURL + path)).text();
      const scripts = [...html.matchAll(/<script(?![^>]*application\/ld\+json)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      expect(scripts, path).toHaveLength(1);
      expect(scripts[0], path).toContain('suggestLang');
      expect(scripts[0]!.length, path).toBeLessThan(4000);
    }
  });
});
