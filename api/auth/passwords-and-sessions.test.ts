import { readdirSync, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../app.ts';
import { accountTokens, auditLog, sessions } from '../db/schema/index.ts';
import { sentMailDir } from '../mail/index.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, type TestContext } from '../testing.ts';
import { createInvitation } from './invitations.ts';
import { COMMON_PASSWORD_COUNT, passwordProblem } from './password-policy.ts';
import { SESSION_LIMITS } from './sessions.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterEach(() => ctx.cleanup());

const PASSWORD = 'correct horse battery';

/** The link in the newest mail of a kind the outbox sent. */
async function mailedLink(kind: string): Promise<{ to: string; token: string; text: string }> {
  await ctx.mail.drain();
  const file = readdirSync(sentMailDir(ctx.config)).filter((f) => f.endsWith(`-${kind}.json`)).sort().at(-1)!;
  const mail = JSON.parse(readFileSync(`${sentMailDir(ctx.config)}/${file}`, 'utf8'));
  return { to: mail.to, text: mail.text, token: /\/portal\/(?:reset|unlock)\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]! };
}

describe('new passwords', () => {
  it('are checked against a list of at least 10,000 common passwords', () => {
    expect(COMMON_PASSWORD_COUNT).toBeGreaterThanOrEqual(10_000);
    for (const p of ['1234567890', 'password12', 'qwertyuiop', 'iloveyou123']) expect(passwordProblem(p), p).not.toBeNull();
  });

  it('refuse common ones and the platform, firm and e-mail names, wherever a password is set', async () => {
    const firm = await makeEnterprise(ctx.db, { name: '阳谷富海电缆集团有限公司', slug: 'fuhai-cable' });
    const { token } = await createInvitation(ctx.db, { role: 'enterprise', enterpriseId: firm.id });
    for (const password of ['1234567890', 'password12', 'Password123!', 'qianqi-2026-portal', '千企展馆密码2026', 'fuhai-cable-2026', 'wangjun-2026-pass']) {
      const r = await apiClient(api).call('POST', `/auth/invitations/${token}/accept`, { email: 'wangjun@fuhai.example', displayName: '王', password });
      expect(r.status, password).toBe(400);
      expect(r.json.error.details[0].path).toBe('password');
    }
    const ok = await apiClient(api).call('POST', `/auth/invitations/${token}/accept`, { email: 'wangjun@fuhai.example', displayName: '王', password: 'cable-2026-secure' });
    expect(ok.status).toBe(201);

    await makeUser(ctx.db, { email: 'li@example.org', enterpriseId: firm.id });
    const li = apiClient(api);
    await li.call('POST', '/auth/login', { email: 'li@example.org', password: PASSWORD });
    const common = await li.call('POST', '/auth/password', { currentPassword: PASSWORD, newPassword: 'qwertyuiop' });
    expect(common.status).toBe(400);
    expect(common.json.error.message).toContain('过于常见');
  });
});

describe('password reset', () => {
  it('mails a short-lived single-use link (hashed at rest) that sets the password and signs out every session', async () => {
    await makeUser(ctx.db, { email: 'li@example.org' });
    const phone = apiClient(api);
    await phone.call('POST', '/auth/login', { email: 'li@example.org', password: PASSWORD });

    const asked = await apiClient(api).call('POST', '/auth/password-reset', { email: 'Li@Example.org' });
    const unknown = await apiClient(api).call('POST', '/auth/password-reset', { email: 'nobody@example.org' });
    expect(asked.status).toBe(202);
    expect(unknown.json).toEqual(asked.json);
    const { to, token } = await mailedLink('password_reset');
    expect(to).toBe('li@example.org');
    const [row] = await ctx.db.select().from(accountTokens);
    expect(row!.tokenHash).not.toContain(token);
    expect(row!.expiresAt.getTime() - row!.createdAt.getTime()).toBeLessThanOrEqual(60 * 60_000);

    expect((await apiClient(api).call('POST', `/auth/password-reset/${token}`, { password: '1234567890' })).status).toBe(400);
    const reset = await apiClient(api).call('POST', `/auth/password-reset/${token}`, { password: 'fresh-start-2026' });
    expect(reset.status).toBe(200);
    expect((await phone.call('GET', '/auth/me')).status).toBe(401);
    expect(await ctx.db.select().from(sessions)).toHaveLength(0);
    const reused = await apiClient(api).call('POST', `/auth/password-reset/${token}`, { password: 'second-try-2026' });
    expect(reused.status).toBe(410);
    expect((await apiClient(api).call('POST', '/auth/login', { email: 'li@example.org', password: 'fresh-start-2026' })).status).toBe(200);
  });

  it('refuses an expired link', async () => {
    await makeUser(ctx.db, { email: 'li@example.org' });
    await apiClient(api).call('POST', '/auth/password-reset', { email: 'li@example.org' });
    const { token } = await mailedLink('password_reset');
    await ctx.db.update(accountTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await apiClient(api).call('POST', `/auth/password-reset/${token}`, { password: 'fresh-start-2026' })).status).toBe(410);
  });
});

