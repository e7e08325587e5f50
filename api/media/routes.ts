import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { AppContext } from '../context.ts';
import { errorBody } from '../lib/on-error.ts';
import { AppError } from '../lib/errors.ts';

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
};

// Only paths made of plain segments (content addresses, tile names): no dot-files, no temp folders, no traversal.
const SAFE_PATH = /^(?:[A-Za-z0-9_-][A-Za-z0-9_.-]*\/)*[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

/** The path's last percent-decoding; null when it is malformed (a client's mistake, not a server error). */
function decodePath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/** If-None-Match as RFC 9110 compares it for GET: a list, weak validators allowed, `*` for any. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag.replace(/^W\//, '') === etag;
  });
}

/** GET /media/<path>: immutable content-addressed files from the media directory. */
export function mediaRoutes(ctx: AppContext) {
  const root = resolve(ctx.mediaDir);
  const missing = () => errorBody(new AppError(404, 'not_found', { zh: '找不到该文件', en: 'File not found' }));
  return new Hono().get('/*', async (c) => {
    const rel = decodePath(c.req.path.replace(/^\/media\//, ''));
    if (rel === null) return c.json(missing(), 404);
    const type = CONTENT_TYPES[extname(rel).toLowerCase()];
    if (!SAFE_PATH.test(rel) || rel.includes('..') || !type) return c.json(missing(), 404);
    const file = resolve(root, rel);
    if (!file.startsWith(root + sep)) return c.json(missing(), 404);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return c.json(missing(), 404);
    // The path is a content address, so size + path identify the bytes.
    const etag = `"${createHash('sha1').update(rel).digest('base64url').slice(0, 20)}-${info.size.toString(36)}"`;
    const headers = {
      'Content-Type': type,
      'Cache-Control': 'public, max-age=31536000, immutable',
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
      'Access-Control-Allow-Origin': '*',
    };
    if (matchesEtag(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
    if (c.req.method === 'HEAD') return c.body(null, 200, { ...headers, 'Content-Length': String(info.size) });
    const stream = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
    return c.body(stream, 200, { ...headers, 'Content-Length': String(info.size) });
  });
}
