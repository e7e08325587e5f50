import { generate } from 'otplib';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApi } from '../app.ts';
import { recoveryCodes, users } from '../db/schema/index.ts';
import { apiClient, createTestContext, makeEnterprise, makeUser, type TestContext } from '../testing.ts';

let ctx: TestContext;
let api: ReturnType<typeof createApi>;
beforeEach(async () => {
  ctx = await createTestContext();
  api = createApi(ctx);
});
afterEach(() => ctx.cleanup());

const PASSWORD = 'correct horse battery';
const codeFor = (secret: string, offsetSteps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

/** Signs in and enrols TOTP through the API; returns the client, the secret and the recovery codes. */
async function enrol(email: string) {
  const browser = apiClient(api);
  await browser.call('POST', '/auth/login', { email, password: PASSWORD });
  const setup = await browser.call('POST', '/auth/totp/setup');
  expect(setup.status).toBe(200);
  expect(setup.json.qrSvgDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
  expect(setup.json.uri).toMatch(/^otpauth:\/\/totp\//);
  const secret: string = setup.json.secret;
  // The previous step's code: the next sign-in's code (the current step) is then still unused.
  const enabled = await browser.call('POST', '/auth/totp/enable', { code: await codeFor(secret, -1) });
  expect(enabled.status).toBe(200);
  return { browser, secret, recoveryCodes: enabled.json.recoveryCodes as string[] };
}

describe('two-step verification (TOTP)', () => {
  it('is required for staff: a bureau user without it gets a session that can only enrol', async () => {
    await makeUser(ctx.db, { email: 'staff@bureau.example', role: 'bureau' });
    const browser = apiClient(api);
    const signedIn = await browser.call('POST', '/auth/login', { email: 'staff@bureau.example', password: PASSWORD });
    expect(signedIn.status).toBe(200);
    expect(signedIn.json.mfaEnrolmentRequired).toBe(true);
    const blocked = await browser.call('GET', '/admin/security-events');
    expect(blocked.status).toBe(403);
    expect(blocked.json.error.code).toBe('totp_enrolment_required');
    expect((await browser.call('POST', '/auth/password', { currentPassword: PASSWORD, newPassword: 'another-staff-pass-9' })).status).toBe(403);

    const setup = await browser.call('POST', '/auth/totp/setup');
    const enabled = await browser.call('POST', '/auth/totp/enable', { code: await codeFor(setup.json.secret) });
    expect(enabled.status).toBe(200);
    expect(enabled.json.recoveryCodes).toHaveLength(10);
    expect((await browser.call('GET', '/admin/security-events')).status).toBe(200);
    // Staff may not switch it off again.
    expect((await browser.call('POST', '/auth/totp/disable', { password: PASSWORD })).status).toBe(403);
  });

  it('asks for a code after the password; the session opens nothing before it, and a code works once', async () => {
    await makeUser(ctx.db, { email: 'staff@bureau.example', role: 'bureau' });
    const { secret } = await enrol('staff@bureau.example');

    const browser = apiClient(api);
    const first = await browser.call('POST', '/auth/login', { email: 'staff@bureau.example', password: PASSWORD });
    expect(first.json).toMatchObject({ mfaRequired: true });
    expect(first.json.user).toBeUndefined();
    expect((await browser.call('GET', '/auth/me')).status).toBe(401);
    expect((await browser.call('GET', '/admin/security-events')).status).toBe(401);
    expect((await browser.call('POST', '/auth/login/totp', { code: '000000' })).status).toBe(400);
    const code = await codeFor(secret);
    const second = await browser.call('POST', '/auth/login/totp', { code });
    expect(second.status).toBe(200);
    expect((await browser.call('GET', '/admin/security-events')).status).toBe(200);

    // Replaying the same code in another sign-in is refused.
    const replay = apiClient(api);
    await replay.call('POST', '/auth/login', { email: 'staff@bureau.example', password: PASSWORD });
    expect((await replay.call('POST', '/auth/login/totp', { code })).status).toBe(400);
  });

  it('accepts each recovery code once, stored hashed', async () => {
    const firm = await makeEnterprise(ctx.db);
    const user = await makeUser(ctx.db, { email: 'li@example.org', enterpriseId: firm.id });
    const { recoveryCodes: codes } = await enrol('li@example.org');
    const stored = await ctx.db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored).toHaveLength(10);
    expect(stored.some((r) => codes.includes(r.codeHash))).toBe(false);

    const phone = apiClient(api);
    await phone.call('POST', '/auth/login', { email: 'li@example.org', password: PASSWORD });
    expect((await phone.call('POST', '/auth/login/totp', { recoveryCode: codes[0] })).status).toBe(200);
    const again = apiClient(api);
    await again.call('POST', '/auth/login', { email: 'li@example.org', password: PASSWORD });
    expect((await again.call('POST', '/auth/login/totp', { recoveryCode: codes[0] })).status).toBe(400);
    expect((await again.call('POST', '/auth/login/totp', { recoveryCode: codes[1]!.toUpperCase() })).status).toBe(200);
  });

  it('is optional for firm users, who may switch it off with their password', async () => {
    const firm = await makeEnterprise(ctx.db);
    await makeUser(ctx.db, { email: 'li@example.org', enterpriseId: firm.id });
    const plain = apiClient(api);
    const signedIn = await plain.call('POST', '/auth/login', { email: 'li@example.org', password: PASSWORD });
    expect(signedIn.json.mfaEnrolmentRequired).toBe(false);
    expect((await plain.call('GET', `/portal/enterprises/${firm.id}/hall`)).status).not.toBe(403);

    const { browser } = await enrol('li@example.org');
    expect((await browser.call('POST', '/auth/totp/disable', { password: 'wrong-password-1' })).status).toBe(400);
    expect((await browser.call('POST', '/auth/totp/disable', { password: PASSWORD })).status).toBe(200);
    const [row] = await ctx.db.select().from(users).where(eq(users.email, 'li@example.org'));
    expect(row!.totpSecret).toBeNull();
    expect((await apiClient(api).call('POST', '/auth/login', { email: 'li@example.org', password: PASSWORD })).json.user).toBeDefined();
  });

  it('spares demo staff accounts in demo mode, so demonstrations keep a one-step sign-in', async () => {
    await makeUser(ctx.db, { email: 'demo-staff@demo.qianqi.example', role: 'bureau', demo: true });
    ctx.config.demo = true;
    const browser = apiClient(api);
    const signedIn = await browser.call('POST', '/auth/login', { email: 'demo-staff@demo.qianqi.example', password: PASSWORD });
    expect(signedIn.json.mfaEnrolmentRequired).toBe(false);
    expect((await browser.call('GET', '/admin/security-events')).status).toBe(200);
  });
});
