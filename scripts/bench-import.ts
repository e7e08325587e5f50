/**
 * Benchmark of the register's spreadsheet import (issue 9: a 10,000-row sheet validated ≤ 10 s and committed
 * ≤ 10 s on this 2-core machine, peak RSS ≤ 400 MB). Not a test; prints a table.
 *
 * The parent makes a migrated file database in a temp dir and a bureau account, then for each kind writes a
 * BENCH_ROWS-row (10,000) .xlsx with write-excel-file and runs one child process per kind, so wall times and peak
 * RSS (maxRSS) are the import's alone (each child run with the server's Node arguments, scripts/lib/server-args.ts, as
 * `npm start` runs; then once more with V8's default young generation, to show what the flag buys): read + validate (readTable → validateSheet →
 * save the batch, as POST /api/admin/imports does) and commit (one transaction, as POST /api/admin/imports/:id/commit
 * does). BENCH_TRACE=1 prints RSS, heap and the peak so far after each stage.
 * Kinds in order, on the same database: enterprises (10,000 new firms), enterprises again (10,000 updates of the
 * contact fields, batched version-guarded UPDATEs), yearly (a fiscal year for each of them,
 * matched by credit code), titles (a provincial 专精特新 list matched by name and area, no credit code).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import writeXlsxFile from 'write-excel-file/node';
import { loadConfig } from '../api/config.ts';
import { migrateDb, openDb, type Db } from '../api/db/client.ts';
import { users } from '../api/db/schema/index.ts';
import { COUNTIES, COUNTY_NAMES } from '../api/domain/program.ts';
import { withCheckChar } from '../api/domain/credit-code.ts';
import { loadBatch } from '../api/admin/register/imports/batches.ts';
import { commitBatch } from '../api/admin/register/imports/commit.ts';
import type { Actor } from '../api/admin/register/imports/declare.ts';
import { IMPORT_SPECS } from '../api/admin/register/imports/kinds/index.ts';
import { saveBatch } from '../api/admin/register/imports/batches.ts';
import { validateSheet } from '../api/admin/register/imports/pipeline.ts';
import { readTable } from '../api/admin/register/imports/sheet.ts';
import { SERVER_V8_FLAGS } from './lib/server-args.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const LIMIT_MS = 10_000;
const LIMIT_RSS_MB = 400;

const code = (i: number) => withCheckChar(`91371500MA${String(1_000_000 + i).slice(-7)}`);
const name = (i: number) => `聊城基准测试${i}号机械有限公司`;
const area = (i: number) => COUNTY_NAMES[COUNTIES[i % COUNTIES.length]!].zh;

function sheetRows(kind: string): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (let i = 0; i < ROWS; i++) {
    if (kind === 'enterprises') out.push([code(i), name(i), area(i), '轴承', i % 3 === 0 ? '中型' : '小型', `联系人${i}`, '0635-1234567']);
    if (kind === 'enterprises-update') out.push([code(i), name(i), area(i), '轴承', i % 3 === 0 ? '中型' : '小型', `新联系人${i}`, '0635-7654321']);
    if (kind === 'yearly') out.push([code(i), 2024, 5000 + i, 4800 + i, 200 + (i % 50), 20 + (i % 9), 120 + (i % 80), 9000 + i, 4000 + i]);
    if (kind === 'titles') out.push([i + 1, name(i).replace('有限公司', '有限责任公司'), area(i), '精密轴承']);
  }
  return out;
}

const HEADINGS: Record<string, string[]> = {
  enterprises: ['统一社会信用代码', '企业名称', '所在县区', '所属行业', '企业规模', '联系人', '联系电话'],
  'enterprises-update': ['统一社会信用代码', '企业名称', '所在县区', '所属行业', '企业规模', '联系人', '联系电话'],
  yearly: ['统一社会信用代码', '年度', '营业收入（万元）', '主营业务收入（万元）', '研发费用（万元）', '研发人员（人）', '从业人员（人）', '资产总额（万元）', '负债总额（万元）'],
  titles: ['序号', '企业名称', '所在县区', '主导产品'],
};
const OPTIONS: Record<string, Record<string, unknown>> = { enterprises: {}, 'enterprises-update': {}, yearly: {}, titles: { tier: 'srdi', level: 'provincial', year: 2025 } };

const mb = (bytes: number) => (bytes / 1048576).toFixed(0);
/** With BENCH_TRACE set: RSS, V8 heap (used / reserved) and the peak RSS so far, to stderr. */
const trace = (stage: string) => {
  if (!process.env.BENCH_TRACE) return;
  const m = process.memoryUsage();
  console.error(`${stage.padEnd(10)} rss ${mb(m.rss)} MB · heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB · peak ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
};

/**
 * Child step 1, as POST /api/admin/imports does: read + validate + save the batch. Its own function so the sheet
 * and the plan are garbage once it returns — in the server, validation and commit are separate requests.
 */
async function validateStep(db: Db, actor: Actor, run: string, file: string) {
  const kind = run.replace('-update', '') as keyof typeof IMPORT_SPECS;
  const spec = IMPORT_SPECS[kind];
  const table = await readTable(readFileSync(file));
  trace('read');
  const plan = await validateSheet(db, actor, spec, table, spec.options.parse(OPTIONS[run]) as Record<string, unknown>);
  trace('validated');
  const stored = await saveBatch(db, actor, kind, file, plan);
  trace('saved');
  return { id: stored.id, spec, errors: plan.errors.length, summary: stored.summary };
}

/** Child: validates and commits one file, prints timings and peak RSS as JSON. */
async function child(databaseUrl: string, run: string, file: string, userId: number) {
  const db = await openDb(databaseUrl);
  const actor: Actor = { id: userId, role: 'bureau', county: null, enterpriseId: null };
  trace('start');
  const t0 = performance.now();
  const { id, spec, errors, summary } = await validateStep(db, actor, run, file);
  const t1 = performance.now();
  const { written } = await commitBatch(db, actor, spec, await loadBatch(db, actor, id));
  const t2 = performance.now();
  trace('committed');
  console.log(JSON.stringify({ validateMs: t1 - t0, commitMs: t2 - t1, written, errors, summary, maxRssKb: process.resourceUsage().maxRSS }));
  db.$client.close();
}

/** Preloaded in every child as `npm start` preloads it in the server (drizzle-orm's imports resolved directly). */
const HOOKS = join(import.meta.dirname, 'lib', 'resolve-hooks.ts');

/** V8 flags the children run with: the server's (npm start), then V8's defaults for comparison. */
const FLAG_SETS: { label: string; flags: string[] }[] = [
  { label: `npm start (${SERVER_V8_FLAGS.join(' ')})`, flags: SERVER_V8_FLAGS },
  { label: 'V8 defaults', flags: [] },
];

/** Runs the three kinds on a fresh database with the given node flags; one table row per kind. */
async function suite({ label, flags }: (typeof FLAG_SETS)[number]) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  try {
    const config = loadConfig({ DATA_DIR: dir, DEMO: '0' });
    const db = await openDb(config.databaseUrl);
    await migrateDb(db);
    const [user] = await db.insert(users).values({ email: 'bench@example.org', displayName: '基准', role: 'bureau', passwordHash: 'x' }).returning();
    db.$client.close();
    const results = [];
    for (const kind of ['enterprises', 'enterprises-update', 'yearly', 'titles']) {
      const file = join(dir, `${kind}.xlsx`);
      const data = [HEADINGS[kind]!, ...sheetRows(kind)].map((row) => row.map((value) => ({ value, type: typeof value === 'number' ? Number : String })));
      writeFileSync(file, await writeXlsxFile(data as never).toBuffer());
      const run = spawnSync(process.execPath, [...flags, '--import', HOOKS, import.meta.filename, '--child', config.databaseUrl, kind, file, String(user!.id)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', process.env.BENCH_TRACE ? 'inherit' : 'pipe'],
      });
      if (run.status !== 0) throw new Error(`${kind}: ${run.stderr}`);
      const r = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
      if (r.errors > 0 || r.written !== ROWS) throw new Error(`${kind}: ${r.errors} errors, ${r.written} written ${JSON.stringify(r.summary)}`);
      const rss = r.maxRssKb / 1024;
      results.push({
        kind,
        'node flags': label,
        rows: ROWS,
        'file KB': Math.round(readFileSync(file).length / 1024),
        'validate s': (r.validateMs / 1000).toFixed(2),
        'commit s': (r.commitMs / 1000).toFixed(2),
        'peak RSS MB': rss.toFixed(0),
        within: r.validateMs <= LIMIT_MS && r.commitMs <= LIMIT_MS && rss <= LIMIT_RSS_MB ? 'yes' : 'NO',
      });
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const results = [];
  for (const set of FLAG_SETS) results.push(...(await suite(set)));
  console.log(`Spreadsheet import, ${ROWS} rows per kind (limits: validate ≤ 10 s, commit ≤ 10 s, peak RSS ≤ ${LIMIT_RSS_MB} MB); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('Children preload scripts/lib/resolve-hooks.ts as npm start does; peak RSS includes the ~160–190 MB a process has after loading the API modules, before reading any file. The limits apply to the npm start rows.');
  console.table(results);
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]!, process.argv[4]!, process.argv[5]!, Number(process.argv[6]));
} else {
  await main();
}
