/**
 * The enterprise portal end to end, in real Chromium against the real server: an invitation becomes an account,
 * a 360° photo becomes a scene, a hotspot placed by clicking in the 3D view is live on the public hall,
 * a visitor's inquiry reaches the inbox and its export; markup typed into a product name stays text everywhere.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createInvitation } from '../../api/auth/invitations.ts';
import { openDb } from '../../api/db/client.ts';
import { enterprises, products } from '../../api/db/schema/index.ts';
import { LIVE_TIMEOUT } from './timeouts.ts';
import { launchChromium } from './browser.ts';
import { injectAxe } from './axe.ts';

const baseURL = inject('baseURL');
const dataDir = inject('dataDir');
const SLUG = 'runhua-chemical';
const PHOTO = join(process.cwd(), '..', 'shared', 'fixtures', 'panoramas', 'polyhaven-tears-of-steel-bridge-2048.jpg');
const EMAIL = 'wu.hao@runhua-chem.example';
const PASSWORD = 'Runhua-portal-2026!';
const XSS = '<img src=x onerror=alert(1)>';

let browser: Browser;
let firmContext: BrowserContext;
let visitorContext: BrowserContext;
let firm: Page;
let visitor: Page;
let enterpriseId: number;
let productId: number;
let inviteToken: string;
const dialogs: string[] = [];

beforeAll(async () => {
  const db = await openDb(`file:${join(dataDir, 'platform.db')}`);
  try {
    const [row] = await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.slug, SLUG));
    enterpriseId = row!.id;
    const [product] = await db
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.enterpriseId, enterpriseId), eq(products.status, 'published')));
    productId = product!.id;
    inviteToken = (await createInvitation(db, { role: 'enterprise', enterpriseId })).token;
  } finally {
    db.$client.close();
  }
  browser = await launchChromium();
  firmContext = await browser.newContext({ viewport: { width: 1400, height: 950 }, locale: 'zh-CN' });
  visitorContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  firm = await firmContext.newPage();
  visitor = await visitorContext.newPage();
  // Confirmations ("delete?") are accepted; any other dialog would be injected script, and is recorded.
  for (const page of [firm, visitor]) {
    page.on('dialog', (d) => void (d.type() === 'confirm' ? d.accept() : (dialogs.push(d.message()), d.dismiss())));
  }
});
afterAll(() => browser?.close());

/** Waits until every island of the page has hydrated (Astro drops the `ssr` attribute then). */
async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('astro-island[ssr]').length === 0, undefined, { timeout: 30_000 });
}

