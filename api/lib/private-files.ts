import { chmod, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Files and folders in the data dir that hold personal data: the database (and its WAL), CVs, uploads. */
const PRIVATE_FILE = /^platform\.db(?:-wal|-shm|-journal)?$/;
const PRIVATE_DIRS = ['private', 'uploads'];

/**
 * Makes personal data readable only by the service's user (ASVS V14/PIPL): umask 077 for everything the process
 * creates from now on, the data dir 0700, the database files 0600, and the CV and upload folders (recursively)
 * 0700/0600. Files made before this (by an older version, or another tool) are tightened too.
 */
export async function protectDataDir(dataDir: string): Promise<void> {
  process.umask(0o077);
  await chmod(dataDir, 0o700).catch(() => undefined);
  for (const name of await readdir(dataDir).catch(() => [] as string[])) {
    if (PRIVATE_FILE.test(name)) await chmod(join(dataDir, name), 0o600).catch(() => undefined);
  }
  for (const dir of PRIVATE_DIRS) await tighten(join(dataDir, dir));
}

async function tighten(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => null);
  if (!entries) return;
  await chmod(dir, 0o700).catch(() => undefined);
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) await tighten(path);
    else if (e.isFile()) await chmod(path, 0o600).catch(() => undefined);
  }
}
