import { Agent, request } from 'node:http';

export interface LoadResult {
  label: string;
  requests: number;
  errors: number;
  /** Status codes other than 200, with counts. */
  statuses: Record<string, number>;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
}

/** Keeps `concurrency` keep-alive GETs in flight for `seconds`; latencies in ms. A bounded loop, no extra tool. */
export async function load(label: string, url: string, seconds: number, concurrency = 16): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const statuses: Record<string, number> = {};
  const end = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = request(url, { agent }, (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          if (res.statusCode !== 200) {
            errors++;
            statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
          }
          latencies.push(performance.now() - t0);
          resolve();
        });
      });
      req.on('error', (err) => {
        errors++;
        statuses[err.message] = (statuses[err.message] ?? 0) + 1;
        resolve();
      });
      req.end();
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) await one();
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? NaN;
  return { label, requests: latencies.length, errors, statuses, rps: latencies.length / elapsed, p50: pct(50), p90: pct(90), p99: pct(99) };
}
