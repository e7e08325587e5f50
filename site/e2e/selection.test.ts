import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../../api/db/client.ts';
import { experts, halls, mailOutbox, selectionApplications, selectionReviews, users } from '../../api/db/schema/index.ts';
import { makeEnterprise, makeUser } from '../../api/testing.ts';
import { launchChromium } from './browser.ts';
import { seriousViolations } from './axe.ts';

const baseURL = inject('baseURL');
const dataDir = inject('dataDir');
const PASSWORD = 'qianqi-demo-2026';
const WAIT = { timeout: 60_000 };
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** Waits until the islands holding `inner` have hydrated (islands below the fold hydrate only when scrolled to). */
async function hydrated(page: Page, inner: string): Promise<void> {
  await page.waitForFunction((sel) => [...document.querySelectorAll('astro-island[ssr]')].every((island) => !island.querySelector(sel)), inner, WAIT);
}

/** Signs in through the sign-in page, landing on `next`. */
async function signedIn(email: string, next: string, password = PASSWORD, viewport = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${baseURL}/portal/login?next=${encodeURIComponent(next)}`);
  await hydrated(page, 'form');
  await page.getByLabel('邮箱').fill(email);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname === next, WAIT);
  return { context, page };
}

/** A JSON API session for a demo account (demo staff need no second factor). */
async function apiSession(email: string, password = PASSWORD) {
  const res = await fetch(`${baseURL}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: baseURL }, body: JSON.stringify({ email, password }) });
  expect(res.status, email).toBe(200);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.getSetCookie().find((c) => /qq_session=/.test(c))!.split(';')[0]!;
  return async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${baseURL}/api${path}`, { method, headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, Origin: baseURL, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: r.status, json: (await r.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- test helper over many shapes
  };
}

/** Picks a move in the workflow form of an application page and confirms it. */
async function move(page: Page, label: string) {
  await hydrated(page, '[data-testid=transition-form]');
  await page.getByLabel(label, { exact: true }).check();
  const reloaded = page.waitForEvent('load', WAIT);
  await page.getByRole('button', { name: '确定' }).click();
  await reloaded;
}

describe('the yearly selection in Chromium', () => {
  it('a firm applies → county → city → experts → public notice → selected → draft hall and a message → published → tracked', async () => {
    const db = await openDb(`file:${join(dataDir, 'platform.db')}`);
    try {
      // A firm of 临清 new to the register (no hall, no entry in the demo's rounds) with a portal user.
      const firm = await makeEnterprise(db, { county: 'linqing', name: '临清市端到端测试精工有限公司', contactName: '测试联系人', contactEmail: 'e2e-contact@firm.example' });
      const ownerEmail = 'e2e-owner@firm.example';
      await makeUser(db, { enterpriseId: firm.id, email: ownerEmail, password: 'e2e firm password 2026' });

      const bureau = await apiSession('bureau@demo.qianqi.example');
      const created = await bureau('POST', '/admin/rounds', {
        year: 2026,
        kind: 'hall',
        title: '2026年度千企在线展馆遴选（补充批次）',
        quota: 50,
        timeline: { applyFrom: '2026-03-01', applyTo: '2026-12-31', countyDue: '2026-12-31', cityDue: '2026-12-31', expertDue: '2026-12-31', noticeFrom: null },
        objectionPhone: '0635-1234567',
        objectionEmail: 'objection@bureau.example',
      });
      expect(created.status).toBe(201);
      const roundId = created.json.id as number;
      expect((await bureau('POST', `/admin/rounds/${roundId}/phase`, { to: 'open' })).status).toBe(200);

      // 1. The firm applies in the portal, its data pre-filled from the register.
      const owner = await signedIn(ownerEmail, '/portal/selection', 'e2e firm password 2026');
      const form = owner.page.locator('details', { hasText: '补充批次' });
      await hydrated(owner.page, '[data-testid=apply-form]');
      await form.locator('summary').click();
      await expect.poll(() => form.getByLabel('企业名称').inputValue(), WAIT).toBe(firm.name);
      await form.getByLabel('申报说明').fill('希望借助线上展馆拓展海外客户。');
      // A document uploaded in the form, checked by its content, is attached.
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
      await form.locator('input[type=file]').setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: pdf });
      await expect.poll(() => form.getByLabel('营业执照.pdf').isChecked(), WAIT).toBe(true);
      await form.getByLabel('我已知悉：申报免费，无需中介。').check();
      const applied = owner.page.waitForEvent('load', WAIT);
      await form.getByRole('button', { name: '提交申报' }).click();
      await applied;
      await expect.poll(() => owner.page.getByTestId('firm-label').first().innerText(), WAIT).toBe('已提交，等待县区初审');
      const [app] = await db.select().from(selectionApplications).where(and(eq(selectionApplications.roundId, roundId), eq(selectionApplications.enterpriseId, firm.id)));
      expect(app!.attachmentIds).toHaveLength(1);

      // 2. The county officer passes it; 3. the city passes it.
      const county = await signedIn('linqing@demo.qianqi.example', `/admin/selection/applications/${app!.id}`);
      await move(county.page, '初审通过');
      expect(await county.page.getByTestId('app-state').innerText()).toBe('待市局审核');
      await county.context.close();
      const city = await signedIn('bureau@demo.qianqi.example', `/admin/selection/applications/${app!.id}`);
      await move(city.page, '审核通过，进入专家评审');
      expect(await city.page.getByTestId('app-state').innerText()).toBe('专家评审中');

      // 4. Experts drawn at random score it; one of them on a phone.
      expect((await bureau('POST', `/admin/rounds/${roundId}/draw`, { seed: 'e2e-seed' })).json).toMatchObject({ drawn: 1, short: 0 });
      const panel = await db.select({ reviewId: selectionReviews.id, email: users.email }).from(selectionReviews).innerJoin(experts, eq(experts.id, selectionReviews.expertId)).innerJoin(users, eq(users.id, experts.userId)).where(eq(selectionReviews.applicationId, app!.id));
      expect(panel).toHaveLength(5);
      const reviewPath = `/admin/selection/reviews/${panel[0]!.reviewId}`;
      const phone = await signedIn(panel[0]!.email, reviewPath, PASSWORD, { width: 390, height: 844 });
      expect(await seriousViolations(phone.page, baseURL, reviewPath)).toEqual([]);
      // The scoring form fits a phone: no sideways scrolling.
      expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      phone.page.on('dialog', (d) => void d.accept());
      await hydrated(phone.page, '.score-form');
      for (const input of await phone.page.locator('.score-form input[type=number]').all()) await input.fill('85');
      const scored = phone.page.waitForEvent('load', WAIT);
      await phone.page.getByRole('button', { name: '提交评分' }).click();
      await scored;
      await expect.poll(() => phone.page.getByTestId('review-done').innerText(), WAIT).toContain('85');
      await phone.context.close();
      const all = (v: number) => ({ industry_fit: v, tier: v, growth: v, innovation: v, digital: v, showroom: v });
      for (const [i, r] of panel.slice(1).entries()) {
        const expert = await apiSession(r.email);
        expect((await expert('POST', `/admin/reviews/${r.reviewId}`, { scores: all(80 + i) })).status).toBe(200);
      }

      // 5. Ranked within the quota → proposed → the public notice (its five working days already over).
      expect((await bureau('POST', `/admin/rounds/${roundId}/propose`)).json).toEqual({ proposed: 1, notSelected: 0, waiting: 0 });
      const round = (await bureau('GET', `/admin/rounds/${roundId}`)).json.round;
      expect((await bureau('PATCH', `/admin/rounds/${roundId}`, { version: round.version, timeline: { ...round.timeline, noticeFrom: '2026-06-01' } })).status).toBe(200);
      expect((await bureau('POST', `/admin/applications/${app!.id}/transitions`, { to: 'notice' })).status).toBe(200);
      await bureau('POST', `/admin/rounds/${roundId}/phase`, { to: 'review' });
      await bureau('POST', `/admin/rounds/${roundId}/phase`, { to: 'notice' });
      const visitor = await browser.newPage();
      await visitor.goto(`${baseURL}/selection/2026`);
      await expect.poll(() => visitor.locator('main').innerText(), WAIT).toContain(firm.name);
      expect(await visitor.getByTestId('notice-period').first().innerText()).toContain('2026-06-01 至 2026-06-05');
      expect(await visitor.locator('main').innerText()).toContain('0635-1234567');
      expect(await seriousViolations(visitor, baseURL, '/selection/2026')).toEqual([]);
      expect(await seriousViolations(visitor, baseURL, '/en/selection/2026')).toEqual([]);

      // 6. Selected: the hall exists as a draft and the firm has a message in the outbox.
      await city.page.reload();
      await move(city.page, '确认入选');
      expect(await city.page.getByTestId('app-state').innerText()).toBe('入选');
      const [hall] = await db.select().from(halls).where(eq(halls.enterpriseId, firm.id));
      expect(hall!.status).toBe('draft');
      const mail = await db.select().from(mailOutbox).where(eq(mailOutbox.to, ownerEmail));
      expect(mail.map((m) => m.kind)).toContain('selection_selected');
      await owner.page.reload();
      await expect.poll(() => owner.page.getByTestId('firm-label').first().innerText(), WAIT).toBe('已入选');

      // 7. The firm publishes its hall; the tracker counts it.
      const csrf = await owner.page.evaluate(() => fetch('/api/auth/me').then((r) => r.json()).then((j) => j.csrfToken as string));
      const published = await owner.page.evaluate(
        async ([id, token]) => (await fetch(`/api/portal/enterprises/${id}/hall`, { method: 'PATCH', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': token! }, body: JSON.stringify({ status: 'published' }) })).status,
        [String(firm.id), csrf] as const,
      );
      expect(published).toBe(200);
      await city.page.goto(`${baseURL}/admin/selection/${roundId}/tracker`);
      await expect.poll(() => city.page.getByTestId('tracker-progress').innerText(), WAIT).toBe('已发布 1 / 1');
      await owner.context.close();
      await city.context.close();
    } finally {
      db.$client.close();
    }
  }, 300_000);
});
