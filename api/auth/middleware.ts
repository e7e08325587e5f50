import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { securityEvent } from '../lib/security-log.ts';
import { AppError } from '../lib/errors.ts';
import { safeEqual } from '../lib/tokens.ts';
import { readSessionCookie } from './cookies.ts';
import type { Role } from '../db/schema/index.ts';
import { findSession, type Auth } from './sessions.ts';

const CLIENT_ADDRESS = Symbol.for('astro.clientAddress');
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The client's address: the socket's peer, or the first untrusted X-Forwarded-For hop behind `TRUST_PROXY` (api/edge/request-origin.ts). */
export function clientIpOf(request: Request): string {
  const ip = Reflect.get(request, CLIENT_ADDRESS);
  return typeof ip === 'string' ? ip : 'unknown';
}

/** Roles that must sign in with a second factor (issue 14: county, bureau and admin staff). */
export const MFA_REQUIRED_ROLES: ReadonlySet<Role> = new Set(['county', 'bureau', 'admin']);

/**
 * Staff with reach over many firms must have a second factor (OWASP ASVS 5.0 V6.3.3); firm users (and, for now,
 * experts) may choose it. Demo accounts in demo mode are exempt, so the demonstration keeps its one-step sign-in.
 */
export function mfaRequired(user: Auth['user'], config: Pick<Config, 'demo'>): boolean {
  return MFA_REQUIRED_ROLES.has(user.role) && !(user.demo && config.demo);
}

/** What a session cookie amounts to: a full sign-in, one waiting for its TOTP code, or nothing. Shared with pages. */
export async function resolveSession(ctx: Pick<AppContext, 'db' | 'config'>, token: string | undefined) {
  const found = await findSession(ctx.db, token);
  // Demo accounts exist only for demonstrations: outside demo mode they cannot act.
  const session = found && found.user.demo && !ctx.config.demo ? null : found;
  const pending = session?.session.mfaPending ?? false;
  return {
    auth: session && !pending ? session : null,
    pendingAuth: session && pending ? session : null,
    mfaEnrolmentRequired: !!session && !pending && mfaRequired(session.user, ctx.config) && !session.user.totpEnabledAt,
  };
}

/** Loads the session from its cookie into `auth` / `pendingAuth` (the client address is settled before, in app.ts). */
export function sessionMiddleware(ctx: AppContext): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const state = await resolveSession(ctx, readSessionCookie(c, ctx.config));
    c.set('auth', state.auth);
    c.set('pendingAuth', state.pendingAuth);
    c.set('mfaEnrolmentRequired', state.mfaEnrolmentRequired);
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
    const auth = c.get('auth') ?? c.get('pendingAuth');
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

/**
 * The signed-in user, or 401. A staff user without a second factor gets 403 `totp_enrolment_required` everywhere
 * except the routes that pass `allowEnrolment` (who am I, TOTP enrolment, sign-out).
 */
export function requireAuth(c: Context<AppEnv>, options: { allowEnrolment?: boolean } = {}): Auth {
  const auth = c.get('auth');
  if (!auth) throw new AppError(401, 'unauthenticated', { zh: '请先登录', en: 'Please sign in' });
  if (c.get('mfaEnrolmentRequired') && !options.allowEnrolment) {
    throw new AppError(403, 'totp_enrolment_required', {
      zh: '工作人员账号须先启用两步验证（身份验证器应用）才能继续',
      en: 'Staff accounts must set up two-step verification (an authenticator app) before going on',
    });
  }
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
