/**
 * `node scripts/serve.ts [distDir]`: serve an existing build with the configuration from the environment —
 * no build, migration or seeding (benchmarks serve their own build folder this way). `npm start` does all of it.
 * With WORKERS > 1 this process becomes the cluster primary and forks that many copies of itself, which share the
 * port (scripts/lib/cluster.ts); `npm start` forks this script as its workers too. SIGTERM drains: no new
 * connections, open requests finish, live streams are closed after 2 s (browsers reconnect to another worker).
 */
import cluster from 'node:cluster';
import { ConfigError, loadConfig } from '../api/config.ts';
import { DIST_DIR } from './lib/build.ts';
import { runPrimary } from './lib/cluster.ts';
import { servePlatform } from './lib/serve.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  const distDir = process.argv[2] ?? DIST_DIR;
  if (cluster.isPrimary && config.workers > 1) {
    await runPrimary(import.meta.filename, config.workers, [distDir]);
    console.log(`千企在线展馆 is serving on http://${config.host}:${config.port} (${config.workers} worker processes)`);
    return;
  }
  const server = await servePlatform(distDir, config.port, config.host, { production: config.production });
  process.once('SIGTERM', () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 2_000).unref();
  });
  if (cluster.isPrimary) console.log(`千企在线展馆 is serving on http://${config.host}:${config.port}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof Error ? err.message : String(err));
  process.exit(1);
});
