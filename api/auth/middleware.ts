import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { securityEvent } from '../lib/security-log.ts';
import { AppError } from '../lib/errors.ts';
import { safeEqual } from '../lib/tokens.ts';
import { readSessionCookie } from './cookies.ts';
import { findSession, type Auth } from './sessions.ts';

const CLIENT_ADDRESS = Symbol.for('astro.clientAddress');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The client's address: the socket's peer, or the first untrusted X-Forwarded-For hop behind `TRUST_PROXY` (api/edge/request-origin.ts). */
export function clientIpOf(request: Request): string {
  const ip = Reflect.get(request, CLIENT_ADDRESS);
  return typeof ip === 'string' ? ip : 'unknown';
}

/** Loads the session from its cookie into `auth` (null when signed out) and the client address into `clientIp`. */
export function sessionMiddleware(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = await findSession(ctx.db, readSessionCookie(c, ctx.config));
    // Demo accounts exist only for demonstrations: outside demo mode they cannot act.
    c.set('auth', auth && auth.user.demo && !ctx.config.demo ? null : auth);
    await next();
  };
}

/**
 * CSRF defence for every state change: the request must come from our own origin (Origin or Sec-Fetch-Site),
 * and when a session cookie signs it, it must also carry that session's token (X-CSRF-Token header).
 */
export function csrfProtection(config: Pick<Config, 'publicUrl'>): MiddlewareHandler<AppEnv> {
  const publicOrigin = new URL(config.publicUrl).origin;
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('Origin');
    const site = c.req.header('Sec-Fetch-Site');
    // Behind a TLS proxy Node sees http://, the browser sends https://: PUBLIC_URL's origin is the one people use.
    const sameOrigin = origin
      ? origin === publicOrigin || origin === new URL(c.req.url).origin
      : site
        ? site === 'same-origin' || site === 'none'
        : true;
    const auth = c.get('auth');
    const tokenOk = !auth || safeEqual(c.req.header('X-CSRF-Token') ?? '', auth.session.csrfToken);
    if (!sameOrigin || !tokenOk) {
      securityEvent({
        type: 'csrf_refused',
        userId: auth?.user.id ?? null,
        ip: c.get('clientIp'),
        route: `${c.req.method} ${c.req.path}`,
        detail: { reason: sameOrigin ? 'token' : 'origin', origin: origin ?? null, site: site ?? null },
      });
      throw csrfError();
    }
    await next();
  };
}

function csrfError(): AppError {
  return new AppError(403, 'csrf_failed', {
    zh: '请求来源校验失败，请刷新页面后重试',
    en: 'Request origin check failed; reload the page and try again',
  });
}

/** The signed-in user, or 401. */
export function requireAuth(c: Context<AppEnv>): Auth {
  const auth = c.get('auth');
  if (!auth) throw new AppError(401, 'unauthenticated', { zh: '请先登录', en: 'Please sign in' });
  return auth;
}

/**
 * The signed-in user when it may act for this enterprise, else 403: enterprise users only for their own firm.
 * (Bureau roles reach every firm; county and expert scopes come with the admin section.)
 */
export function requireEnterpriseAccess(c: Context<AppEnv>, enterpriseId: number): Auth {
  const auth = requireAuth(c);
  const { user } = auth;
  const allowed = user.role === 'enterprise' ? user.enterpriseId === enterpriseId : user.role === 'bureau' || user.role === 'admin';
  if (!allowed) {
    securityEvent({ type: 'access_refused', userId: user.id, ip: c.get('clientIp'), route: `${c.req.method} ${c.req.path}`, detail: { enterpriseId } });
    throw new AppError(403, 'forbidden', { zh: '无权访问该企业的数据', en: "You may not access this enterprise's data" });
  }
  return auth;
}