/** The portal API as the signed-in firm page (its cookies), for ids the UI does not print. */
async function portalJson<T>(path: string): Promise<T> {
  const res = await firm.request.get(`${baseURL}/api/portal/enterprises/${enterpriseId}${path}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

/** Runs `action` (a click, a drop) and resolves with the answer to the API call it makes: `method` on a URL like `path`. */
async function answerTo(page: Page, method: string, path: RegExp, action: () => Promise<unknown>) {
  const [res] = await Promise.all([page.waitForResponse((r) => path.test(r.url()) && r.request().method() === method), action()]);
  return res;
}

/** "Set the current view as the start view" in the editor: the view's centre as the PATCH sent it. */
async function setStartView(page: Page) {
  const patched = await answerTo(page, 'PATCH', /\/hall\/scenes\/\d+$/, () => page.getByRole('button', { name: '把当前视角设为起始视角', exact: true }).click());
  const body = patched.request().postDataJSON() as { initialYaw: number; initialPitch: number };
  return { yaw: body.initialYaw, pitch: body.initialPitch };
}

/** Two directions within a degree of each other. */
const near = (a: { yaw: number; pitch: number }, b: { yaw: number; pitch: number }) =>
  Math.abs(((((a.yaw - b.yaw) % 360) + 540) % 360) - 180) < 1 && Math.abs(a.pitch - b.pitch) < 1;

describe('enterprise portal', () => {
  it('accepts an invitation, signs out and signs in again with the new password', async () => {
    await firm.goto(`${baseURL}/portal/invite/${inviteToken}`);
    expect(await firm.locator('main').textContent()).toContain('聊城润华精细化工有限公司');
    await hydrated(firm);
    await firm.fill('#inv-name', '吴昊');
    await firm.fill('#inv-email', EMAIL);
    await firm.fill('#inv-password', PASSWORD);
    await firm.fill('#inv-password2', 'something-else-entirely');
    await firm.click('form button[type=submit]');
    expect(await firm.locator('#inv-password2-err').textContent()).toBe('两次输入的密码不一致');
    await firm.fill('#inv-password2', PASSWORD);
    await Promise.all([firm.waitForURL(`${baseURL}/portal`), firm.click('form button[type=submit]')]);
    expect(await firm.locator('h1').textContent()).toBe('吴昊，您好');

    await Promise.all([firm.waitForURL(/\/portal\/login/), firm.click('[data-signout]')]);
    await firm.goto(`${baseURL}/portal/hall`);
    expect(firm.url()).toContain('/portal/login?next=%2Fportal%2Fhall');
    await hydrated(firm);
    await firm.fill('#login-email', EMAIL);
    await firm.fill('#login-password', 'wrong-password-1');
    await firm.click('form button[type=submit]');
    expect(await firm.locator('[role=alert]').textContent()).toContain('邮箱或密码不正确');
    await firm.fill('#login-password', PASSWORD);
    await Promise.all([firm.waitForURL(`${baseURL}/portal/hall`), firm.click('form button[type=submit]')]);
  });

  it('explains the sign-in delay after repeated wrong passwords, with the ways out', async () => {
    const page = await browser.newPage();
    await page.goto(`${baseURL}/portal/login`);
    await hydrated(page);
    await page.fill('#login-email', 'gaotang-chenguang-paper@demo.qianqi.example');
    for (let i = 0; i < 6; i++) {
      await page.fill('#login-password', `wrong-${i}`);
      await Promise.all([page.waitForResponse((r) => r.url().endsWith('/api/auth/login')), page.click('form button[type=submit]')]);
    }
    expect(await page.locator('[role=alert]').textContent()).toMatch(/尝试次数过多，请 \d+ 秒后再试；也可以通过邮件解锁或重设密码/);
    await page.close();
  });

  it('uploads a 360° photo with progress, then makes it a scene', async () => {
    await firm.locator('[data-testid=panorama-file]').setInputFiles(PHOTO);
    await firm.locator('[data-testid=upload-status]').waitFor({ timeout: 10_000 });
    const form = firm.locator('[data-testid=new-scene-form]');
    await form.waitFor({ timeout: 150_000 });
    await firm.fill('#new-scene-title', '新建成品仓库');
    await firm.fill('#new-scene-title-en', 'New warehouse');
    await form.locator('button[type=submit]').click();
    await firm.locator('.scene-item[aria-current=true]', { hasText: '新建成品仓库' }).waitFor();
    await firm.locator('[data-testid=editor-stage] canvas').waitFor({ timeout: 30_000 });

    // Look somewhere else, then make that the scene's starting view.
    const stage = (await firm.locator('[data-testid=editor-stage]').boundingBox())!;
    await firm.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2);
    await firm.mouse.down();
    await firm.mouse.move(stage.x + stage.width / 2 - 200, stage.y + stage.height / 2, { steps: 8 });
    await firm.mouse.up();
    await firm.waitForTimeout(600);
    const patched = await answerTo(firm, 'PATCH', /\/hall\/scenes\/\d+$/, () => firm.click('button:has-text("把当前视角设为起始视角")'));
    expect(patched.status()).toBe(200);
    const start = (await patched.json()) as { initialYaw: number };
    expect(Math.abs(start.initialYaw)).toBeGreaterThan(5);
  });

  it('places a hotspot by clicking in the 3D view, moves it by click and by drag; an open public hall shows it live, without a reload', async () => {
    const hall = await portalJson<{ scenes: { id: number; title: string }[] }>('/hall');
    const scene = hall.scenes.find((s) => s.title === '新建成品仓库')!;
    await visitor.goto(`${baseURL}/halls/${SLUG}#s=${scene.id}`);
    await visitor.locator('.stage canvas[data-engine]').waitFor({ timeout: 30_000 });
    await visitor.waitForTimeout(800); // let the live stream connect
    const navigations: string[] = [];
    visitor.on('framenavigated', (f) => f === visitor.mainFrame() && navigations.push(f.url()));

    await firm.click('button:has-text("添加热点")');
    const stage = firm.locator('[data-testid=editor-stage]');
    const box = (await stage.boundingBox())!;
    await firm.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.45);
    const panel = firm.locator('[data-testid=hotspot-form]');
    await panel.waitFor();
    await firm.fill('#hs-label', '仓储容量 2 万吨');
    await firm.fill('#hs-target', '恒温恒湿，自动化立体货架。');
    const saved = await answerTo(firm, 'POST', /\/hall\/scenes\/\d+\/hotspots$/, () => panel.locator('button[type=submit]').click());
    expect(saved.status()).toBe(201);
    await visitor.locator('.stage [data-hotspot-id]', { hasText: '仓储容量 2 万吨' }).waitFor({ timeout: LIVE_TIMEOUT });
    expect(navigations).toEqual([]);
    // In the editor it is listed and selected; "move" then takes the next click in the view as its new place.
    await firm.locator('.hotspot-items button[aria-pressed=true]', { hasText: '仓储容量 2 万吨' }).waitFor();
    await panel.locator('button', { hasText: '移动位置' }).click();
    expect(await firm.locator('.stage-hint').textContent()).toBe('在全景中点击热点的新位置。');
    const moved = await answerTo(firm, 'PATCH', /\/hall\/hotspots\/\d+$/, () => firm.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.55));
    expect(moved.status()).toBe(200);
    const clickedTo = moved.request().postDataJSON() as { yaw: number; pitch: number };
    await firm.locator('[data-testid=editor-status]', { hasText: '移动热点' }).waitFor();

    // Or drag it: pressed on the hotspot, the pointer carries it (the view stays) and the drop saves it.
    expect(await stage.boundingBox()).toEqual(box);
    await firm.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.55);
    await firm.mouse.down();
    for (let i = 1; i <= 5; i++) await firm.mouse.move(box.x + box.width * (0.4 + 0.02 * i), box.y + box.height * (0.55 - 0.01 * i));
    const dragged = await answerTo(firm, 'PATCH', /\/hall\/hotspots\/\d+$/, () => firm.mouse.up());
    expect(dragged.status()).toBe(200);
    const droppedAt = dragged.request().postDataJSON() as { yaw: number; pitch: number };
    // It was dropped at the middle of the stage, where the view's centre is (the view itself did not turn).
    expect(near(droppedAt, await setStartView(firm))).toBe(true);
  });

  it('undoes the last actions by the inverse API calls', async () => {
    const before = await portalJson<{ scenes: { hotspots: { label: string; yaw: number }[] }[] }>('/hall');
    const yawMoved = before.scenes.flatMap((s) => s.hotspots).find((h) => h.label === '仓储容量 2 万吨')!.yaw;
    await firm.click('button:has-text("撤销：设置起始视角")');
    await firm.locator('button:has-text("撤销：移动热点")').waitFor();
    await firm.click('button:has-text("撤销：移动热点")');
    await firm.locator('[data-testid=editor-status]', { hasText: '撤销：移动热点' }).waitFor();
    await firm.click('button:has-text("撤销：移动热点")');
    await firm.locator('button:has-text("撤销：添加热点")').waitFor();
    const after = await portalJson<{ scenes: { hotspots: { label: string; yaw: number }[] }[] }>('/hall');
    expect(after.scenes.flatMap((s) => s.hotspots).find((h) => h.label === '仓储容量 2 万吨')!.yaw).not.toBe(yawMoved);
    await firm.click('button:has-text("撤销：添加热点")');
    await firm.locator('.hotspot-items button', { hasText: '仓储容量 2 万吨' }).waitFor({ state: 'detached' });
    await firm.locator('button:has-text("撤销：设置起始视角")').waitFor();

    // Deleting the new scene (with confirmation) and undoing it brings it back, under a new id.
    const scene = firm.locator('.scene-item', { hasText: '新建成品仓库' });
    await scene.getByRole('button', { name: '删除' }).click();
    await scene.waitFor({ state: 'detached' });
    await firm.click('button:has-text("撤销：删除场景")');
    await firm.locator('.scene-item', { hasText: '新建成品仓库' }).waitFor();
    const hall = await portalJson<{ scenes: { title: string; titleEn: string | null }[] }>('/hall');
    expect(hall.scenes.at(-1)).toMatchObject({ title: '新建成品仓库', titleEn: 'New warehouse' });
    await visitor.locator('.stage [data-hotspot-id]', { hasText: '仓储容量 2 万吨' }).waitFor({ state: 'detached', timeout: LIVE_TIMEOUT });
  });

  it('places and moves a hotspot without a pointer: arrow keys turn the view, then "at the centre"', async () => {
    const stage = firm.locator('[data-testid=editor-stage] [role=application]');
    await stage.focus();
    for (let i = 0; i < 5; i++) await firm.keyboard.press('ArrowRight');
    await firm.keyboard.press('ArrowUp');
    const centre = await setStartView(firm);
    await firm.getByRole('button', { name: '添加热点', exact: true }).click();
    await firm.getByRole('button', { name: '放在画面中心', exact: true }).click();
    const panel = firm.locator('[data-testid=hotspot-form]');
    await firm.fill('#hs-label', '键盘放置的热点');
    await firm.fill('#hs-target', '不用鼠标也能放置。');
    const saved = await answerTo(firm, 'POST', /\/hall\/scenes\/\d+\/hotspots$/, () => panel.locator('button[type=submit]').click());
    expect(saved.status()).toBe(201);
    const placed = saved.request().postDataJSON() as { yaw: number; pitch: number };
    expect(near(placed, centre)).toBe(true);

    // Selected from the list (the view turns to it), turned away by keys, then moved to the new centre.
    await firm.locator('.hotspot-items button', { hasText: '键盘放置的热点' }).click();
    await stage.focus();
    for (let i = 0; i < 4; i++) await firm.keyboard.press('ArrowLeft');
    const moved = await answerTo(firm, 'PATCH', /\/hall\/hotspots\/\d+$/, () => panel.getByRole('button', { name: '移到画面中心', exact: true }).click());
    expect(moved.status()).toBe(200);
    const movedTo = moved.request().postDataJSON() as { yaw: number; pitch: number };
    expect(near(movedTo, placed)).toBe(false);
    expect(near(movedTo, await setStartView(firm))).toBe(true);
  });

  it('sets where a scene link arrives by looking around in the target scene, and the public hall follows it', async () => {
    const link = firm.locator('.hotspot-items button', { has: firm.locator('.pill', { hasText: '场景跳转' }) }).first();
    await link.click();
    const arrival = firm.locator('[data-testid=arrival-view]');
    expect(await arrival.textContent()).toContain('采用该场景的起始视角');
    const stage = firm.locator('[data-testid=editor-stage] [role=application]');
    const here = await stage.getAttribute('aria-label');
    await arrival.getByRole('button', { name: '在目标场景中选取' }).click();
    await firm.locator('.stage-hint', { hasText: '这是目标场景' }).waitFor();
    // The stage names the room once its panorama is on show.
    await expect.poll(() => stage.getAttribute('aria-label')).not.toBe(here);
    await stage.focus();
    for (let i = 0; i < 6; i++) await firm.keyboard.press('ArrowLeft');
    const patched = await answerTo(firm, 'PATCH', /\/hall\/hotspots\/\d+$/, () => firm.getByRole('button', { name: '使用此视角', exact: true }).click());
    expect(patched.status()).toBe(200);
    const chosen = patched.request().postDataJSON() as { targetYaw: number; targetPitch: number; targetFov: number };
    const { id } = (await patched.json()) as { id: number };
    // Back in the link's own room, the panel tells where the link now arrives.
    await expect.poll(() => stage.getAttribute('aria-label')).toBe(here);
    expect(Math.abs(chosen.targetYaw)).toBeGreaterThan(5);
    await expect.poll(() => arrival.textContent()).toContain(`水平 ${Math.round(chosen.targetYaw)}°`);
    const pub = (await (await fetch(`${baseURL}/api/halls/${SLUG}`)).json()) as { scenes: { hotspots: { id: string; targetView?: unknown }[] }[] };
    const served = pub.scenes.flatMap((x) => x.hotspots).find((x) => x.id === String(id));
    expect(served?.targetView).toEqual({ yaw: chosen.targetYaw, pitch: chosen.targetPitch, fov: chosen.targetFov });
  });

  it("brings a visitor's inquiry into the inbox and exports it as CSV", async () => {
    await visitor.goto(`${baseURL}/products/${productId}`);
    await visitor.fill('#f-name', '孙八');
    await visitor.fill('#f-phone', '13600001234');
    await visitor.fill('#f-message', '想了解 1 吨包装的价格');
    await visitor.check('#f-consent');
    await visitor.waitForTimeout(3100); // the forms' minimum fill time
    await Promise.all([visitor.waitForURL(/\/leads\//), visitor.click('.lead-form button[type=submit]')]);

    await firm.goto(`${baseURL}/portal/leads`);
    await hydrated(firm);
    const row = firm.locator('[data-testid=lead-rows] li', { hasText: '孙八' });
    await row.click();
    const detail = firm.locator('[data-testid=lead-detail]');
    expect(await detail.textContent()).toContain('想了解 1 吨包装的价格');
    await detail.locator('button', { hasText: '已联系' }).click();
    await row.locator('.pill', { hasText: '已联系' }).waitFor();
    await detail.locator('textarea[name=body]').fill('已电话联系，下周寄样');
    await detail.locator('button', { hasText: '添加记录' }).click();
    await detail.locator('.notes li', { hasText: '已电话联系，下周寄样' }).waitFor();

    const [download] = await Promise.all([firm.waitForEvent('download'), firm.click('[data-testid=export-csv]')]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('孙八');
    expect(csv).toContain('13600001234');
    expect(csv).toContain('已联系');
  });

  it('keeps markup in a product name as text in the portal and on the public pages', async () => {
    await firm.goto(`${baseURL}/portal/products`);
    await hydrated(firm);
    await firm.click('button:has-text("新建产品")');
    await firm.click('form button[type=submit]'); // empty name: the API's message shows next to the field
    expect(await firm.locator('#product-name-err').textContent()).toBe('不能为空');
    await firm.fill('#product-name', XSS);
    await firm.fill('#product-price', '');
    await firm.click('form button[type=submit]');
    const rows = firm.locator('[data-testid=listing-rows]');
    await rows.locator('.title', { hasText: XSS }).waitFor();
    expect(await rows.locator('img').count()).toBe(0);

    const list = await portalJson<{ id: number; name: string }[]>('/products');
    const created = list.find((p) => p.name === XSS)!;
    await visitor.goto(`${baseURL}/products/${created.id}`);
    expect(await visitor.locator('h1').textContent()).toBe(XSS);
    // Public pages may be memoised for a few seconds: wait for the hall page to list the new product.
    await expect
      .poll(async () => {
        await visitor.goto(`${baseURL}/halls/${SLUG}`);
        return await visitor.locator('main').textContent();
      }, { timeout: 15_000, interval: 1_000 })
      .toContain(XSS);
    await firm.goto(`${baseURL}/portal`);
    await visitor.waitForTimeout(300);
    expect(dialogs).toEqual([]);
  });

  it('has no serious accessibility problems on the portal pages, in both languages', async () => {
    const found: string[] = [];
    for (const path of ['/portal', '/portal/hall', '/portal/products', '/portal/jobs', '/portal/leads', '/portal/analytics', '/portal/profile', '/portal/data', '/en/portal/data', '/en/portal/account']) {
      await firm.goto(baseURL + path, { waitUntil: 'load' });
      await hydrated(firm);
      await injectAxe(firm);
      const violations = await firm.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (d: Document, o: object) => Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
        return (await axe.run(document, { resultTypes: ['violations'] })).violations;
      });
      for (const v of violations) if (v.impact === 'serious' || v.impact === 'critical') found.push(`${path}: ${v.id}`);
    }
    expect(found).toEqual([]);
  });
});