describe('session lifetime', () => {
  it('ends a firm session 30 days after sign-in however active it was', async () => {
    await makeUser(ctx.db, { email: 'li@example.org' });
    const browser = apiClient(api);
    await browser.call('POST', '/auth/login', { email: 'li@example.org', password: PASSWORD });
    const now = Date.now();
    // Used every day: the idle limit never hit, the absolute one has passed.
    await ctx.db.update(sessions).set({ createdAt: new Date(now - SESSION_LIMITS.firm.absoluteMs - 60_000), lastSeenAt: new Date(now - 3_600_000), expiresAt: new Date(now + 86_400_000) });
    expect((await browser.call('GET', '/auth/me')).status).toBe(401);
  });

  it('ends a staff session after 12 hours, and any session after its idle limit', async () => {
    await makeUser(ctx.db, { email: 'staff@bureau.example', role: 'bureau', demo: true });
    await makeUser(ctx.db, { email: 'li@example.org' });
    ctx.config.demo = true;
    const staff = apiClient(api);
    const firm = apiClient(api);
    await staff.call('POST', '/auth/login', { email: 'staff@bureau.example', password: PASSWORD });
    await firm.call('POST', '/auth/login', { email: 'li@example.org', password: PASSWORD });
    const now = Date.now();
    const thirteenHours = new Date(now - 13 * 3_600_000);
    await ctx.db.update(sessions).set({ createdAt: thirteenHours, lastSeenAt: new Date(now - 60_000), expiresAt: new Date(now + 86_400_000) });
    expect((await staff.call('GET', '/auth/me')).status).toBe(401);
    expect((await firm.call('GET', '/auth/me')).status).toBe(200);
    await ctx.db.update(sessions).set({ lastSeenAt: new Date(now - SESSION_LIMITS.firm.idleMs - 60_000) });
    expect((await firm.call('GET', '/auth/me')).status).toBe(401);
  });
});

describe('invitations accepted at the same time', () => {
  it('give one account and a clear 409 to the others, never a 500', async () => {
    const firm = await makeEnterprise(ctx.db);
    const { token } = await createInvitation(ctx.db, { role: 'enterprise', enterpriseId: firm.id });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        apiClient(api).call('POST', `/auth/invitations/${token}/accept`, { email: `person${i}@firm.example`, displayName: `P${i}`, password: `cable-2026-secure-${i}` }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) expect(['invitation_used', 'invitation_conflict']).toContain(r.json.error.code);
  });

  it('answer 409, not 500, while another request holds the database write lock', async () => {
    const firm = await makeEnterprise(ctx.db);
    const { token } = await createInvitation(ctx.db, { role: 'enterprise', enterpriseId: firm.id });
    let release!: () => void;
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    const writer = ctx.db.transaction(async (tx) => {
      await tx.insert(auditLog).values({ userId: null, action: 'test.hold_write_lock' });
      holding();
      await new Promise<void>((r) => (release = r));
    });
    await held;
    const r = await apiClient(api).call('POST', `/auth/invitations/${token}/accept`, { email: 'a@firm.example', displayName: 'A', password: 'cable-2026-secure' });
    release();
    await writer;
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('invitation_conflict');
    // Once the other write is done the same accept goes through.
    expect((await apiClient(api).call('POST', `/auth/invitations/${token}/accept`, { email: 'a@firm.example', displayName: 'A', password: 'cable-2026-secure' })).status).toBe(201);
  });
});
