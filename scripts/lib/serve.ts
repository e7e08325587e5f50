import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createPlatformServer } from './server.ts';

/**
 * Serves a built site (`dist/` or another build folder) on host:port: our server in front of Astro's
 * handler, so built assets go out precompressed. Resolves once listening.
 */
export async function servePlatform(distDir: string, port: number, host: string, options: { production?: boolean } = {}) {
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const entry = pathToFileURL(join(distDir, 'server', 'entry.mjs')).href;
  const { handler } = (await import(entry)) as { handler: (req: IncomingMessage, res: ServerResponse) => void };
  const server = createPlatformServer(handler, join(distDir, 'client'), options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return server;
}
