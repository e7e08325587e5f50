import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from './audit.ts';
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from './cookies.ts';
import { acceptInvitation, openInvitation } from './invitations.ts';
import { signIn } from './login.ts';
import { requireAuth } from './middleware.ts';
import { hashPassword, newPassword, verifyPassword } from './passwords.ts';
import { createSession, revokeAllSessions, revokeSession, type Auth } from './sessions.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { users } from '../db/schema/index.ts';
import { AppError } from '../lib/errors.ts';
import { enforceRateLimit, RateLimiter } from '../lib/rate-limit.ts';
import { sha256 } from '../lib/tokens.ts';
import { validate } from '../lib/validate.ts';

const credentials = z.object({ email: z.string().trim().email().max(200), password: z.string().min(1).max(200) });
const acceptBody = z.object({
  email: z.string().trim().email().max(200),
  displayName: z.string().trim().min(1).max(60),
  password: newPassword,
});
const passwordChange = z.object({ currentPassword: z.string().min(1).max(200), newPassword });
const tokenParam = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

function me(auth: Auth) {
  const { user, session } = auth;
  return {
    user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role, enterpriseId: user.enterpriseId, demo: user.demo },
    csrfToken: session.csrfToken,
  };
}

/** Sign-in, invitations, sessions and passwords. */
export function authRoutes(ctx: AppContext) {
  // Per address: enough for a person who mistypes, too few for guessing.
  const loginLimiter = new RateLimiter({ max: 20, windowMs: 10 * 60_000 });
  const inviteLimiter = new RateLimiter({ max: 30, windowMs: 10 * 60_000 });

  return new Hono<AppEnv>()
    .get('/me', (c) => c.json(me(requireAuth(c))))
    .post('/login', validate('json', credentials), async (c) => {
      enforceRateLimit(loginLimiter, c.get('clientIp'));
      const { email, password } = c.req.valid('json');
      const user = await signIn(ctx.db, ctx.config, email, password);
      // A new session id at every sign-in: a token planted before sign-in (session fixation) is worthless.
      const old = readSessionCookie(c, ctx.config);
      if (old) await revokeSession(ctx.db, sha256(old));
      const { token, session } = await createSession(ctx.db, user.id, c.req.header('User-Agent'));
      writeSessionCookie(c, ctx.config, token);
      await audit(ctx.db, { userId: user.id, enterpriseId: user.enterpriseId, action: 'auth.login', ip: c.get('clientIp') });
      return c.json(me({ user, session }));
    })
    .post('/logout', async (c) => {
      const auth = c.get('auth');
      if (auth) await revokeSession(ctx.db, auth.session.id);
      clearSessionCookie(c, ctx.config);
      return c.json({ ok: true });
    })
    .post('/logout-all', async (c) => {
      const { user } = requireAuth(c);
      await revokeAllSessions(ctx.db, user.id);
      clearSessionCookie(c, ctx.config);
      await audit(ctx.db, { userId: user.id, enterpriseId: user.enterpriseId, action: 'auth.logout_all', ip: c.get('clientIp') });
      return c.json({ ok: true });
    })
    .post('/password', validate('json', passwordChange), async (c) => {
      const { user } = requireAuth(c);
      const body = c.req.valid('json');
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, body.currentPassword))) {
        throw new AppError(400, 'wrong_password', { zh: '当前密码不正确', en: 'The current password is wrong' });
      }
      await ctx.db.update(users).set({ passwordHash: await hashPassword(body.newPassword) }).where(eq(users.id, user.id));
      // Every other device is signed out; this one gets a fresh session.
      await revokeAllSessions(ctx.db, user.id);
      const { token, session } = await createSession(ctx.db, user.id, c.req.header('User-Agent'));
      writeSessionCookie(c, ctx.config, token);
      await audit(ctx.db, { userId: user.id, enterpriseId: user.enterpriseId, action: 'auth.password_change', ip: c.get('clientIp') });
      return c.json(me({ user, session }));
    })
    .get('/invitations/:token', validate('param', tokenParam), async (c) => {
      enforceRateLimit(inviteLimiter, c.get('clientIp'));
      const { invitation, enterpriseName } = await openInvitation(ctx.db, c.req.valid('param').token);
      return c.json({ role: invitation.role, enterpriseName, email: invitation.email, expiresAt: invitation.expiresAt });
    })
    .post('/invitations/:token/accept', validate('param', tokenParam), validate('json', acceptBody), async (c) => {
      enforceRateLimit(inviteLimiter, c.get('clientIp'));
      const user = await ctx.db.transaction((tx) => acceptInvitation(tx, c.req.valid('param').token, c.req.valid('json')));
      const { token, session } = await createSession(ctx.db, user.id, c.req.header('User-Agent'));
      writeSessionCookie(c, ctx.config, token);
      await audit(ctx.db, { userId: user.id, enterpriseId: user.enterpriseId, action: 'auth.invitation_accepted', ip: c.get('clientIp') });
      return c.json(me({ user, session }), 201);
    });
}
