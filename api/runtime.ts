import { resolve } from 'node:path';
import { loadConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { deleteExpiredSessions } from './auth/sessions.ts';
import { deleteExpiredThrottles } from './auth/throttle.ts';
import { publicCache } from './public/queries/public-cache.ts';
import { migrateDb, openDb } from './db/client.ts';
import { ChangeFeed } from './live/feed.ts';
import { LiveHub } from './live/hub.ts';
import { deleteExpiredRateCounters } from './lib/rate-limit.ts';
import { createMailSender } from './mail/index.ts';
import { setSecurityStore } from './lib/security-log.ts';
import { PanoramaJobRunner } from './panorama-jobs/runner.ts';
import { scheduleSourceSweep } from './panorama-jobs/retention.ts';
import { protectDataDir } from './lib/private-files.ts';
import { scheduleEscalation } from './admin/services/escalation.ts';

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
  await deleteExpiredThrottles(db);
  await deleteExpiredRateCounters(db);
  // Expired rate-limit counters go every 10 minutes (any process may do it; it is idempotent).
  setInterval(() => void deleteExpiredRateCounters(db).catch(() => undefined), 10 * 60_000).unref();
  // Changes saved by other processes on this database (hall edits, job progress) reach this one through the feed.
  const feed = await new ChangeFeed(db).start();
  const mediaDir = resolve(config.dataDir, 'media');
  const panoramaJobs = new PanoramaJobRunner(db, resolve(config.dataDir, 'uploads'), mediaDir);
  panoramaJobs.attachFeed(feed);
  await panoramaJobs.resume();
  // Sources no job needs any more (failed, or built more than a week ago) are deleted now and every hour.
  scheduleSourceSweep(db, panoramaJobs.uploadsDir);
  const live = new LiveHub();
  live.attachFeed(feed);
  // A firm's saved change — through this process or, via the feed, another — drops this process's cached public
  // pages before open viewers refetch.
  live.subscribeAll((change) => publicCache.forget(change));
  // Security events also become rows staff can read (GET /api/admin/security-events).
  setSecurityStore(db);
  // The outbox sender runs in every server process; claims are atomic, so several processes never send twice.
  const mail = createMailSender(db, config).start();
  if (config.production && mail.transportName === 'file') {
    console.warn('[mail] NODE_ENV=production without SMTP_URL or SMTP_HOST: mail is only written to DATA_DIR/outbox-sent');
  }
  // Overdue requests go to the bureau through the outbox, now and every hour (marked, so never twice per state).
  scheduleEscalation(db);
  return { config, db, mediaDir, panoramaJobs, live, mail };
}
