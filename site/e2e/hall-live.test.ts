import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { signInAsFirm as signInWithApi } from './firm-api.ts';
import { LIVE_TIMEOUT } from './timeouts.ts';

let browser: Browser;
const baseURL = inject('baseURL');
const SLUG = 'hengyun-bearing';

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const signInAsFirm = () => signInWithApi(baseURL, SLUG);

describe('hall page', () => {
  it('shows the 3D viewer over the SSR poster, with an accessible list of every hotspot', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseURL}/halls/${SLUG}`);
    expect(await page.locator('img.stage-poster').getAttribute('fetchpriority')).toBe('high');
    await page.locator('.stage canvas[data-engine]').waitFor({ timeout: 30_000 });
    await page.locator('.stage [data-hotspot-id]').first().waitFor();
    const labels = () => page.locator('.stage [data-hotspot-id]').allTextContents();
    await expect.poll(async () => (await labels()).join('|'), { timeout: 10_000 }).toMatch(/前往：产品展区/);
    await expect.poll(async () => (await labels()).join('|'), { timeout: 10_000 }).toMatch(/企业简介/);
    await page.close();
  });

  it('shows a hotspot the firm adds in its portal live, without a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseURL}/halls/${SLUG}`);
    await page.locator('.stage [data-hotspot-id]').first().waitFor({ timeout: 30_000 });
    // Let the live stream connect before the edit.
    await page.waitForTimeout(500);
    const navigations: string[] = [];
    page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));

    const firm = await signInAsFirm();
    const hall = (await (await firm.call('GET', '/hall')).json()) as { scenes: { id: number }[] };
    const created = await firm.call('POST', `/hall/scenes/${hall.scenes[0]!.id}/hotspots`, {
      kind: 'info',
      yaw: 60,
      pitch: 5,
      label: '新品发布会 11 月 30 日',
      body: '欢迎莅临',
    });
    expect(created.status).toBe(201);
    await page.locator('.stage [data-hotspot-id]', { hasText: '新品发布会 11 月 30 日' }).waitFor({ timeout: LIVE_TIMEOUT });
    expect(navigations).toEqual([]);

    // Deleting it takes it away again, live.
    const { id } = (await created.json()) as { id: number };
    expect((await firm.call('DELETE', `/hall/hotspots/${id}`)).status).toBe(200);
    await page.locator('.stage [data-hotspot-id]', { hasText: '新品发布会 11 月 30 日' }).waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
    await page.close();
  });

  it('also shows an edit saved after the page was served but before its live stream opened', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${baseURL}/halls/${SLUG}`, { waitUntil: 'load' });
    // The page is out: the edit lands before the visitor starts the 3D view (and with it the live stream).
    const firm = await signInAsFirm();
    const hall = (await (await firm.call('GET', '/hall')).json()) as { scenes: { id: number }[] };
    const created = await firm.call('POST', `/hall/scenes/${hall.scenes[0]!.id}/hotspots`, { kind: 'info', yaw: -40, pitch: 0, label: '开放日 12 月 5 日', body: '欢迎参观' });
    expect(created.status).toBe(201);
    expect(await page.content()).not.toContain('开放日 12 月 5 日');
    await page.locator('.stage-start').click();
    await page.locator('.stage [data-hotspot-id]', { hasText: '开放日 12 月 5 日' }).waitFor({ timeout: LIVE_TIMEOUT });
    expect((await firm.call('DELETE', `/hall/hotspots/${((await created.json()) as { id: number }).id}`)).status).toBe(200);
    await page.close();
  });
});

describe('start of the 3D view', () => {
  it('waits for the visitor: the poster and a start button first, then a draggable first paint and the full viewer', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => {
      (window as unknown as { __hallViewerProbe: object }).__hallViewerProbe = {};
    });
    await page.goto(`${baseURL}/halls/${SLUG}`, { waitUntil: 'load' });
    const button = page.locator('.stage-start');
    await button.waitFor({ state: 'visible' });
    expect(await button.textContent()).toContain('进入 3D 展厅');
    // Nothing heavy yet: no WebGL first paint, no viewer code, a plain URL.
    const viewerCode = () =>
      page.evaluate(() => performance.getEntriesByType('resource').find((e) => /ViewerLoader\.[\w-]+\.js/.test(e.name))?.startTime ?? -1);
    expect(await viewerCode()).toBe(-1);
    expect(await page.locator('.stage canvas').count()).toBe(0);
    expect(new URL(page.url()).hash).toBe('');

    const touchedAt = await page.evaluate(() => performance.now());
    await button.click();
    await page.waitForFunction(() => (window as unknown as { __hallViewerProbe: { firstPixelsAt?: number } }).__hallViewerProbe.firstPixelsAt);
    // A resource timing entry appears once its response has ended, which may be after the first paint's pixels.
    await expect.poll(viewerCode, { timeout: 30_000 }).toBeGreaterThanOrEqual(0);
    const chunkAt = await viewerCode();
    expect(chunkAt).toBeGreaterThanOrEqual(touchedAt);
    // Started by the click, not by the quiet timer.
    expect(await page.locator('.stage').getAttribute('data-started-by')).toBe('visitor');

    const box = (await page.locator('.stage').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => location.hash.includes('y='));
    const dragged = Number(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('y'));
    expect(Math.abs(dragged)).toBeGreaterThan(5);

    await page.locator('.stage.is-live').waitFor({ state: 'attached', timeout: 15_000 });
    await expect.poll(() => Number(new URLSearchParams(new URL(page.url()).hash.slice(1)).get('y'))).toBeCloseTo(dragged, 0);
    expect(await button.isVisible()).toBe(false);
    await page.close();
  });

  it('starts by itself when the visitor does nothing for a few seconds', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${baseURL}/halls/${SLUG}`, { waitUntil: 'load' });
    await page.locator('.stage.is-live').waitFor({ state: 'attached', timeout: 20_000 });
    expect(await page.locator('.stage canvas[data-engine]').count()).toBeGreaterThan(0);
    expect(await page.locator('.stage').getAttribute('data-started-by')).toBe('quiet');
    await page.close();
  });
});

describe('product page', () => {
  it('shows the photos a firm uploads, in responsive sizes, and uses the first for social cards', async () => {
    const sharp = (await import('sharp')).default;
    const firm = await signInAsFirm();
    const products = (await (await firm.call('GET', '/products')).json()) as { id: number; name: string }[];
    const product = products[0]!;
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#3b6fb6' } }).jpeg().toBuffer();
    const res = await firm.upload(`/products/${product.id}/photos`, photo, 'front.jpg');
    expect(res.status).toBe(201);

    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${baseURL}/products/${product.id}`);
    const main = page.locator('.gallery-main');
    await main.waitFor();
    expect(await main.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // A phone gets a size made for it, not the 1280 px one.
    expect(await main.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(/\/w(640|1280)\.webp$/);
    expect(await page.getAttribute('meta[property="og:image"]', 'content')).toMatch(/\/w640\.jpg$/);

    // The hall page and the products board show it as a thumbnail at once (the upload cleared the page memo).
    for (const path of [`/halls/${SLUG}`, '/products']) {
      await page.goto(`${baseURL}${path}`);
      const thumb = page.locator(`${path === '/products' ? '' : `#product-${product.id} `}img.row-thumb`).first();
      await thumb.scrollIntoViewIfNeeded();
      await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    }
    await page.close();
  });
});
