/**
 * `npm start`: check configuration, build when sources changed, migrate, seed demo data into an empty
 * database, then serve site + API on one port.
 */
import { ConfigError, loadConfig } from '../api/config.ts';
import { migrateDb, openDb } from '../api/db/client.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildIfStale, CLIENT_DIR, SERVER_ENTRY } from './lib/build.ts';
import { assertPortFree } from './lib/port.ts';
import { createPlatformServer } from './lib/server.ts';
import { seedDemoIfEmpty } from './seed/seed.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  await assertPortFree(config.port, config.host);
  buildIfStale();
  const db = await openDb(config.databaseUrl, config.databaseAuthToken);
  await migrateDb(db);
  if (config.demo) await seedDemoIfEmpty({ config, db });
  db.$client.close();

  // Our own server in front of Astro's handler, to send built assets precompressed.
  process.env.ASTRO_NODE_AUTOSTART = 'disabled';
  const { handler } = (await import(SERVER_ENTRY)) as { handler: (req: IncomingMessage, res: ServerResponse) => void };
  const server = createPlatformServer(handler, CLIENT_DIR);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, resolve);
  });
  // Warm the page renderer so the first visitor does not wait for it.
  await fetch(`http://127.0.0.1:${config.port}/`).catch(() => undefined);
  console.log(`千企在线展馆 is running on http://localhost:${config.port}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof Error ? err.message : String(err));
  if (!(err instanceof ConfigError) && err instanceof Error && process.env.DEBUG) console.error(err.stack);
  process.exit(1);
});
