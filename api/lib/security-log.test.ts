import { readdirSync, readFileSync } from 'node:fs';
import { generate } from 'otplib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApi } from '../app.ts';
import { sentMailDir } from '../mail/index.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, type TestContext } from '../testing.ts';
import { setSecuritySink } from './security-log.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
let lines: string[];
let restoreSink: ReturnType<typeof setSecuritySink>;
beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
  lines = [];
  restoreSink = setSecuritySink((line) => lines.push(line));
});
afterEach(async () => {
  setSecuritySink(restoreSink);
  vi.restoreAllMocks();
  await ctx.cleanup();
});

const PASSWORD = 'correct horse battery';

describe('security log', () => {
  it('records sign-in, throttling, reset and 2FA events without a password, token, code, session id or link in any line', async () => {
    // Everything printed anywhere during the run counts, not only the security sink.
    const printed: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(' ')));
    }
    const firm = await makeEnterprise(ctx.db);
    await makeUser(ctx.db, { email: 'li@example.org', enterpriseId: firm.id });
    const secrets: string[] = [PASSWORD];
    const browser = apiClient(api);

    for (let i = 0; i < 6; i++) {
      secrets.push(`wrong-guess-${i}`);
      await apiClient(api).call('POST', '/auth/login', { email: 'li@example.org', password: `wrong-guess-${i}` });
    }
    await browser.call('POST', '/auth/password-reset', { email: 'li@example.org' });
    await ctx.mail.drain();
    const mailFile = readdirSync(sentMailDir(ctx.config))[0]!;
    const link = /https?:\/\/\S+/.exec(JSON.parse(readFileSync(`${sentMailDir(ctx.config)}/${mailFile}`, 'utf8')).text)![0];
    const resetToken = link.split('/').at(-1)!;
    secrets.push(link, resetToken, 'fresh-start-2026');
    await browser.call('POST', `/auth/password-reset/${resetToken}`, { password: 'fresh-start-2026' });
    await browser.call('POST', '/auth/login', { email: 'li@example.org', password: 'fresh-start-2026' });
    secrets.push(browser.cookie.split('=')[1]!, browser.csrf);
    const setup = await browser.call('POST', '/auth/totp/setup');
    const enrolCode = await generate({ secret: setup.json.secret, epoch: Math.floor(Date.now() / 1000) - 30 });
    secrets.push(setup.json.secret, enrolCode);
    const enabled = await browser.call('POST', '/auth/totp/enable', { code: enrolCode });
    secrets.push(...enabled.json.recoveryCodes);
    const second = apiClient(api);
    await second.call('POST', '/auth/login', { email: 'li@example.org', password: 'fresh-start-2026' });
    await second.call('POST', '/auth/login/totp', { code: '123456' });
    await second.call('POST', '/auth/login/totp', { recoveryCode: enabled.json.recoveryCodes[0] });
    secrets.push(second.cookie.split('=')[1]!, '123456');
    await second.call('POST', '/auth/password', { currentPassword: 'wrong-current-1', newPassword: 'another-fresh-2027' });
    secrets.push('wrong-current-1', 'another-fresh-2027');

    const types = lines.map((l) => JSON.parse(l).type);
    for (const type of ['signin_failed', 'signin_throttled', 'password_reset_requested', 'password_reset_completed', 'signin_succeeded', 'totp_enrolled', 'totp_failed', 'recovery_code_used']) {
      expect(types, type).toContain(type);
    }
    for (const line of [...lines, ...printed]) {
      for (const secret of secrets.filter((s) => s.length >= 6)) expect(line).not.toContain(secret);
      expect(line).not.toMatch(/[A-Za-z0-9_-]{43}/); // no 256-bit token of any kind
    }
    // Every line has the one field set.
    for (const line of lines) expect(Object.keys(JSON.parse(line))).toEqual(['at', 'log', 'type', 'userId', 'ip', 'route', 'detail']);
  });

  it('is readable by bureau and admin staff only, filtered by type and paged', async () => {
    const firm = await makeEnterprise(ctx.db);
    await makeUser(ctx.db, { email: 'li@example.org', enterpriseId: firm.id });
    await makeUser(ctx.db, { email: 'county@example.org', role: 'county', demo: true });
    await makeUser(ctx.db, { email: 'staff@bureau.example', role: 'bureau', demo: true });
    ctx.config.demo = true;
    for (let i = 0; i < 3; i++) await apiClient(api).call('POST', '/auth/login', { email: 'li@example.org', password: `wrong-${i}` });

    expect((await apiClient(api).call('GET', '/admin/security-events')).status).toBe(401);
    for (const email of ['li@example.org', 'county@example.org']) {
      const other = apiClient(api);
      await other.call('POST', '/auth/login', { email, password: PASSWORD });
      expect((await other.call('GET', '/admin/security-events')).status, email).toBe(403);
    }
    const staff = apiClient(api);
    await staff.call('POST', '/auth/login', { email: 'staff@bureau.example', password: PASSWORD });
    const failed = await staff.call('GET', '/admin/security-events?type=signin_failed');
    expect(failed.status).toBe(200);
    expect(failed.json.total).toBe(3);
    expect(failed.json.events.every((e: { type: string; route: string }) => e.type === 'signin_failed' && e.route === 'POST /auth/login')).toBe(true);
    expect((await staff.call('GET', '/admin/security-events?page=2')).json.events).toEqual([]);
    expect((await staff.call('GET', '/admin/security-events?type=DROP%20TABLE')).status).toBe(400);
  });
});
