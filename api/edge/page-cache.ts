/**
 * Whole rendered public pages kept for anonymous visitors: the home page, the directory (with its searches), the
 * boards, hall pages and their embeds, and a hall's viewer JSON — pages the same for everyone, with no form token
 * (product, job and project pages carry a single-use lead-form token and are never kept). A kept page is the final
 * response — security headers with its CSP hashes, gzip already applied — per path, query and Accept-Encoding, so a
 * visit costs no rendering, hashing or compressing. Per pipeline (one a process), at most 300 pages for
 * PUBLIC_PAGE_CACHE_MS (5 s), and forgotten like the data memo when a firm saves a change, here or on another
 * process (a hall's own pages only, for hotspot changes). Requests with a session cookie, other methods and
 * anything but 200 go through.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppContext } from '../context.ts';
import { publishedHall } from '../public/queries/hall-detail.ts';
import { PUBLIC_PAGE_CACHE_MS, PublicCache } from '../public/queries/public-cache.ts';
import { SESSION_COOKIE } from './security-headers.ts';

/** Paths whose anonymous GET answer is the same for everyone; group 1 is a hall's slug. */
const KEPT = [/^(?:\/en)?\/?$/, /^(?:\/en)?\/(?:halls|jobs|products|projects)\/?$/, /^(?:\/en)?\/halls\/([a-z0-9-]{1,80})(?:\/embed)?\/?$/, /^\/api\/halls\/([a-z0-9-]{1,80})$/];

/** A kept response: status 200, its headers and its (already encoded) body; for a hall's pages, the hall's firm. */
interface KeptPage {
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
  firm: number | null;
}

/** Which kept-page pattern a path matches, and the hall slug in it, if any; null: not kept. */
export function keptPath(path: string): { slug: string | null } | null {
  for (const pattern of KEPT) {
    const m = pattern.exec(path);
    if (m) return { slug: m[1] ?? null };
  }
  return null;
}

/** The middleware; outermost in the pipeline, so a kept page skips everything after it. */
export function pageCache(ctx: AppContext): MiddlewareHandler {
  const publicPages = new PublicCache(PUBLIC_PAGE_CACHE_MS, 300);
  ctx.live.subscribeAll((change) => publicPages.forget(change));
  return async (c, next) => {
    const method = c.req.method;
    const kept = PUBLIC_PAGE_CACHE_MS > 0 && (method === 'GET' || method === 'HEAD') ? keptPath(c.req.path) : null;
    if (!kept || SESSION_COOKIE.test(c.req.header('Cookie') ?? '')) return next();
    const url = new URL(c.req.url);
    const key = `${url.pathname}${url.search}\n${c.req.header('Accept-Encoding') ?? ''}`;
    let rendered = false;
    const load = async (): Promise<KeptPage | null> => {
      rendered = true;
      await next();
      const res = c.res;
      if (res.status !== 200 || res.headers.has('Set-Cookie') || !res.body) return null;
      const body = new Uint8Array(await res.arrayBuffer());
      c.res = undefined as unknown as Response; // Hono merges headers into a replaced response otherwise
      c.res = new Response(body, { status: 200, headers: res.headers });
      // A hall's pages are forgotten when that firm's hotspots change (the data memo answers this at once).
      const firm = kept.slug ? ((await publishedHall(ctx.db, kept.slug))?.enterprise.id ?? null) : null;
      return { headers: [...res.headers], body, firm };
    };
    // A HEAD request never fills the store (its answer has no body); it is answered from it when it can.
    const page =
      method === 'HEAD'
        ? await publicPages.peek<KeptPage | null>(key)
        : await publicPages.get(key, load, Date.now(), kept.slug ? (p) => p?.firm ?? null : undefined);
    if (rendered) return;
    if (!page) return next();
    return new Response(method === 'HEAD' ? null : page.body, { status: 200, headers: page.headers });
  };
}
