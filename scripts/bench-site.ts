/**
 * npm run bench:site — the public site's quality and speed on this machine:
 * 1. starts the real server on a fresh data dir with the demo firms, then adds bench firms up to BENCH_HALLS
 *    (1000) halls and BENCH_PRODUCTS (10000) products;
 * 2. Lighthouse (mobile) on home, directory, a hall page and a job page → a table of the four scores;
 * 3. throughput and latency (bounded keep-alive loop) of hall page SSR, directory, search, job page, against a bare
 *    node:http hello-world started the same way in the same run.
 * SKIP_LIGHTHOUSE=1 skips step 2; BENCH_SECONDS sets each load run's length (default 5).
 * The site is built into the bench's own temp folder (scripts/lib/bench-server.ts): several people share this
 * checkout, and a rebuild of dist/ under a running server breaks its lazily loaded pages mid-run.
 */
import { join } from 'node:path';
import { openDb, type Db } from '../api/db/client.ts';
import { searchDirectory } from '../api/public/queries/directory.ts';
import { seedBulk } from './bench-site/bulk.ts';
import { lighthouse, type LighthouseScores } from './bench-site/lighthouse.ts';
import { load, type LoadResult } from './bench-site/load.ts';
import { spawnLogged, startBenchServer, stopChild } from './lib/bench-server.ts';
import { freePort, waitUntilUp } from './lib/port.ts';

const HALLS = Number(process.env.BENCH_HALLS ?? 1000);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

/** Directory searches straight against the database: the cost of a query nobody asked in the last seconds. */
async function coldSearch(db: Db) {
  const queries = ['轴承', '精密轴承', '阿胶', '电缆', '钢管 聊城', '装配工', '数控', '智能阀门', '纸箱', '环保滤芯', '胶囊', '第7厂'];
  const rows = [];
  for (const q of queries) {
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      total = (await searchDirectory(db, { q }, { offset: 0, limit: 24 })).total;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    rows.push({ query: q, halls: total, 'p50 ms': times[7]!.toFixed(1), 'max ms': times[14]!.toFixed(1) });
  }
  return rows;
}

async function main() {
  const { base, dataDir, stop } = await startBenchServer('site');
  const hello = await freePort();
  const bare = spawnLogged(['-e', `require('node:http').createServer((q,s)=>s.end('hello')).listen(${hello},'127.0.0.1')`], {});
  try {
    const db = await openDb(`file:${join(dataDir, 'platform.db')}`);
    const t0 = Date.now();
    await seedBulk(db, HALLS, PRODUCTS);
    const cold = await coldSearch(db);
    db.$client.close();
    console.log(`已生成 ${HALLS} 个展馆、约 ${PRODUCTS} 个产品 Seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const dir = await (await fetch(`${base}/halls`)).text();
    const hall = /href="(\/halls\/(?!bench)[a-z0-9-]+)"/.exec(dir)?.[1] ?? '/halls/bench-firm-20';
    const jobs = await (await fetch(`${base}/jobs`)).text();
    const job = /href="(\/jobs\/\d+)"/.exec(jobs)?.[1]!;
    const pages: [string, string][] = [['home', '/'], ['directory', '/halls'], ['hall page', hall], ['job page', job]];

    console.log('\n检索耗时 Search query latency, cold (in-process, no memo, one at a time, distinct queries):');
    console.table(cold);

    if (process.env.SKIP_LIGHTHOUSE !== '1') {
      console.log('\nLighthouse (mobile) …');
      const rows: (LighthouseScores & { page: string })[] = [];
      for (const [name, path] of pages) rows.push({ page: `${name} ${path}`, ...lighthouse(base + path) });
      console.table(rows.map(({ failing, ...r }) => r));
      for (const r of rows) if (r.failing) console.log(`  ${r.page}: ${r.failing}`);
    }

    await waitUntilUp(`http://127.0.0.1:${hello}/`, bare.child, bare.log, 300_000);
    console.log(`\n吞吐 Throughput: ${SECONDS} s each, 16 keep-alive connections, ${HALLS} halls / ${PRODUCTS} products`);
    const results: LoadResult[] = [];
    results.push(await load('bare node:http hello', `http://127.0.0.1:${hello}/`, SECONDS));
    for (const [name, path] of pages) results.push(await load(`${name} ${path}`, base + path, SECONDS));
    results.push(await load('search 轴承 (2 chars)', `${base}/halls?q=${encodeURIComponent('轴承')}`, SECONDS));
    results.push(await load('search 精密轴承 (trigram)', `${base}/halls?q=${encodeURIComponent('精密轴承')}`, SECONDS));
    results.push(await load('search 阿胶, 1 connection', `${base}/halls?q=${encodeURIComponent('阿胶')}`, SECONDS, 1));
    results.push(await load('jobs board ?q=装配', `${base}/jobs?q=${encodeURIComponent('装配')}`, SECONDS));
    console.table(
      results.map((r) => ({
        target: r.label,
        'req/s': Math.round(r.rps),
        'p50 ms': r.p50.toFixed(1),
        'p90 ms': r.p90.toFixed(1),
        'p99 ms': r.p99.toFixed(1),
        errors: r.errors ? `${r.errors} ${JSON.stringify(r.statuses)}` : 0,
      })),
    );
  } finally {
    await Promise.all([stop(), stopChild(bare.child)]);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
