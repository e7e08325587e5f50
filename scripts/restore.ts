/**
 * `npm run restore -- <dir>`: restores a backup made by `npm run backup` into DATA_DIR, which must be empty or
 * missing; every file's checksum is verified against manifest.json first. Then `npm start` serves it.
 */
import { loadConfig } from '../api/config.ts';
import { restoreDataDir } from './lib/backup.ts';

async function main(): Promise<void> {
  const source = process.argv[2];
  if (!source) throw new Error('usage: npm run restore -- <backup dir>');
  process.umask(0o077);
  const env = { ...process.env, DATA_DIR: process.env.DATA_DIR ?? 'data' };
  const config = loadConfig(env);
  const count = await restoreDataDir(source, config.dataDir);
  console.log(`restored ${count} files from ${source} into ${config.dataDir} (checksums verified)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
