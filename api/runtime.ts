import { resolve } from 'node:path';
import { loadConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { migrateDb, openDb } from './db/client.ts';

let ready: Promise<AppContext> | undefined;

/** The process-wide context of the running server: configuration read once, database open and migrated. */
export function runtime(): Promise<AppContext> {
  ready ??= boot();
  return ready;
}

async function boot(): Promise<AppContext> {
  const config = loadConfig();
  const db = await openDb(config.databaseUrl, config.databaseAuthToken);
  await migrateDb(db);
  return { config, db, mediaDir: resolve(config.dataDir, 'media') };
}
