import { and, eq, isNull } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { consumeAccountLink, sendAccountLink } from './account-links.ts';
import { audit } from './audit.ts';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './cookies.ts';
import { acceptInvitationSafely, openInvitation } from './invitations.ts';
import { knownDeviceOf, rememberDevice } from './known-devices.ts';
import { listSessions, revokeSessionByHandle } from './session-list.ts';
import { normalizeEmail, signIn, verifyCurrentPassword } from './login.ts';
import { mfaRequired, requireAuth } from './middleware.ts';
import { assertPasswordAllowed } from './password-policy.ts';
import { hashPassword, newPassword } from './passwords.ts';
import { createSession, revokeAllSessions, revokeSession, sessionLimits, type Auth } from './sessions.ts';
import { ACCOUNT_POLICY, accountKey, assertNotThrottled, clearFailures, IP_POLICY, ipKey, recordFailure } from './throttle.ts';
import { beginTotpEnrolment, confirmTotpEnrolment, disableTotp, verifySecondFactor } from './totp.ts';
import type { AppContext, AppEnv } from '../context.ts';
import type { User } from '../db/schema/index.ts';
import { enterprises, recoveryCodes, users } from '../db/schema/index.ts';
import { AppError } from '../lib/errors.ts';
import { enforceRateLimit, RateLimiter } from '../lib/rate-limit.ts';
import { recordSecurityEvent, type SecurityEventType } from '../lib/security-log.ts';
import { sha256 } from '../lib/tokens.ts';
import { validate } from '../lib/validate.ts';

const email = z.string().trim().email().max(200);
const credentials = z.object({ email, password: z.string().min(1).max(200) });
const acceptBody = z.object({ email, displayName: z.string().trim().min(1).max(60), password: newPassword });
const passwordChange = z.object({ currentPassword: z.string().min(1).max(200), newPassword });
const tokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
const linkRequest = z.object({ email, lang: z.enum(['zh', 'en']).default('zh') });
const resetBody = z.object({ password: newPassword });
const secondFactor = z
  .object({ code: z.string().trim().max(10).optional(), recoveryCode: z.string().trim().max(20).optional() })
  .refine((b) => !!b.code !== !!b.recoveryCode, '请填写验证码或恢复码之一 (give a code or a recovery code)');
const totpCode = z.object({ code: z.string().trim().regex(/^\d{6}$/, '请输入 6 位数字验证码 (enter the 6-digit code)') });
const passwordOnly = z.object({ password: z.string().min(1).max(200) });
const sessionHandle = z.object({ handle: z.string().regex(/^[0-9a-f]{24}$/) });

/** The session owner as the islands see it, with the CSRF token of this session. */
function me(auth: Auth, ctx: AppContext) {
  const { user, session } = auth;
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role, enterpriseId: user.enterpriseId, demo: user.demo },
    totpEnabled: !!user.totpEnabledAt,
    mfaEnrolmentRequired: mfaRequired(user, ctx.config) && !user.totpEnabledAt,
    csrfToken: session.csrfToken,
  };
}

function event(ctx: AppContext, c: Context<AppEnv>, type: SecurityEventType, userId: number | null, detail?: Record<string, string | number | boolean | null>) {
  return recordSecurityEvent(ctx.db, { type, userId, ip: c.get('clientIp'), route: `${c.req.method} ${c.req.routePath}`, detail });
}

async function firmNamesOf(ctx: AppContext, enterpriseId: number | null): Promise<string[]> {
  if (enterpriseId == null) return [];
  const [firm] = await ctx.db.select({ name: enterprises.name, nameEn: enterprises.nameEn, slug: enterprises.slug }).from(enterprises).where(eq(enterprises.id, enterpriseId));
  return firm ? [firm.name, firm.nameEn ?? '', firm.slug] : [];
}

