/**
 * Production behind a real TLS proxy (ASVS V3, V4): nginx with a self-signed certificate in front of a
 * NODE_ENV=production server. In Chromium, over https://, a demo firm signs in, saves a hotspot in the hall editor,
 * and a visitor sends a lead form — the three things that the http/https origin mismatch used to refuse.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, waitUntilUp } from '../../scripts/lib/port.ts';
import { launchChromium } from './browser.ts';
import { startTlsProxy, type Proxy } from './proxy/nginx.ts';

// A firm the other browser tests leave alone: this server shares their database (two processes, one data dir).
const EMAIL = 'jinghe-steel-pipe@demo.qianqi.example';
const HOTSPOT = '钢管库存 3 万吨';

let app: ChildProcess;
let appLog = '';
let proxy: Proxy;
let browser: Browser;
let context: BrowserContext;
const cspViolations: string[] = [];

beforeAll(async () => {
  const appPort = await freePort();
  const tlsPort = await freePort();
  const origin = `https://localhost:${tlsPort}`;
  app = spawn(process.execPath, ['scripts/serve.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PUBLIC_URL: origin,
      TRUST_PROXY: 'loopback',
      PORT: String(appPort),
      HOST: '127.0.0.1',
      DATA_DIR: inject('dataDir'),
      DEMO: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app.stdout!.on('data', (d) => (appLog += d));
  app.stderr!.on('data', (d) => (appLog += d));
  await waitUntilUp(`http://127.0.0.1:${appPort}/api/health`, app, () => appLog, 60_000);
  proxy = await startTlsProxy(tlsPort, appPort);
  browser = await launchChromium();
  // The certificate is self-signed for this test; everything else is as in production.
  context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 } });
  context.on('console', (m) => /Content Security Policy/i.test(m.text()) && cspViolations.push(m.text()));
});

afterAll(async () => {
  await browser?.close();
  await proxy?.stop();
  if (app && app.exitCode === null) {
    app.kill('SIGTERM');
    await new Promise((r) => app.once('exit', r));
  }
});

async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 30_000 });
}

describe('production behind an HTTPS proxy', () => {
  it('signs a demo firm in over https with a __Host- Secure cookie', async () => {
    const page = await context.newPage();
    await page.goto(`${proxy.origin}/portal/login`);
    await hydrated(page);
    await page.fill('#login-email', EMAIL);
    await page.fill('#login-password', 'qianqi-demo-2026');
    await Promise.all([page.waitForURL(`${proxy.origin}/portal`), page.click('form button[type=submit]')]);
    const cookie = (await context.cookies(proxy.origin)).find((c) => c.name === '__Host-qq_session');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/' });
    await page.close();
  });

  it('saves a hotspot in the hall editor (portal island under the CSP)', async () => {
    const page = await context.newPage();
    await page.goto(`${proxy.origin}/portal/hall`);
    await hydrated(page);
    await page.locator('[data-testid=editor-stage] canvas').waitFor({ timeout: 60_000 });
    await page.click('button:has-text("添加热点")');
    const box = (await page.locator('[data-testid=editor-stage]').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.45);
    const panel = page.locator('[data-testid=hotspot-form]');
    await panel.waitFor();
    await page.fill('#hs-label', HOTSPOT);
    await page.fill('#hs-target', '无缝钢管与焊管，现货供应。');
    const [saved] = await Promise.all([
      page.waitForResponse((r) => /\/api\/portal\/enterprises\/\d+\/hall\/scenes\/\d+\/hotspots$/.test(r.url()) && r.request().method() === 'POST'),
      panel.locator('button[type=submit]').click(),
    ]);
    expect(saved.status()).toBe(201);
    expect((await saved.request().allHeaders())['origin']).toBe(proxy.origin);
    expect(saved.headers()['cache-control']).toBe('no-store');
    // Clean up what this test added to the shared demo data.
    const { id } = (await saved.json()) as { id: number };
    const removed = await page.evaluate(async (hotspotId) => {
      const me = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string; user: { enterpriseId: number } };
      const res = await fetch(`/api/portal/enterprises/${me.user.enterpriseId}/hall/hotspots/${hotspotId}`, { method: 'DELETE', headers: { 'X-CSRF-Token': me.csrfToken } });
      return res.status;
    }, id);
    expect(removed).toBe(200);
    await page.close();
  });

  it('takes a lead form from a visitor over https and sends every page with HSTS and a CSP', async () => {
    const visitor = await browser.newContext({ ignoreHTTPSErrors: true });
    visitor.on('console', (m) => /Content Security Policy/i.test(m.text()) && cspViolations.push(m.text()));
    const page = await visitor.newPage();
    const hall = await page.goto(`${proxy.origin}/halls/jinghe-steel-pipe`);
    expect(hall!.headers()['strict-transport-security']).toMatch(/max-age=\d{8,}/);
    expect(hall!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    const product = await page.locator('a[href^="/products/"]').first().getAttribute('href');
    await page.goto(proxy.origin + product);
    await page.fill('#f-name', '赵经理');
    await page.fill('#f-phone', '13900002222');
    await page.fill('#f-message', '请报价 DN100 无缝钢管 20 吨');
    await page.check('#f-consent');
    // The form refuses submissions faster than a person can type (a spam defence), counted from the page's load.
    await page.waitForFunction(() => performance.now() > 3_200);
    await Promise.all([page.waitForURL(/\/leads\/[\w-]{20,}(#.*)?$/), page.click('.lead-form button[type=submit]')]);
    expect(page.url().startsWith(`${proxy.origin}/leads/`)).toBe(true);
    expect(await page.locator('h1').textContent()).toBe('已提交');
    expect(await page.locator('dl.contact').textContent()).toContain('赵经理');
    await visitor.close();
    expect(cspViolations).toEqual([]);
  });
});
