import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openDb } from '../../api/db/client.ts';
import { visitCounts } from '../../api/db/schema/index.ts';
import { launchChromium } from './browser.ts';

const baseURL = inject('baseURL');
const dataDir = inject('dataDir');
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('cookieless visitor analytics', () => {
  it('counts a hall view and its first scene, without setting any cookie', async () => {
    const db = await openDb(`file:${join(dataDir, 'platform.db')}`);
    const hallViews = async () =>
      (await db.select().from(visitCounts)).filter((r) => r.kind === 'hall_view').reduce((n, r) => n + r.count, 0);
    const before = await hallViews();
    // A browser of its own: the same visitor's repeat views of a hall on one day count once.
    const context = await browser.newContext({ userAgent: `analytics-test ${Date.now()}` });
    const page = await context.newPage();
    await page.goto(baseURL + '/halls');
    const href = (await page.locator('.card h3 a').first().getAttribute('href'))!;
    await page.goto(baseURL + href);
    await page.waitForTimeout(2_000); // the view is sent 1.5 s after load
    expect(await context.cookies()).toEqual([]);
    await context.close();

    try {
      // The server writes counts in batches every few seconds.
      await expect.poll(hallViews, { timeout: 12_000, interval: 500 }).toBe(before + 1);
      expect((await db.select().from(visitCounts)).map((r) => r.kind)).toContain('scene_view');
    } finally {
      db.$client.close();
    }
  });
});
