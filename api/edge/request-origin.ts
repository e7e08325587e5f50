import type { MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import { clientAddress, trustedProxies } from '../lib/client-address.ts';

/** The symbol under which Astro's Node adapter keeps a request's client address (`Astro.clientAddress`). */
export const CLIENT_ADDRESS = Symbol.for('astro.clientAddress');
/** Where Astro's app attaches a request's render options (route, client address) for the fetch entry. */
const RENDER_OPTIONS = Symbol.for('astro.renderOptions');

/**
 * Puts every request into the terms the rest of the server checks against (ASVS V3, V4):
 * - the client address: the socket's peer, or — only when that peer is a configured proxy (`TRUST_PROXY`) —
 *   the first untrusted hop of X-Forwarded-For; stored where both `Astro.clientAddress` and the API read it;
 * - in production, the request URL's origin becomes `PUBLIC_URL`'s origin: Node speaks plain HTTP behind the TLS
 *   proxy, so without this the browser's `Origin: https://…` never matches and Astro's own origin check and the
 *   API's CSRF check refuse every form. The proxy's Host header is not believed.
 */
export function normalizeRequest(config: Pick<Config, 'production' | 'publicUrl' | 'trustProxy'>): MiddlewareHandler {
  const isTrusted = trustedProxies(config.trustProxy);
  const publicOrigin = new URL(config.publicUrl).origin;
  return async (c, next) => {
    const peer = Reflect.get(c.req.raw, CLIENT_ADDRESS) as unknown;
    // Astro's adapter believes X-Forwarded-For only for allowed domains (none are configured); we decide here.
    const client = clientAddress(typeof peer === 'string' ? peer : undefined, c.req.header('X-Forwarded-For') ?? null, isTrusted);
    const renderOptions = Reflect.get(c.req.raw, RENDER_OPTIONS) as { clientAddress?: string } | undefined;
    if (config.production) {
      const url = new URL(c.req.url);
      if (url.origin !== publicOrigin) {
        const body = c.req.raw.body;
        c.req.raw = new Request(publicOrigin + url.pathname + url.search, {
          method: c.req.raw.method,
          headers: c.req.raw.headers,
          body,
          signal: c.req.raw.signal,
          // A streamed body must be passed on as a stream.
          ...(body ? { duplex: 'half' } : {}),
        } as RequestInit);
        if (renderOptions) Reflect.set(c.req.raw, RENDER_OPTIONS, renderOptions);
      }
    }
    Reflect.set(c.req.raw, CLIENT_ADDRESS, client);
    if (renderOptions) renderOptions.clientAddress = client;
    await next();
  };
}
