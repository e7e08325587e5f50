/**
 * A second app process on the e2e server's data dir: `scripts/serve.ts` (the worker `WORKERS=N npm start` forks) on
 * its own free port, so a test can tell which process it talks to. Same database file, same media.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, waitUntilUp } from '../../scripts/lib/port.ts';

export interface AppProcess {
  base: string;
  child: ChildProcess;
  log(): string;
  /** SIGTERM, resolved once it has exited. */
  stop(): Promise<void>;
}

/** Starts the second process (extra environment e.g. a short panorama job lease); resolves once it answers. */
export async function startSecondProcess(dataDir: string, env: Record<string, string> = {}): Promise<AppProcess> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let out = '';
  const child = spawn(process.execPath, ['scripts/serve.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '1', DEMO_PANORAMA_WIDTH: '1024', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await waitUntilUp(`${base}/api/health`, child, () => out, 120_000);
  return {
    base,
    child,
    log: () => out.slice(-4000),
    stop: () => new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : (child.once('exit', () => r()), child.kill('SIGTERM')))),
  };
}
