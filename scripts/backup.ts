/**
 * `npm run backup -- <dir>`: an online backup of DATA_DIR into <dir> (the database through VACUUM INTO while the
 * server runs, then the media and other files that are missing, then manifest.json with SHA-256 checksums).
 * Run it again into the same <dir> to bring it up to date (only new files are copied). See README "Backups".
 */
import { loadConfig } from '../api/config.ts';
import { backupDataDir } from './lib/backup.ts';

async function main(): Promise<void> {
  const target = process.argv[2];
  if (!target) throw new Error('usage: npm run backup -- <backup dir>');
  process.umask(0o077);
  const config = loadConfig();
  const started = Date.now();
  const { manifest, copied } = await backupDataDir(config.dataDir, config.databaseUrl, target);
  const files = Object.values(manifest.files);
  const mb = files.reduce((s, f) => s + f.bytes, 0) / 1e6;
  console.log(`backup of ${config.dataDir} in ${target}: ${files.length} files, ${mb.toFixed(1)} MB, ${copied} copied now, ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
