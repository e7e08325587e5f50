import cluster, { type Worker } from 'node:cluster';

/**
 * Restart delay after the n-th quick death in a row (ms): 1 s doubling to 30 s, so a worker that crashes at start
 * (a bad build, a full disk) does not spin the machine; a worker that lived a minute starts again at once.
 */
export function restartDelay(quickDeaths: number): number {
  return quickDeaths <= 0 ? 0 : Math.min(30_000, 1_000 * 2 ** (quickDeaths - 1));
}

/** A worker that lived at least this long before dying is restarted at once and its slot's backoff reset (ms). */
const HEALTHY_AFTER_MS = 60_000;
/** How long SIGTERM waits for workers to finish their requests and exit before killing them (ms). */
const DRAIN_MS = 10_000;

/**
 * The primary of `WORKERS=N npm start`: forks `count` workers running `exec` with `args` (they share the listening
 * port through node:cluster), restarts a worker that dies (with backoff, see restartDelay), and on SIGTERM/SIGINT tells every
 * worker to drain and exits once they have (or after DRAIN_MS). Resolves once every worker is listening.
 */
export function runPrimary(exec: string, count: number, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<void> {
  cluster.setupPrimary({ exec, args });
  let stopping = false;
  const quick = new Map<number, number>();
  const fork = (slot: number): Worker => {
    const bornAt = Date.now();
    const worker = cluster.fork({ ...env, WORKER_SLOT: String(slot) });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      const deaths = Date.now() - bornAt >= HEALTHY_AFTER_MS ? 0 : (quick.get(slot) ?? 0) + 1;
      quick.set(slot, deaths);
      const delay = restartDelay(deaths);
      console.error(`[cluster] worker ${slot} (pid ${worker.process.pid}) exited (${signal ?? code}); restarting in ${delay} ms`);
      setTimeout(() => !stopping && fork(slot), delay);
    });
    return worker;
  };
  const workers = Array.from({ length: count }, (_, slot) => fork(slot));

  const stop = () => {
    if (stopping) return;
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    for (const w of alive) w.process.kill('SIGTERM');
    const force = setTimeout(() => {
      for (const w of alive) if (!w.isDead()) w.process.kill('SIGKILL');
    }, DRAIN_MS).unref();
    void Promise.all(alive.map((w) => new Promise((r) => (w.isDead() ? r(null) : w.once('exit', r))))).then(() => {
      clearTimeout(force);
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);

  return Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => {
    w.once('listening', () => resolve());
    w.once('exit', (code) => reject(new Error(`worker exited with code ${code} before listening`)));
  }))).then(() => undefined);
}
