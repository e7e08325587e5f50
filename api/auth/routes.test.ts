import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../app.ts';
import { createInvitation } from './invitations.ts';
import { auditLog, sessions } from '../db/schema/index.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, type TestContext } from '../testing.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterEach(() => ctx.cleanup());

describe('invitations', () => {
  it('turn into an account of that enterprise, once, and sign the person in', async () => {
    const firm = await makeEnterprise(ctx.db, { name: '阳谷富海电缆集团有限公司' });
    const { token } = await createInvitation(ctx.db, { role: 'enterprise', enterpriseId: firm.id });
    const browser = apiClient(api);
    const info = await browser.call('GET', `/auth/invitations/${token}`);
    expect(info.json).toMatchObject({ role: 'enterprise', enterpriseName: '阳谷富海电缆集团有限公司' });

    const accepted = await browser.call('POST', `/auth/invitations/${token}/accept`, {
      email: 'Wang@Fuhai.example',
      displayName: '王经理',
      password: 'cable-2026-secure',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.json.user).toMatchObject({ email: 'wang@fuhai.example', role: 'enterprise', enterpriseId: firm.id });
    expect((await browser.call('GET', '/auth/me')).status).toBe(200);

    const again = await apiClient(api).call('POST', `/auth/invitations/${token}/accept`, { email: 'x@y.org', displayName: 'x', password: 'another-long-pass' });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toContain('该邀请已被使用');
  });

  it('refuse expired tokens and weak passwords', async () => {
    const firm = await makeEnterprise(ctx.db);
    const expired = await createInvitation(ctx.db, { role: 'enterprise', enterpriseId: firm.id }, new Date(Date.now() - 8 * 86_400_000));
    expect((await apiClient(api).call('GET', `/auth/invitations/${expired.token}`)).status).toBe(410);
    const { token } = await createInvitation(ctx.db, { role: 'enterprise', enterpriseId: firm.id });
    const weak = await apiClient(api).call('POST', `/auth/invitations/${token}/accept`, { email: 'a@b.org', displayName: 'A', password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.json.error.message).toContain('密码至少 10 个字符');
  });
});

describe('sign-in', () => {
  it('sets an HttpOnly SameSite session cookie, rotates it at every sign-in and records it', async () => {
    const user = await makeUser(ctx.db, { email: 'li@example.org' });
    const browser = apiClient(api);
    const first = await browser.call('POST', '/auth/login', { email: 'li@example.org', password: 'correct horse battery' });
    expect(first.status).toBe(200);
    const header = first.res.headers.get('Set-Cookie')!;
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    const firstCookie = browser.cookie;
    await browser.call('POST', '/auth/login', { email: 'li@example.org', password: 'correct horse battery' });
    expect(browser.cookie).not.toBe(firstCookie);
    // The old session is gone: a token fixed before sign-in is worthless afterwards.
    const stale = apiClient(api);
    stale.cookie = firstCookie;
    expect((await stale.call('GET', '/auth/me')).status).toBe(401);
    const logins = await ctx.db.select().from(auditLog).where(eq(auditLog.userId, user.id));
    expect(logins.filter((l) => l.action === 'auth.login')).toHaveLength(2);
  });

  it('says the same for an unknown e-mail and a wrong password', async () => {
    await makeUser(ctx.db, { email: 'li@example.org' });
    const unknown = await apiClient(api).call('POST', '/auth/login', { email: 'nobody@example.org', password: 'whatever-pass' });
    const wrong = await apiClient(api).call('POST', '/auth/login', { email: 'li@example.org', password: 'whatever-pass' });
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
  });

  it('throttles one address trying many accounts', async () => {
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await apiClient(api).call('POST', '/auth/login', { email: `u${i}@example.org`, password: 'x-password' })).status;
    expect(last).toBe(429);
  });

  it('refuses demo accounts outside demo mode', async () => {
    await makeUser(ctx.db, { email: 'demo@example.org', demo: true });
    ctx.config.demo = false;
    expect((await apiClient(api).call('POST', '/auth/login', { email: 'demo@example.org', password: 'correct horse battery' })).status).toBe(401);
  });
});

describe('sessions and CSRF', () => {
  it('require the session CSRF token and our own origin for state changes', async () => {
    await makeUser(ctx.db, { email: 'li@example.org' });
    const browser = apiClient(api);
    await browser.call('POST', '/auth/login', { email: 'li@example.org', password: 'correct horse battery' });
    const token = browser.csrf;
    browser.csrf = '';
    const noToken = await browser.call('POST', '/auth/logout-all');
    expect(noToken.status).toBe(403);
    expect(noToken.json.error.code).toBe('csrf_failed');
    browser.csrf = token;
    const foreign = await browser.call('POST', '/auth/logout-all', undefined, { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await browser.call('POST', '/auth/logout-all')).status).toBe(200);
    expect(await ctx.db.select().from(sessions)).toHaveLength(0);
  });

  it('a password change signs out every other device', async () => {
    await makeUser(ctx.db, { email: 'li@example.org' });
    const phone = apiClient(api);
    const laptop = apiClient(api);
    await phone.call('POST', '/auth/login', { email: 'li@example.org', password: 'correct horse battery' });
    await laptop.call('POST', '/auth/login', { email: 'li@example.org', password: 'correct horse battery' });
    const changed = await laptop.call('POST', '/auth/password', { currentPassword: 'correct horse battery', newPassword: 'new-and-long-2026' });
    expect(changed.status).toBe(200);
    expect((await laptop.call('GET', '/auth/me')).status).toBe(200);
    expect((await phone.call('GET', '/auth/me')).status).toBe(401);
    expect((await apiClient(api).call('POST', '/auth/login', { email: 'li@example.org', password: 'new-and-long-2026' })).status).toBe(200);
  });
});

describe('signed-in devices', () => {
  it('are listed for their owner, who can end one of them but not another person’s', async () => {
    await makeUser(ctx.db, { email: 'li@example.org' });
    await makeUser(ctx.db, { email: 'wang@example.org' });
    const phone = apiClient(api);
    const laptop = apiClient(api);
    const stranger = apiClient(api);
    await phone.call('POST', '/auth/login', { email: 'li@example.org', password: 'correct horse battery' }, { 'User-Agent': 'Phone/1.0' });
    await laptop.call('POST', '/auth/login', { email: 'li@example.org', password: 'correct horse battery' }, { 'User-Agent': 'Laptop/2.0' });
    await stranger.call('POST', '/auth/login', { email: 'wang@example.org', password: 'correct horse battery' });

    const listed = await laptop.call('GET', '/auth/sessions');
    expect(listed.json.sessions.map((s: { userAgent: string; current: boolean }) => [s.userAgent, s.current]).sort()).toEqual([
      ['Laptop/2.0', true],
      ['Phone/1.0', false],
    ]);
    const phoneHandle = listed.json.sessions.find((s: { current: boolean }) => !s.current).handle;
    expect(JSON.stringify(listed.json)).not.toContain(phone.cookie.split('=')[1]);
    expect((await stranger.call('POST', `/auth/sessions/${phoneHandle}/revoke`)).status).toBe(404);
    expect((await phone.call('GET', '/auth/me')).status).toBe(200);
    expect((await laptop.call('POST', `/auth/sessions/${phoneHandle}/revoke`)).status).toBe(200);
    expect((await phone.call('GET', '/auth/me')).status).toBe(401);
    expect((await laptop.call('GET', '/auth/me')).status).toBe(200);
  });
});
