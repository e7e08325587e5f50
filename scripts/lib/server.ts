import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

/** The encoding to send: brotli when the browser takes it, else gzip, else none. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = (acceptEncoding ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => !q || !/q=0(\.0*)?$/.test(q.trim()))
    .map(([name]) => name!.toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip') || accepted.includes('*')) return 'gzip';
  return null;
}

/**
 * The platform's HTTP server: built assets under /_astro/ go out precompressed (brotli or gzip, made at build
 * time), immutable; everything else goes to Astro's handler (static files, then the Hono + Astro pipeline).
 */
export function createPlatformServer(astroHandler: NodeHandler, clientDir: string): Server {
  const assetsDir = join(clientDir, '_astro');
  // Built once per build: the set of assets that have compressed twins.
  const compressed = new Set(existsSync(assetsDir) ? readdirSync(assetsDir).filter((f) => f.endsWith('.br')).map((f) => f.slice(0, -3)) : []);

  return createServer((req, res) => {
    const match = /^\/_astro\/([\w.-]+)$/.exec((req.url ?? '').split('?')[0]!);
    const name = match?.[1];
    const encoding = name && compressed.has(name) && (req.method === 'GET' || req.method === 'HEAD') ? pickEncoding(req.headers['accept-encoding']) : null;
    if (!name || !encoding) {
      astroHandler(req, res);
      return;
    }
    const file = join(assetsDir, `${name}.${encoding === 'br' ? 'br' : 'gz'}`);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(name)] ?? 'application/octet-stream',
      'Content-Encoding': encoding,
      Vary: 'Accept-Encoding',
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  });
}
