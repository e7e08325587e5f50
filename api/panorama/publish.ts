import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Staging directories live inside outRoot (same filesystem, so the final rename is atomic) under this prefix. */
export const STAGING_PREFIX = '.tmp-';

/** A fresh, private staging directory inside outRoot. */
export async function createStagingDir(outRoot: string): Promise<string> {
  await mkdir(outRoot, { recursive: true });
  const dir = join(outRoot, `${STAGING_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`);
  await mkdir(dir);
  return dir;
}

/** Flush a file or directory to disk, so the rename below never publishes names whose data is still only in memory. */
export async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Make a finished staging directory visible as `<outRoot>/<id>` in one rename. Returns false when that directory
 * already exists (a concurrent build of the same photo won): the caller then discards its own copy and uses theirs.
 */
export async function publishStaged(stagingDir: string, outRoot: string, id: string): Promise<boolean> {
  await fsyncPath(stagingDir);
  try {
    await rename(stagingDir, join(outRoot, id));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
    throw error;
  }
  await fsyncPath(outRoot);
  return true;
}

export interface CleanupOptions {
  /**
   * Only remove staging directories older than this. 0 (the default) suits server start in a one-process deployment:
   * any staging directory then belongs to a build that died. Several processes sharing outRoot should pass an age
   * well above the longest build (say 10 minutes) so they never delete each other's live work.
   */
  olderThanMs?: number;
}

/** Remove staging directories left by crashed or killed builds; returns the names removed. */
export async function cleanupPartial(outRoot: string, options: CleanupOptions = {}): Promise<string[]> {
  const olderThanMs = options.olderThanMs ?? 0;
  let names: string[];
  try {
    names = await readdir(outRoot);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for (const name of names.filter((n) => n.startsWith(STAGING_PREFIX))) {
    const path = join(outRoot, name);
    const info = await stat(path).catch(() => null);
    if (!info || Date.now() - info.mtimeMs < olderThanMs) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
