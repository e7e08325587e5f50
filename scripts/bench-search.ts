/**
 * npm run bench:search — search quality and speed on this machine, straight against the database (no server):
 * 1. a fresh database with the demo firms plus bench firms up to BENCH_HALLS (1000) halls and BENCH_PRODUCTS
 *    (10000) products (scripts/bench-site/bulk.ts); the time to build the normalised index for all of them;
 * 2. per query class of the relevance set (content/demo/search-relevance.ts): precision@3 of its must-find firms
 *    among all those firms, and the latency of the directory search (searchDirectory, fallbacks included) — each
 *    query run ROUNDS (20) times, never memoised, so every run is what a query nobody asked before costs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { migrateDb, openDb } from '../api/db/client.ts';
import { refreshSearchIndex } from '../api/db/queries/search-index.ts';
import { evaluateRelevance } from '../api/db/queries/search-relevance.ts';
import { searchDirectory } from '../api/public/queries/directory.ts';
import { demoFirms } from '../content/demo/firms.ts';
import { RELEVANCE_SET, type RelevanceClass } from '../content/demo/search-relevance.ts';
import { seedBulk } from './bench-site/bulk.ts';
import { insertDemoFirm } from './seed/insert.ts';

const HALLS = Number(process.env.BENCH_HALLS ?? 1000);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'qianqi-bench-search-'));
  const db = await openDb(`file:${join(dir, 'platform.db')}`);
  try {
    await migrateDb(db);
    await db.transaction(async (tx) => {
      for (const [n, firm] of demoFirms.entries()) await insertDemoFirm(tx, firm, n, new Map(), new Date(), 'bench');
    });
    await seedBulk(db, HALLS, PRODUCTS);
    const [docs] = await db.all<{ n: number }>(sql`SELECT count(*) AS n FROM search_pending`);
    let t0 = performance.now();
    await refreshSearchIndex(db);
    const build = performance.now() - t0;
    console.log(`索引构建 Index build: ${docs?.n} documents (${HALLS} halls, ~${PRODUCTS} products) in ${(build / 1000).toFixed(2)} s`);
    // One firm edits its name: the next search folds that one document in first.
    await db.run(sql`UPDATE enterprises SET name = name WHERE id = 1`);
    t0 = performance.now();
    await searchDirectory(db, { q: '轴承' }, { offset: 0, limit: 24 });
    console.log(`编辑后首次检索 First search after a firm's edit: ${(performance.now() - t0).toFixed(1)} ms`);

    const quality = await evaluateRelevance(db);
    const rows = [];
    for (const kind of Object.keys(RELEVANCE_SET) as RelevanceClass[]) {
      const times: number[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        for (const { query } of RELEVANCE_SET[kind]) {
          const t = performance.now();
          await searchDirectory(db, { q: query }, { offset: 0, limit: 24 });
          times.push(performance.now() - t);
        }
      }
      times.sort((a, b) => a - b);
      const own = quality.filter((o) => o.kind === kind);
      const found = own.filter((o) => o.rank !== null).length;
      rows.push({
        class: kind,
        queries: own.length,
        'precision@3': (found / own.length).toFixed(2),
        'p50 ms': pct(times, 50).toFixed(1),
        'p99 ms': pct(times, 99).toFixed(1),
        'max ms': times[times.length - 1]!.toFixed(1),
      });
    }
    console.log(`\n检索质量与耗时 Relevance and directory search latency (${ROUNDS} runs per query, in-process, no memo; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}):`);
    console.table(rows);
    const misses = quality.filter((o) => o.rank === null);
    if (misses.length) {
      console.log('Not in the top 3 among the bench firms:');
      for (const m of misses) console.log(`  ${m.kind} ${m.query} → ${m.top.join(', ')}`);
    }
  } finally {
    db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
