import type { Context } from 'hono';
import { AppError } from '../lib/errors.ts';

/** Methods the server understands at all; anything else (TRACE, CONNECT, PROPFIND…) is 405 before any handler. */
export const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** What a page takes: reading, and POST for its forms. */
export const PAGE_METHODS = ['GET', 'HEAD', 'POST'] as const;

/** A route as Hono lists it in `app.routes`. */
export interface RouteEntry {
  method: string;
  path: string;
}

/** 405 with the `Allow` header (RFC 9110 §15.5.6), in the API's one error shape. */
export function methodNotAllowed(allow: readonly string[]): AppError {
  return new AppError(405, 'method_not_allowed', { zh: '该地址不支持此请求方法', en: 'This method is not allowed here' }, { allow: [...allow] });
}

/** `/api/portal/enterprises/:enterpriseId/hall` → a RegExp matching concrete paths of that route. */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/**
 * The methods the API's real routes take at `path` (middleware and catch-alls excluded). Empty: no such route (404).
 * Built from the app's own route list, so routes added later are covered without a list to maintain.
 */
export function allowedMethods(routes: readonly RouteEntry[], path: string): string[] {
  const allowed = new Set<string>();
  for (const r of routes) {
    if (r.method === 'ALL' || r.path.endsWith('*')) continue;
    if (patternOf(r.path).test(path)) allowed.add(r.method);
  }
  if (allowed.has('GET')) allowed.add('HEAD');
  return [...allowed].sort();
}

/** The API's fallback: 405 + Allow when the path exists with other methods, else 404. */
export function unmatchedRoute(routes: () => readonly RouteEntry[], notFound: (c: Context) => Response) {
  return (c: Context): Response => {
    // Mounted at /api the catch-all's route path is `/api/*`; in-process tests call the app at `/*`.
    const mount = c.req.routePath.replace(/\/?\*$/, '');
    const path = mount && c.req.path.startsWith(mount) ? c.req.path.slice(mount.length) || '/' : c.req.path;
    const allow = allowedMethods(routes(), path);
    if (allow.length === 0) return notFound(c);
    c.header('Allow', allow.join(', '));
    throw methodNotAllowed(allow);
  };
}
