import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { inArray } from 'drizzle-orm';
import type { DbLike } from '../db/client.ts';
import { panoramaJobs } from '../db/schema/index.ts';

/** How long the source photo of a finished build is kept (to answer "why does my hall look like this?"). */
export const SOURCE_RETENTION_MS = 7 * 86_400_000;
/** A source without any job yet may be an upload whose job row is being written right now. */
export const ORPHAN_GRACE_MS = 3_600_000;
const SOURCE_NAME = /^[a-f0-9]{64}$/;

/**
 * Deletes uploaded panorama sources (files named by their sha256 in `uploadsDir`) that no job needs: those of
 * failed jobs, of builds finished more than `retentionMs` ago, and orphans older than `graceMs`. Sources of queued
 * or processing jobs, and of builds finished recently, stay. Without this every processed or refused upload stayed
 * forever (~9 GB an hour at the upload caps). Returns the hashes deleted. Runs at start-up and then periodically.
 */
export async function sweepPanoramaSources(
  db: DbLike,
  uploadsDir: string,
  options: { now?: number; retentionMs?: number; graceMs?: number } = {},
): Promise<string[]> {
  const now = options.now ?? Date.now();
  const retentionMs = options.retentionMs ?? SOURCE_RETENTION_MS;
  const graceMs = options.graceMs ?? ORPHAN_GRACE_MS;
  const names = (await readdir(uploadsDir).catch(() => [] as string[])).filter((n) => SOURCE_NAME.test(n));
  if (names.length === 0) return [];
  const jobs = await db
    .select({ sourceHash: panoramaJobs.sourceHash, status: panoramaJobs.status, updatedAt: panoramaJobs.updatedAt })
    .from(panoramaJobs)
    .where(inArray(panoramaJobs.sourceHash, names));
  const deleted: string[] = [];
  for (const name of names) {
    const mine = jobs.filter((j) => j.sourceHash === name);
    let needed: boolean;
    if (mine.length === 0) {
      const info = await stat(join(uploadsDir, name)).catch(() => null);
      needed = info !== null && now - info.mtimeMs < graceMs;
    } else {
      needed = mine.some((j) => j.status === 'queued' || j.status === 'processing' || (j.status === 'done' && now - j.updatedAt.getTime() < retentionMs));
    }
    if (needed) continue;
    await rm(join(uploadsDir, name), { force: true });
    deleted.push(name);
  }
  return deleted;
}

/** Sweeps now and then every `everyMs` (unref'd: never keeps the process alive). Returns a stop function. */
export function scheduleSourceSweep(db: DbLike, uploadsDir: string, everyMs = 3_600_000): () => void {
  const run = () =>
    sweepPanoramaSources(db, uploadsDir).catch((err: unknown) => console.error('[panorama-sources] sweep failed:', err));
  void run();
  const timer = setInterval(run, everyMs).unref();
  return () => clearInterval(timer);
}