/** Sign-in (with the TOTP step), invitations, sessions, passwords, reset and unlock links, 2FA enrolment. */
export function authRoutes(ctx: AppContext) {
  // Per address, shared by every process: bounds how much mail one address can make us send.
  const linkLimiter = new RateLimiter(ctx.db, 'auth-link', { max: 5, windowMs: 10 * 60_000 }, { max: 20, windowMs: 86_400_000 });
  const inviteLimiter = new RateLimiter(ctx.db, 'auth-invite', { max: 30, windowMs: 10 * 60_000 });

  /** A full session for `user` on this browser: rotated id, cookie, known device, audit. */
  async function startSession(c: Context<AppEnv>, user: User) {
    const old = readSessionCookie(c, ctx.config);
    // A new session id at every sign-in: a token planted before sign-in (session fixation) is worthless.
    if (old) await revokeSession(ctx.db, sha256(old));
    const { token, session } = await createSession(ctx.db, user, c.req.header('User-Agent'));
    writeSessionCookie(c, ctx.config, token, sessionLimits(user.role).absoluteMs);
    await rememberDevice(c, ctx.config, ctx.db, user.id);
    await audit(ctx.db, { userId: user.id, enterpriseId: user.enterpriseId, action: 'auth.login', ip: c.get('clientIp') });
    await event(ctx, c, 'signin_succeeded', user.id);
    return { user, session };
  }

  return new Hono<AppEnv>()
    .get('/me', (c) => c.json(me(requireAuth(c, { allowEnrolment: true }), ctx)))
    .post('/login', validate('json', credentials), async (c) => {
      const { email, password } = c.req.valid('json');
      let user: User;
      try {
        user = await signIn(ctx.db, ctx.config, {
          email,
          password,
          ip: c.get('clientIp'),
          knownDevice: (userId) => knownDeviceOf(c, ctx.config, ctx.db, userId),
        });
      } catch (e) {
        if (e instanceof AppError) {
          const [known] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(email)));
          await event(ctx, c, e.status === 429 ? 'signin_throttled' : 'signin_failed', known?.id ?? null, { knownAccount: !!known });
        }
        throw e;
      }
      if (user.totpEnabledAt) {
        // Password right; the session opens nothing but the TOTP step until a code arrives.
        const old = readSessionCookie(c, ctx.config);
        if (old) await revokeSession(ctx.db, sha256(old));
        const { token, session } = await createSession(ctx.db, user, c.req.header('User-Agent'), { mfaPending: true });
        writeSessionCookie(c, ctx.config, token, 5 * 60_000);
        return c.json({ mfaRequired: true, csrfToken: session.csrfToken });
      }
      return c.json(me(await startSession(c, user), ctx));
    })
    .post('/login/totp', validate('json', secondFactor), async (c) => {
      const pending = c.get('pendingAuth');
      if (!pending) throw new AppError(401, 'unauthenticated', { zh: '登录已超时，请重新输入密码', en: 'The sign-in timed out; enter your password again' });
      const { user } = pending;
      const keys = [
        { key: accountKey(user.email), policy: ACCOUNT_POLICY },
        { key: ipKey(c.get('clientIp')), policy: IP_POLICY },
      ];
      await assertNotThrottled(ctx.db, keys.map((k) => k.key));
      let kind: 'totp' | 'recovery_code';
      try {
        kind = await verifySecondFactor(ctx.db, user, c.req.valid('json'));
      } catch (e) {
        await recordFailure(ctx.db, keys);
        await event(ctx, c, 'totp_failed', user.id);
        throw e;
      }
      await clearFailures(ctx.db, [accountKey(user.email)]);
      if (kind === 'recovery_code') await event(ctx, c, 'recovery_code_used', user.id);
      return c.json(me(await startSession(c, user), ctx));
    })
    .post('/logout', async (c) => {
      const auth = c.get('auth') ?? c.get('pendingAuth');
      if (auth) await revokeSession(ctx.db, auth.session.id);
      clearSessionCookie(c, ctx.config);
      return c.json({ ok: true });
    })
    .post('/logout-all', async (c) => {
      const { user } = requireAuth(c, { allowEnrolment: true });
      await revokeAllSessions(ctx.db, user.id);
      clearSessionCookie(c, ctx.config);
      await audit(ctx.db, { userId: user.id, enterpriseId: user.enterpriseId, action: 'auth.logout_all', ip: c.get('clientIp') });
      return c.json({ ok: true });
    })
    .get('/sessions', async (c) => {
      const { user, session } = requireAuth(c, { allowEnrolment: true });
      return c.json({ sessions: await listSessions(ctx.db, user.id, session.id) });
    })
    .post('/sessions/:handle/revoke', validate('param', sessionHandle), async (c) => {
      const { user } = requireAuth(c, { allowEnrolment: true });
      if (!(await revokeSessionByHandle(ctx.db, user.id, c.req.valid('param').handle))) {
        throw new AppError(404, 'not_found', { zh: '找不到该登录设备', en: 'No such signed-in device' });
      }
      await audit(ctx.db, { userId: user.id, enterpriseId: user.enterpriseId, action: 'auth.session_revoked', ip: c.get('clientIp') });
      return c.json({ ok: true });
    })
    .post('/password', validate('json', passwordChange), async (c) => {
      const { user } = requireAuth(c);
      const body = c.req.valid('json');
      await verifyCurrentPassword(ctx.db, user, body.currentPassword, c.get('clientIp')).catch(async (e: unknown) => {
        await event(ctx, c, e instanceof AppError && e.status === 429 ? 'signin_throttled' : 'signin_failed', user.id, { step: 'password_change' });
        throw e;
      });
      assertPasswordAllowed(body.newPassword, { email: user.email, firmNames: await firmNamesOf(ctx, user.enterpriseId) }, 'newPassword');
      await ctx.db.update(users).set({ passwordHash: await hashPassword(body.newPassword) }).where(eq(users.id, user.id));
      // Every other device is signed out; this one gets a fresh session.
      await revokeAllSessions(ctx.db, user.id);
      const { token, session } = await createSession(ctx.db, user, c.req.header('User-Agent'));
      writeSessionCookie(c, ctx.config, token, sessionLimits(user.role).absoluteMs);
      await audit(ctx.db, { userId: user.id, enterpriseId: user.enterpriseId, action: 'auth.password_change', ip: c.get('clientIp') });
      await event(ctx, c, 'password_changed', user.id);
      return c.json(me({ user, session }, ctx));
    })
    .post('/password-reset', validate('json', linkRequest), async (c) => {
      await enforceRateLimit(linkLimiter, c.get('clientIp'));
      const body = c.req.valid('json');
      const userId = await sendAccountLink(ctx.db, ctx.config, 'password_reset', body.email, body.lang);
      await event(ctx, c, 'password_reset_requested', userId, { knownAccount: userId != null });
      // The same answer whether or not the account exists.
      return c.json({ ok: true }, 202);
    })
    .post('/password-reset/:token', validate('param', tokenParam), validate('json', resetBody), async (c) => {
      await enforceRateLimit(inviteLimiter, c.get('clientIp'));
      const { token } = c.req.valid('param');
      const { password } = c.req.valid('json');
      const user = await ctx.db.transaction(async (tx) => {
        const owner = await consumeAccountLink(tx, 'password_reset', token);
        assertPasswordAllowed(password, { email: owner.email, firmNames: await firmNamesOf(ctx, owner.enterpriseId) });
        await tx.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, owner.id));
        await revokeAllSessions(tx, owner.id);
        await clearFailures(tx, [accountKey(owner.email)]);
        await audit(tx, { userId: owner.id, enterpriseId: owner.enterpriseId, action: 'auth.password_reset', ip: c.get('clientIp') });
        return owner;
      });
      await event(ctx, c, 'password_reset_completed', user.id);
      return c.json({ ok: true });
    })
    .post('/unlock', validate('json', linkRequest), async (c) => {
      await enforceRateLimit(linkLimiter, c.get('clientIp'));
      const body = c.req.valid('json');
      const userId = await sendAccountLink(ctx.db, ctx.config, 'account_unlock', body.email, body.lang);
      await event(ctx, c, 'account_unlock_requested', userId, { knownAccount: userId != null });
      return c.json({ ok: true }, 202);
    })
    .post('/unlock/:token', validate('param', tokenParam), async (c) => {
      await enforceRateLimit(inviteLimiter, c.get('clientIp'));
      const user = await consumeAccountLink(ctx.db, 'account_unlock', c.req.valid('param').token);
      await clearFailures(ctx.db, [accountKey(user.email)]);
      await event(ctx, c, 'account_unlocked', user.id);
      return c.json({ ok: true });
    })
    .get('/totp', async (c) => {
      const { user } = requireAuth(c, { allowEnrolment: true });
      const left = await ctx.db
        .select({ id: recoveryCodes.id })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
      return c.json({ enabled: !!user.totpEnabledAt, required: mfaRequired(user, ctx.config), recoveryCodesLeft: left.length });
    })
    .post('/totp/setup', async (c) => {
      const { user } = requireAuth(c, { allowEnrolment: true });
      return c.json(await beginTotpEnrolment(ctx.db, user));
    })
    .post('/totp/enable', validate('json', totpCode), async (c) => {
      const { user } = requireAuth(c, { allowEnrolment: true });
      const codes = await confirmTotpEnrolment(ctx.db, user, c.req.valid('json').code);
      await event(ctx, c, 'totp_enrolled', user.id);
      await audit(ctx.db, { userId: user.id, enterpriseId: user.enterpriseId, action: 'auth.totp_enabled', ip: c.get('clientIp') });
      // Other sessions signed in with the password alone are closed; this one continues as a fresh session.
      await revokeAllSessions(ctx.db, user.id);
      const fresh = { ...user, totpEnabledAt: new Date() };
      const { token, session } = await createSession(ctx.db, fresh, c.req.header('User-Agent'));
      writeSessionCookie(c, ctx.config, token, sessionLimits(user.role).absoluteMs);
      return c.json({ ...me({ user: fresh, session }, ctx), recoveryCodes: codes });
    })
    .post('/totp/disable', validate('json', passwordOnly), async (c) => {
      const { user } = requireAuth(c);
      if (mfaRequired(user, ctx.config)) {
        throw new AppError(403, 'totp_required', { zh: '工作人员账号必须保留两步验证', en: 'Staff accounts must keep two-step verification' });
      }
      await verifyCurrentPassword(ctx.db, user, c.req.valid('json').password, c.get('clientIp'));
      await disableTotp(ctx.db, user.id);
      await event(ctx, c, 'totp_disabled', user.id);
      await audit(ctx.db, { userId: user.id, enterpriseId: user.enterpriseId, action: 'auth.totp_disabled', ip: c.get('clientIp') });
      return c.json({ ok: true });
    })
    .get('/invitations/:token', validate('param', tokenParam), async (c) => {
      await enforceRateLimit(inviteLimiter, c.get('clientIp'));
      const { invitation, enterpriseName } = await openInvitation(ctx.db, c.req.valid('param').token);
      return c.json({ role: invitation.role, enterpriseName, email: invitation.email, expiresAt: invitation.expiresAt });
    })
    .post('/invitations/:token/accept', validate('param', tokenParam), validate('json', acceptBody), async (c) => {
      await enforceRateLimit(inviteLimiter, c.get('clientIp'));
      const { token } = c.req.valid('param');
      const body = c.req.valid('json');
      const { invitation } = await openInvitation(ctx.db, token);
      assertPasswordAllowed(body.password, { email: body.email, firmNames: await firmNamesOf(ctx, invitation.enterpriseId) });
      const user = await acceptInvitationSafely(ctx.db, token, body);
      const { token: sessionToken, session } = await createSession(ctx.db, user, c.req.header('User-Agent'));
      writeSessionCookie(c, ctx.config, sessionToken, sessionLimits(user.role).absoluteMs);
      await rememberDevice(c, ctx.config, ctx.db, user.id);
      await audit(ctx.db, { userId: user.id, enterpriseId: user.enterpriseId, action: 'auth.invitation_accepted', ip: c.get('clientIp') });
      return c.json(me({ user, session }, ctx), 201);
    });
}
