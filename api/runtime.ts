import { resolve } from 'node:path';
import { loadConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { deleteExpiredSessions } from './auth/sessions.ts';
import { publicCache } from './public/queries/public-cache.ts';
import { migrateDb, openDb } from './db/client.ts';
import { LiveHub } from './live/hub.ts';
import { PanoramaJobRunner } from './panorama-jobs/runner.ts';
import { scheduleSourceSweep } from './panorama-jobs/retention.ts';
import { protectDataDir } from './lib/private-files.ts';

let ready: Promise<AppContext> | undefined;

/** The process-wide context of the running server: configuration read once, database open and migrated. */
export function runtime(): Promise<AppContext> {
  ready ??= boot();
  return ready;
}

async function boot(): Promise<AppContext> {
  const config = loadConfig();
  await protectDataDir(config.dataDir);
  const db = await openDb(config.databaseUrl, config.databaseAuthToken);
  await migrateDb(db);
  await deleteExpiredSessions(db);
  const mediaDir = resolve(config.dataDir, 'media');
  const panoramaJobs = new PanoramaJobRunner(db, resolve(config.dataDir, 'uploads'), mediaDir);
  await panoramaJobs.resume();
  // Sources no job needs any more (failed, or built more than a week ago) are deleted now and every hour.
  scheduleSourceSweep(db, panoramaJobs.uploadsDir);
  const live = new LiveHub();
  // A firm's saved change drops this process's cached public pages before open viewers refetch.
  live.subscribeAll(() => publicCache.clear());
  return { config, db, mediaDir, panoramaJobs, live };
}
