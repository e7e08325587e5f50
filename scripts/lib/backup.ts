import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { openDb } from '../../api/db/client.ts';

/** The database file in a data dir and in a backup. */
export const DB_FILE = 'platform.db';
export const MANIFEST = 'manifest.json';
/** Not copied: the live database (snapshotted with VACUUM INTO instead), its WAL, and half-written files. */
const SKIP = /^(platform\.db(-wal|-shm|-journal)?|\.incoming-.*|\.tmp-.*)$/;

export interface ManifestEntry {
  bytes: number;
  sha256: string;
  /** mtime of the copy (ms), to reuse the checksum on the next run when the file is unchanged. */
  mtimeMs: number;
}

export interface Manifest {
  format: 1;
  createdAt: string;
  /** Relative POSIX paths (the database is `platform.db`) → size and SHA-256. */
  files: Record<string, ManifestEntry>;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every regular file under `root`, as relative POSIX paths, skipping names that match `skip` (at any depth). */
export async function listFiles(root: string, skip = SKIP): Promise<string[]> {
  const out: string[] = [];
  async function walk(dir: string): Promise<void> {
    for (const e of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (skip.test(e.name)) continue;
      const path = join(dir, e.name);
      if (e.isDirectory()) await walk(path);
      else if (e.isFile()) out.push(relative(root, path).split(sep).join('/'));
    }
  }
  await walk(root);
  return out.sort();
}

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/**
 * Online backup of a data dir into `target` (created when missing; a previous backup there is brought up to date):
 * 1. the database through `VACUUM INTO` — a consistent snapshot taken inside one read transaction while the
 *    server keeps writing (WAL), written to a temp name and renamed over the previous copy;
 * 2. then every other file (media pyramids and photos, CVs, uploads, keys): a file is copied when the backup lacks
 *    it or its size or mtime differ — content-addressed media never change, so a repeated backup copies only what
 *    is new; files the snapshot refers to existed before it was taken, so they are all there;
 * 3. `manifest.json` with the size and SHA-256 of every file (checksums of unchanged files reused).
 * Returns the manifest and how many files were copied. File databases only (a libSQL server has its own backups).
 */
export async function backupDataDir(dataDir: string, databaseUrl: string, target: string): Promise<{ manifest: Manifest; copied: number }> {
  if (!databaseUrl.startsWith('file:')) throw new Error('backup copies a file database; for a libSQL server (DATABASE_URL) use its own backups');
  await mkdir(target, { recursive: true, mode: 0o700 });
  const previous = (await readManifest(target))?.files ?? {};

  const tmpDb = join(target, `.${DB_FILE}.tmp`);
  await rm(tmpDb, { force: true });
  const db = await openDb(databaseUrl);
  try {
    await db.$client.execute({ sql: 'VACUUM INTO ?', args: [tmpDb] });
  } finally {
    db.$client.close();
  }
  await chmod(tmpDb, 0o600);
  await rename(tmpDb, join(target, DB_FILE));

  let copied = 0;
  for (const rel of await listFiles(dataDir)) {
    const from = join(dataDir, rel);
    const to = join(target, rel);
    const [a, b] = await Promise.all([stat(from), stat(to).catch(() => null)]);
    if (b && b.size === a.size && Math.abs(b.mtimeMs - a.mtimeMs) < 1) continue;
    await mkdir(dirname(to), { recursive: true, mode: 0o700 });
    await copyFile(from, to);
    await utimes(to, a.atime, a.mtime);
    copied += 1;
  }

  const files: Record<string, ManifestEntry> = {};
  for (const rel of (await listFiles(target, /^\..*\.tmp$/)).filter((r) => r !== MANIFEST)) {
    const info = await stat(join(target, rel));
    const old = previous[rel];
    const reuse = old && rel !== DB_FILE && old.bytes === info.size && old.mtimeMs === info.mtimeMs;
    files[rel] = { bytes: info.size, sha256: reuse ? old.sha256 : await sha256File(join(target, rel)), mtimeMs: info.mtimeMs };
  }
  const manifest: Manifest = { format: 1, createdAt: new Date().toISOString(), files };
  await writeFile(join(target, MANIFEST), JSON.stringify(manifest, null, 1), { mode: 0o600 });
  return { manifest, copied };
}

/** Files whose size or SHA-256 differ from the manifest, or that are missing (empty when the backup is whole). */
export async function verifyBackup(source: string, manifest: Manifest): Promise<string[]> {
  const bad: string[] = [];
  for (const [rel, entry] of Object.entries(manifest.files)) {
    const path = join(source, rel);
    const info = await stat(path).catch(() => null);
    if (!info || info.size !== entry.bytes || (await sha256File(path)) !== entry.sha256) bad.push(rel);
  }
  return bad;
}

/**
 * Restores a backup into `dataDir`, which must be empty or missing (a restore never overwrites live data). Every
 * file is checked against the manifest before anything is written; throws listing the first bad files otherwise.
 * Returns the number of files restored. Start the server on the data dir afterwards (migrations run as usual).
 */
export async function restoreDataDir(source: string, dataDir: string): Promise<number> {
  const manifest = await readManifest(source);
  if (!manifest || manifest.format !== 1 || !manifest.files[DB_FILE]) throw new Error(`${source} is not a backup (no manifest.json naming ${DB_FILE})`);
  const existing = await readdir(dataDir).catch(() => [] as string[]);
  if (existing.length > 0) throw new Error(`DATA_DIR=${dataDir} is not empty; restore only into an empty or new folder`);
  const bad = await verifyBackup(source, manifest);
  if (bad.length > 0) throw new Error(`backup damaged: ${bad.length} file(s) missing or with a wrong checksum, e.g. ${bad.slice(0, 5).join(', ')}`);
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  for (const rel of Object.keys(manifest.files)) {
    const to = join(dataDir, rel);
    await mkdir(dirname(to), { recursive: true, mode: 0o700 });
    await copyFile(join(source, rel), to);
    await chmod(to, 0o600);
  }
  return Object.keys(manifest.files).length;
}
