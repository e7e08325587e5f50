/**
 * One app process of `WORKERS=N npm start` (forked by scripts/start.ts through node:cluster): serves the built site
 * and API on the shared port. The primary has already built, migrated and seeded. SIGTERM stops accepting
 * connections, lets open requests finish and exits (live streams are cut; browsers reconnect to another worker).
 */
import { ConfigError, loadConfig } from '../api/config.ts';
import { DIST_DIR } from './lib/build.ts';
import { servePlatform } from './lib/serve.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const server = await servePlatform(DIST_DIR, config.port, config.host, { production: config.production });
  process.once('SIGTERM', () => {
    server.close(() => process.exit(0));
    // Server-sent-event streams never end by themselves: close idle and open connections after a short grace.
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
  });
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof Error ? err.message : String(err));
  process.exit(1);
});
