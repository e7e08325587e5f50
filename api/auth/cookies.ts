import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.ts';
import { SESSION_LIMITS } from './sessions.ts';

/** `__Host-` pins the cookie to this host over HTTPS in production; plain HTTP dev servers cannot use it. */
export function sessionCookieName(config: Pick<Config, 'production'>): string {
  return config.production ? '__Host-qq_session' : 'qq_session';
}

export function readSessionCookie(c: Context, config: Config): string | undefined {
  return getCookie(c, sessionCookieName(config));
}

/** Sets the session cookie; `maxAgeMs` is the session's absolute lifetime (the browser forgets it then too). */
export function writeSessionCookie(c: Context, config: Config, token: string, maxAgeMs: number = SESSION_LIMITS.firm.absoluteMs): void {
  setCookie(c, sessionCookieName(config), token, {
    httpOnly: true,
    secure: config.production,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.round(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(c: Context, config: Config): void {
  deleteCookie(c, sessionCookieName(config), { path: '/', secure: config.production });
}
