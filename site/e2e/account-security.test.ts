/**
 * Account security in real Chromium: a firm user turns on two-step verification on the account page (QR code,
 * first code, recovery codes shown once), signs in again through the second step, and a forgotten password is
 * reset through the e-mailed link that the demo's file transport drops in DATA_DIR/outbox-sent.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './browser.ts';
import { LIVE_TIMEOUT } from './timeouts.ts';

const baseURL = inject('baseURL');
const dataDir = inject('dataDir');
const DEMO_PASSWORD = 'qianqi-demo-2026';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 30_000 });
}

async function signIn(page: Page, email: string, password: string, path = '/portal/login') {
  await page.goto(`${baseURL}${path}`);
  await hydrated(page);
  await page.fill('#login-email', email);
  await page.fill('#login-password', password);
  await page.click('form button[type=submit]');
}

describe('two-step verification in the portal', () => {
  it('is turned on from the account page and then asked for at sign-in; a recovery code stands in once', async () => {
    const email = 'zhongke-new-materials@demo.qianqi.example';
    const page = await browser.newPage({ locale: 'zh-CN' });
    await signIn(page, email, DEMO_PASSWORD);
    await page.waitForURL(`${baseURL}/portal`);
    await page.goto(`${baseURL}/portal/account`);
    await hydrated(page);
    await page.getByRole('button', { name: '启用两步验证' }).click();
    const secret = (await page.locator('[data-testid=totp-secret]').textContent())!;
    expect(await page.locator('img.totp-qr').getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await page.fill('#totp-code', await generate({ secret }));
    await page.getByRole('button', { name: '确认启用' }).click();
    await page.locator('[data-testid=recovery-codes]').waitFor();
    const codes = await page.locator('[data-testid=recovery-codes] code').allTextContents();
    expect(codes).toHaveLength(10);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '我已保存' }).click()]);
    await expect.poll(() => page.locator('#tfa-h + .lede').textContent(), { timeout: LIVE_TIMEOUT }).toContain('已启用');
    await page.close();

    const other = await browser.newPage({ locale: 'zh-CN' });
    await signIn(other, email, DEMO_PASSWORD);
    await other.getByRole('heading', { name: '两步验证' }).waitFor();
    // Starting over from the sign-in page while the half-finished sign-in's cookie is still there works too.
    await signIn(other, email, DEMO_PASSWORD);
    await other.getByRole('heading', { name: '两步验证' }).waitFor();
    await other.getByRole('button', { name: '改用恢复码' }).click();
    await other.fill('#login-code', codes[0]!);
    await Promise.all([other.waitForURL(`${baseURL}/portal`), other.getByRole('button', { name: '验证', exact: true }).click()]);
    await other.close();

    const third = await browser.newPage({ locale: 'zh-CN' });
    await signIn(third, email, DEMO_PASSWORD);
    await third.getByRole('button', { name: '改用恢复码' }).click();
    await third.fill('#login-code', codes[0]!);
    await third.getByRole('button', { name: '验证', exact: true }).click();
    await expect.poll(() => third.locator('[role=alert]').textContent(), { timeout: LIVE_TIMEOUT }).toContain('验证码不正确或已使用');
    await third.close();
  });
});

describe('password reset in the portal', () => {
  it('mails a link that sets a new password (English pages)', async () => {
    const email = 'shenhe-vegetables@demo.qianqi.example';
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(`${baseURL}/en/portal/login`);
    await hydrated(page);
    await Promise.all([page.waitForURL(`${baseURL}/en/portal/reset`), page.getByRole('link', { name: 'Forgot your password?' }).click()]);
    await hydrated(page);
    await page.fill('#reset-email', email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('the link is on its way').waitFor();

    // The demo's file transport: one JSON file per message under DATA_DIR/outbox-sent.
    const outbox = join(dataDir, 'outbox-sent');
    const mailFile = () => readdirSync(outbox, { withFileTypes: true }).find((f) => f.name.endsWith('-password_reset.json') && readFileSync(join(outbox, f.name), 'utf8').includes(email));
    await expect.poll(() => { try { return !!mailFile(); } catch { return false; } }, { timeout: LIVE_TIMEOUT }).toBe(true);
    const link = /https?:\/\/\S+\/en\/portal\/reset\/[A-Za-z0-9_-]+/.exec(JSON.parse(readFileSync(join(outbox, mailFile()!.name), 'utf8')).text)![0];
    await page.goto(baseURL + new URL(link).pathname);
    await hydrated(page);
    await page.fill('#reset-password', 'vegetable-garden-2027');
    await page.fill('#reset-password2', 'vegetable-garden-2027');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Your password has been reset.').waitFor();

    await signIn(page, email, 'vegetable-garden-2027', '/en/portal/login');
    await page.waitForURL(`${baseURL}/en/portal`);
    await page.close();
  });
});
