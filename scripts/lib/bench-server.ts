/**
 * The one way a benchmark starts the real site: built into the bench's own temp folder (several people share this
 * checkout, and a rebuild of dist/ under a running server breaks its lazily loaded pages mid-run), on a fresh data
 * dir seeded with the demo firms, served by `scripts/serve.ts` (precompressed assets in front of the Astro handler)
 * on a free loopback port. `stop()` ends the server and removes the folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../api/config.ts';
import { migrateDb, openDb } from '../../api/db/client.ts';
import { seedDemoIfEmpty } from '../seed/seed.ts';
import { build } from './build.ts';
import { freePort, waitUntilUp } from './port.ts';
import { SERVER_NODE_ARGS } from './server-args.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** A cold start with demo panoramas can take minutes on a loaded machine. */
const START_TIMEOUT_MS = 300_000;

export interface BenchServer {
  /** e.g. http://127.0.0.1:40123 */
  base: string;
  /** The server's DATA_DIR (its database is `platform.db` in it). */
  dataDir: string;
  /** The temp folder holding the build, the data dir and the symlinks. */
  work: string;
  /** The server's last output, for error messages. */
  log(): string;
  /** Stops the server and removes the temp folder. */
  stop(): Promise<void>;
}

/** A Node child with its stdout and stderr kept (the last 4000 characters are enough for an error message). */
export function spawnLogged(args: string[], env: NodeJS.ProcessEnv, cwd = ROOT) {
  let out = '';
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, ...args], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return { child, log: () => out.slice(-4000) };
}

/** SIGTERM, resolved once the child has exited (at once when it already has). */
export const stopChild = (c: ChildProcess) =>
  new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : (c.once('exit', r), c.kill('SIGTERM'))));

/** Builds the site into `work/dist`, with drizzle/ and node_modules/ linked next to it. */
export function buildInto(work: string): void {
  console.log('构建中 Building the site into the bench folder…');
  build(join(work, 'dist'));
  // The built server finds migrations and packages upwards from itself.
  symlinkSync(join(ROOT, 'drizzle'), join(work, 'drizzle'));
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
}

/** Migrates the fresh database and seeds the demo firms before the server starts. */
export async function seedDemo(env: NodeJS.ProcessEnv): Promise<void> {
  const config = loadConfig({ ...process.env, ...env });
  const db = await openDb(config.databaseUrl);
  try {
    await migrateDb(db);
    await seedDemoIfEmpty({ config, db });
  } finally {
    db.$client.close();
  }
}

/** Starts the demo site for a benchmark; `name` goes into the temp folder's name (qianqi-bench-<name>-…). */
export async function startBenchServer(name: string): Promise<BenchServer> {
  const work = mkdtempSync(join(tmpdir(), `qianqi-bench-${name}-`));
  const dataDir = join(work, 'data');
  let server: ReturnType<typeof spawnLogged> | undefined;
  const stop = async () => {
    if (server) await stopChild(server.child);
    rmSync(work, { recursive: true, force: true });
  };
  try {
    buildInto(work);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', DEMO_PANORAMA_WIDTH: '2048', PUBLIC_URL: base };
    await seedDemo(env);
    server = spawnLogged([join(ROOT, 'scripts', 'serve.ts'), join(work, 'dist')], env, work);
    console.log(`启动服务 Starting the server with demo data (${work})…`);
    await waitUntilUp(`${base}/api/health`, server.child, server.log, START_TIMEOUT_MS);
    return { base, dataDir, work, log: server.log, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
