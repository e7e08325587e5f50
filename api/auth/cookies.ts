import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.ts';
import { SESSION_TTL_MS } from './sessions.ts';

/** `__Host-` pins the cookie to this host over HTTPS in production; plain HTTP dev servers cannot use it. */
export function sessionCookieName(config: Pick<Config, 'production'>): string {
  return config.production ? '__Host-qq_session' : 'qq_session';
}

export function readSessionCookie(c: Context, config: Config): string | undefined {
  return getCookie(c, sessionCookieName(config));
}

export function writeSessionCookie(c: Context, config: Config, token: string): void {
  setCookie(c, sessionCookieName(config), token, {
    httpOnly: true,
    secure: config.production,
    sameSite: 'Lax',
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(c: Context, config: Config): void {
  deleteCookie(c, sessionCookieName(config), { path: '/', secure: config.production });
}
