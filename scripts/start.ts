/**
 * `npm start`: check configuration, build when sources changed, migrate, seed demo data into an empty
 * database, then serve site + API on one port — in this process (WORKERS=1, the default), or in WORKERS app
 * processes sharing the port through node:cluster (this one then only supervises: scripts/lib/cluster.ts).
 */
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../api/config.ts';
import { protectDataDir } from '../api/lib/private-files.ts';
import { migrateDb, openDb } from '../api/db/client.ts';
import { buildIfStale, DIST_DIR } from './lib/build.ts';
import { assertPortFree } from './lib/port.ts';
import { servePlatform } from './lib/serve.ts';
import { seedDemoIfEmpty } from './seed/seed.ts';
import { runPrimary } from './lib/cluster.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  await assertPortFree(config.port, config.host);
  buildIfStale();
  // Personal data (database, CVs, uploads) readable by this user only, from the first file on.
  await protectDataDir(config.dataDir);
  const db = await openDb(config.databaseUrl, config.databaseAuthToken);
  await migrateDb(db);
  if (config.demo) await seedDemoIfEmpty({ config, db });
  db.$client.close();

  if (config.workers > 1) {
    await runPrimary(join(import.meta.dirname, 'serve.ts'), config.workers, [DIST_DIR]);
  } else {
    const server = await servePlatform(DIST_DIR, config.port, config.host, { production: config.production });
    process.once('SIGTERM', () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 2_000).unref();
    });
  }
  // Warm the page renderer so the first visitor does not wait for it.
  await fetch(`http://127.0.0.1:${config.port}/`).catch(() => undefined);
  console.log(`千企在线展馆 is running on http://localhost:${config.port}` + (config.workers > 1 ? ` (${config.workers} worker processes)` : ''));
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof Error ? err.message : String(err));
  if (!(err instanceof ConfigError) && err instanceof Error && process.env.DEBUG) console.error(err.stack);
  process.exit(1);
});
