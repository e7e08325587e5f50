import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** HSTS in production: two years, as the HSTS preload list asks (ASVS V3.4.1 wants ≥ 1 year). */
export const HSTS = 'max-age=63072000; includeSubDomains';

/** The embed page (`/halls/<slug>/embed`) is meant to be framed by any site; nothing else may be framed. */
const EMBED_PAGE = /^(?:\/en)?\/halls\/[^/]+\/embed\/?$/;
/** Responses that carry a person's data or a secret in the URL: never stored by browsers or proxies. */
const PRIVATE_PATHS = /^\/(?:api\/(?:portal|auth|enterprises|panorama-jobs)(?:\/|$)|(?:en\/)?(?:portal|leads)(?:\/|$))/;
export const SESSION_COOKIE = /(?:^|;\s*)(?:__Host-)?qq_session=/;
// Inline scripts (no src): their exact text is what the browser hashes.
const INLINE_SCRIPT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** Headers every response gets, static files included (ASVS V3.4). */
export function baseSecurityHeaders(production: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    // What a non-HTML response (JSON, images, scripts) may do if it is ever opened as a document: nothing.
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    ...(production ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}

/**
 * The Content-Security-Policy of an HTML page. Scripts: our own files plus each inline script by its SHA-256 hash
 * (Astro's island bootstrap and the page's small inline scripts), so an injected `<script>` never runs.
 * Styles allow inline `style=""` attributes (poster placeholders, analytics bars), which cannot run code.
 * Images include `data:`/`blob:` (placeholders, the viewer's decoded tiles); workers `blob:` for the viewer.
 */
export function pageCsp(scriptHashes: readonly string[], framable: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self'${scriptHashes.map((h) => ` '${h}'`).join('')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${framable ? '*' : "'none'"}`,
  ].join('; ');
}

/** `sha256-…` of every inline script in an HTML document, deduplicated, in order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const body = m[1] ?? '';
    if (body.trim() === '') continue;
    hashes.add(`sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}`);
  }
  return [...hashes];
}

/**
 * Security headers on every response of the fetch pipeline (API, media, pages): the base set, a hash-based CSP
 * and `charset=utf-8` on HTML, `frame-ancestors *` only on the embed page, and `Cache-Control: no-store` on
 * authenticated or token-bearing responses (portal, auth, receipts, invitations, any request with a session).
 */
export function securityHeaders(production: boolean): MiddlewareHandler {
  const base = baseSecurityHeaders(production);
  return async (c, next) => {
    await next();
    const res = c.res;
    const headers = new Headers(res.headers);
    for (const [k, v] of Object.entries(base)) {
      // A page may ask for a stricter referrer policy (receipts: no-referrer); never loosen it.
      if (k === 'Referrer-Policy' && headers.get(k) === 'no-referrer') continue;
      headers.set(k, v);
    }
    const path = c.req.path;
    const framable = EMBED_PAGE.test(path);
    // For old browsers without frame-ancestors. Not in the base set: the Node server would put it on the embed page too.
    if (framable) headers.delete('X-Frame-Options');
    else headers.set('X-Frame-Options', 'DENY');
    const cacheable = /immutable/.test(headers.get('Cache-Control') ?? '');
    if (!cacheable && (PRIVATE_PATHS.test(path) || SESSION_COOKIE.test(c.req.header('Cookie') ?? ''))) headers.set('Cache-Control', 'no-store');
    const type = headers.get('Content-Type') ?? '';
    let body: BodyInit | null = res.body;
    if (/^text\/html/i.test(type)) {
      headers.set('Content-Type', 'text/html; charset=utf-8');
      const html = res.body ? await res.text() : '';
      headers.set('Content-Security-Policy', pageCsp(inlineScriptHashes(html), framable));
      headers.delete('Content-Length');
      body = res.body ? html : null;
    }
    c.res = undefined as unknown as Response; // Hono merges headers into a replaced response otherwise
    c.res = new Response(body, { status: res.status, statusText: res.statusText, headers });
  };
}
