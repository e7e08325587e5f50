import { Hono, type MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';
import { createApi } from '../app.ts';
import type { AppContext } from '../context.ts';
import { onError } from '../lib/on-error.ts';
import { mediaRoutes } from '../media/routes.ts';
import { limitBodies } from './body-limits.ts';
import { pageCache } from './page-cache.ts';
import { KNOWN_METHODS, methodNotAllowed, PAGE_METHODS } from './methods.ts';
import { normalizeRequest } from './request-origin.ts';
import { securityHeaders } from './security-headers.ts';
import { CONTROL_CHARS } from '../lib/validate.ts';

const BAD_QUERY_PAGE =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>请求有误 · Bad request</title></head>' +
  '<body><h1>链接中含有无效字符</h1><p>The link contains characters that are not allowed.</p><p><a href="/">返回首页 · Home</a></p></body></html>';

/** Whether a URL query decodes to text with control characters (NUL, ESC …). */
function hasControlChars(search: string): boolean {
  if (!search) return false;
  try {
    return [...new URLSearchParams(search)].some(([k, v]) => CONTROL_CHARS.test(k) || CONTROL_CHARS.test(v));
  } catch {
    return true;
  }
}

/**
 * The request pipeline of the one server (site/fetch.ts passes Astro's page handler as `pages`): request origin and
 * client address settled first, security headers on everything, then the JSON API, immutable media, and pages with
 * their own method and body limits. Tests pass a stand-in for `pages`.
 */
export function createSitePipeline(ctx: AppContext, pages: MiddlewareHandler) {
  const pageMethods = new Set<string>(PAGE_METHODS);
  return (
    new Hono()
      // Public pages the same for every anonymous visitor are answered as kept, compressed, with their headers.
      .use(pageCache(ctx))
      // Pages and JSON go out gzip-compressed; event streams and images are left alone.
      .use(compress())
      .use(securityHeaders(ctx.config.production))
      .use(normalizeRequest(ctx.config))
      .use(async (c, next) => {
        if (!KNOWN_METHODS.has(c.req.method)) {
          c.header('Allow', 'GET, HEAD, POST');
          throw methodNotAllowed(['GET', 'HEAD', 'POST']);
        }
        await next();
      })
      .route('/api', createApi(ctx))
      .route('/media', mediaRoutes(ctx))
      .use(async (c, next) => {
        if (pageMethods.has(c.req.method)) return next();
        c.header('Allow', PAGE_METHODS.join(', '));
        throw methodNotAllowed(PAGE_METHODS);
      })
      .use(async (c, next) => {
        // A query such as /halls?q=abc%00 is refused here for every page, before any search or renderer sees it.
        if (hasControlChars(new URL(c.req.url).search)) return c.html(BAD_QUERY_PAGE, 400);
        await next();
      })
      .use(limitBodies())
      .use(async (c, next) => {
        // A status a component set while the page rendered (site/lib/page-status.ts), applied to the finished page.
        // Astro renders components as the body is read, so the page is read here first (the security headers read
        // it whole anyway, to hash its scripts).
        await next();
        const res = c.res;
        if (!res.body || !/^text\/html/i.test(res.headers.get('Content-Type') ?? '')) return;
        const html = await res.text();
        const status = (c.get('fetchState' as never) as { locals?: { pageStatus?: number } } | undefined)?.locals?.pageStatus ?? res.status;
        c.res = undefined as unknown as Response; // Hono merges headers into a replaced response otherwise
        // No statusText: Astro leaves "OK" on a 404 page; Node then says the standard reason ("Not Found").
        c.res = new Response(html, { status, headers: res.headers });
      })
      .use(pages)
      .onError(onError)
  );
}
