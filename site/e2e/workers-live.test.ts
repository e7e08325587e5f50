/**
 * Two app processes on one database (issue 15): the e2e server (A) and a second process (B) on its data dir. An edit
 * saved through A reaches a page open on B through the change feed; sign-in failures through A and B count together.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { signInAsFirm } from './firm-api.ts';
import { startSecondProcess, type AppProcess } from './second-process.ts';
import { LIVE_TIMEOUT } from './timeouts.ts';

const baseA = inject('baseURL');
let b: AppProcess;
let browser: Browser;

beforeAll(async () => {
  [b, browser] = await Promise.all([startSecondProcess(inject('dataDir')), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await b?.stop();
});

describe('two app processes on one database', () => {
  it('show an edit saved through process A in a page open on process B, without a reload', async () => {
    const slug = 'jinghe-steel-pipe';
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${b.base}/halls/${slug}`);
    await page.locator('.stage-start').click();
    await page.locator('.stage.is-live').waitFor({ state: 'attached', timeout: 30_000 });
    const navigations: string[] = [];
    page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));

    const firm = await signInAsFirm(baseA, slug);
    const hall = (await (await firm.call('GET', '/hall')).json()) as { scenes: { id: number }[] };
    const created = await firm.call('POST', `/hall/scenes/${hall.scenes[0]!.id}/hotspots`, { kind: 'info', yaw: 30, pitch: 0, label: '跨进程更新 A→B', body: '—' });
    expect(created.status).toBe(201);
    await page.locator('.stage [data-hotspot-id]', { hasText: '跨进程更新 A→B' }).waitFor({ timeout: LIVE_TIMEOUT });
    expect(navigations).toEqual([]);

    const { id } = (await created.json()) as { id: number };
    expect((await firm.call('DELETE', `/hall/hotspots/${id}`)).status).toBe(200);
    await page.locator('.stage [data-hotspot-id]', { hasText: '跨进程更新 A→B' }).waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
    await page.close();
  });

  it('count sign-in failures through A and B together', async () => {
    const email = 'fuhai-cable@demo.qianqi.example';
    const login = (base: string, password: string) =>
      fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: base }, body: JSON.stringify({ email, password }) });
    // Five failures are free per account (api/auth/throttle.ts); three on each process make six.
    for (const base of [baseA, baseA, baseA, b.base, b.base, b.base]) expect([401, 429]).toContain((await login(base, 'wrong-password')).status);
    const right = await login(baseA, 'qianqi-demo-2026');
    expect(right.status).toBe(429);
    expect(((await right.json()) as { error: { code: string } }).error.code).toBe('signin_throttled');
  });
});
