import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { precompressDir } from './precompress.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** Where `npm start` and `npm test` build to. */
export const DIST_DIR = join(ROOT, 'dist');
const STAMP = join(DIST_DIR, '.build-stamp');
/** What the built server is made of; a change to any of these means a rebuild. */
const SOURCES = ['site', 'api', 'viewer', 'content', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when dist/ is missing or older than any source. */
export function buildIsStale(): boolean {
  if (!existsSync(STAMP) || !existsSync(join(DIST_DIR, 'server', 'entry.mjs'))) return true;
  const built = statSync(STAMP).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(ROOT, s)) > built);
}

/** Runs `astro build` (on this same Node) into outDir, precompresses its assets, and stamps the default dist/. */
export function build(outDir: string = DIST_DIR): void {
  const started = Date.now();
  console.log('构建中 Building the site (astro build)…');
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--silent', '--outDir', outDir], {
    cwd: ROOT,
    stdio: 'inherit',
    // Always a production bundle, whatever NODE_ENV the caller runs under (tests set "test").
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error(`astro build failed (exit ${result.status})`);
  const packed = precompressDir(join(outDir, 'client'));
  if (outDir === DIST_DIR) writeFileSync(STAMP, new Date().toISOString());
  console.log(
    `构建完成 Built in ${((Date.now() - started) / 1000).toFixed(1)} s ` +
      `(${packed.files} assets, ${(packed.bytes / 1024).toFixed(0)} KB → ${(packed.brotliBytes / 1024).toFixed(0)} KB brotli)`,
  );
}

export function buildIfStale(): void {
  if (buildIsStale()) build();
}

