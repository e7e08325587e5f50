import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { KNOWN_METHODS } from '../../api/edge/methods.ts';
import { baseSecurityHeaders } from '../../api/edge/security-headers.ts';

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
 * Every response starts with the base security headers (static files never reach the pipeline, which sets the
 * full set for pages and the API); methods no route takes (TRACE, CONNECT…) get 405 before Astro sees them.
 */
export function createPlatformServer(astroHandler: NodeHandler, clientDir: string, options: { production?: boolean } = {}): Server {
  const baseHeaders = Object.entries(baseSecurityHeaders(options.production ?? false));
  const assetsDir = join(clientDir, '_astro');
  // Built once per build: the set of assets that have compressed twins.
  const compressed = new Set(existsSync(assetsDir) ? readdirSync(assetsDir).filter((f) => f.endsWith('.br')).map((f) => f.slice(0, -3)) : []);

  // Benchmarks only (BENCH_WORKER_HEADER=1): which worker answered, to tell same- from cross-process live updates.
  if (process.env.BENCH_WORKER_HEADER === '1') baseHeaders.push(['X-Worker', process.env.WORKER_SLOT ?? '0']);

  return createServer((req, res) => {
    for (const [k, v] of baseHeaders) res.setHeader(k, v);
    if (!KNOWN_METHODS.has(req.method ?? '')) {
      // Node's fetch Request cannot even represent TRACE: answer here, in the API's error shape.
      res.writeHead(405, { 'Content-Type': 'application/json; charset=utf-8', Allow: 'GET, HEAD, POST' });
      res.end(JSON.stringify({ error: { code: 'method_not_allowed', message: '该地址不支持此请求方法', messageEn: 'This method is not allowed here' } }));
      req.resume();
      return;
    }
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
