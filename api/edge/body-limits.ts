import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../lib/errors.ts';
import { securityEvent } from '../lib/security-log.ts';
import { CV_MAX_BYTES } from '../public/routes/lead-cv.ts';

/**
 * Largest request bodies per route class, in bytes (ASVS V5.2.1: refuse before reading the whole body).
 * Uploads (`stream`) are not buffered at all: their routes stream to disk with their own caps.
 */
export const BODY_LIMITS = {
  /** Every JSON API call and every page form without a file. */
  json: 64 * 1024,
  /** `navigator.sendBeacon` analytics batches. */
  beacon: 16 * 1024,
  /** A public lead form with a CV: the CV cap plus room for the text fields and multipart framing. */
  leadForm: CV_MAX_BYTES + 100 * 1024,
} as const;

export type BodyClass = keyof typeof BODY_LIMITS | 'stream';

/** Uploads that stream with their own size caps (panorama photos, product photos, spreadsheet imports). */
// Paths as the API sees them mounted at /api, or in-process without the prefix.
const STREAMED_UPLOADS = [
  /^(?:\/api)?\/enterprises\/\d+\/panoramas\/?$/,
  /^(?:\/api)?\/portal\/enterprises\/\d+\/products\/\d+\/photos\/?$/,
  // The register's spreadsheet import streams with its own 20 MB cap (api/admin/register/imports/upload.ts).
  /^(?:\/api)?\/admin\/imports\/?$/,
  // Documents attached to applications, requests and visits (api/attachments/store.ts, 10 MB).
  /^(?:\/api)?\/portal\/enterprises\/\d+\/attachments\/?$/,
  /^(?:\/api)?\/admin\/enterprises\/\d+\/attachments\/?$/,
];
const BEACONS = /^(?:\/api)?\/events\/?$/;
/** Public pages whose form takes a file (job applications) or may (other lead forms share the class). */
const LEAD_FORM_PAGES = /^(?:\/en)?\/(?:products|jobs|projects)\/\d+\/?$/;

/** Which class a request's body belongs to, from its path. */
export function bodyClassOf(path: string): BodyClass {
  if (BEACONS.test(path)) return 'beacon';
  if (STREAMED_UPLOADS.some((re) => re.test(path))) return 'stream';
  if (LEAD_FORM_PAGES.test(path)) return 'leadForm';
  return 'json';
}

/**
 * Refuses a body over its class's limit with 413: by Content-Length before reading anything, else while streaming
 * (Hono's body-limit counts chunks and stops at the limit, so at most `limit` bytes are ever held).
 * Each refusal is a security event.
 */
export function limitBodies(): MiddlewareHandler {
  const limiters = Object.fromEntries(
    Object.entries(BODY_LIMITS).map(([cls, maxSize]) => [cls, bodyLimit({ maxSize, onError: (c) => refuse(c, cls, maxSize) })]),
  ) as Record<keyof typeof BODY_LIMITS, MiddlewareHandler>;
  return async (c, next) => {
    const cls = bodyClassOf(c.req.path);
    if (cls === 'stream' || c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    return limiters[cls](c, next);
  };
}

function refuse(c: Context, cls: string, maxSize: number): never {
  securityEvent({
    type: 'body_too_large',
    ip: clientIpFrom(c),
    route: `${c.req.method} ${c.req.path}`,
    detail: { class: cls, limit: maxSize, declared: Number(c.req.header('Content-Length') ?? -1) },
  });
  throw new AppError(413, 'body_too_large', {
    zh: `请求内容过大（上限 ${Math.round(maxSize / 1024)} KB）`,
    en: `Request body too large (limit ${Math.round(maxSize / 1024)} KB)`,
  });
}

function clientIpFrom(c: Context): string | undefined {
  // The API sets clientIp; for pages the pipeline has put it on the request (api/edge/request-origin.ts).
  const ip = (c.get('clientIp') as unknown) ?? Reflect.get(c.req.raw, Symbol.for('astro.clientAddress'));
  return typeof ip === 'string' ? ip : undefined;
}
