/**
 * `npm run bench:admin` — the bureau workspace at ten times the city's size: 10,000 fictional firms with three
 * fiscal years of data and their title ledger in a fresh file database, then server-side timings (in-process
 * requests through the real API app, session and scope included) printed as a table beside the targets:
 * register list under many filter combinations, the dossier, the pre-evaluation of every firm. Not a test.
 * `--firms N` changes the size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../api/app.ts';
import { refreshPreEvaluations } from '../api/admin/register/pre-evaluations.ts';
import { sessionCookieName } from '../api/auth/cookies.ts';
import { hashPassword } from '../api/auth/passwords.ts';
import { createSession } from '../api/auth/sessions.ts';
import { loadConfig } from '../api/config.ts';
import type { AppContext } from '../api/context.ts';
import { migrateDb, openDb } from '../api/db/client.ts';
import { refreshSearchIndex } from '../api/db/queries/search-index.ts';
import { enterprises, users } from '../api/db/schema/index.ts';
import { todayInChina } from '../api/lib/dates.ts';
import { LiveHub } from '../api/live/hub.ts';
import { createMailSender } from '../api/mail/index.ts';
import { PanoramaJobRunner } from '../api/panorama-jobs/runner.ts';
import { insertDemoRegister } from './seed/register-insert.ts';

const argIndex = process.argv.indexOf('--firms');
const FIRMS = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 10_000;
const ROUNDS = 15;

/** Filter combinations a bureau uses, from none to several at once, with and without search. */
const LIST_QUERIES = [
  '',
  'county=linqing',
  'industry=bearings',
  'tier=srdi',
  'tier=srdi&level=provincial&county=chiping',
  'title=review_due',
  'title=expired',
  'title=none&size=medium',
  'data=incomplete',
  'candidate=srdi-2022',
  'hall=none&industry=cables',
  'sort=-revenue',
  'sort=-revenue&county=dongchangfu&tier=innovative',
  'page=40',
  'q=轴承',
  'q=精密轴承&county=linqing',
  'q=zhoucheng',
  'q=91371581MA',
  'q=1581MA',
  'q=阿膠&industry=ejiao_tcm',
  'tier=gazelle&title=current&data=complete&sort=-updated',
];

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function timeIt<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const out = await fn();
  return [performance.now() - start, out];
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qianqi-bench-admin-'));
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: '0' });
  const db = await openDb(config.databaseUrl);
  await migrateDb(db);
  const ctx: AppContext = { config, db, mediaDir: join(dataDir, 'media'), panoramaJobs: new PanoramaJobRunner(db, join(dataDir, 'uploads'), join(dataDir, 'media')), live: new LiveHub(), mail: createMailSender(db, config) };
  const today = todayInChina();
  const rows: [string, string, string, string][] = [];
  try {
    const [seedMs] = await timeIt(() => db.transaction((tx) => insertDemoRegister(tx, FIRMS, today, 'not-a-login-hash')));
    const [indexMs] = await timeIt(() => refreshSearchIndex(db));
    rows.push([`seed ${FIRMS.toLocaleString('en')} firms × 3 years + ledger + stored pre-evaluations`, `${(seedMs / 1000).toFixed(1)} s`, '', '']);
    rows.push(['search index build (pinyin, traditional → simplified)', `${(indexMs / 1000).toFixed(1)} s`, '', '']);

    const ids = (await db.select({ id: enterprises.id }).from(enterprises)).map((r) => r.id);
    const [refreshMs] = await timeIt(() => db.transaction((tx) => refreshPreEvaluations(tx, ids, today)));
    rows.push([`pre-evaluation of all ${ids.length.toLocaleString("en")} firms (last year, every rule set), stored`, `${(refreshMs / 1000).toFixed(2)} s`, '≤ 5 s', refreshMs <= 5000 ? 'met' : 'MISSED']);

    const [bureau] = await db.insert(users).values({ email: 'bench-bureau@example.org', displayName: 'bench', role: 'bureau', passwordHash: await hashPassword('bench-only-password'), totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: new Date() }).returning();
    const { token } = await createSession(db, bureau!, 'bench');
    const api = createApi(ctx);
    const get = async (path: string) => {
      const res = await api.request(path, { headers: { cookie: `${sessionCookieName(config)}=${token}` } });
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
      return res.json();
    };

    const listTimes: number[] = [];
    let slowest = { query: '', p95: 0 };
    for (const query of LIST_QUERIES) {
      const times: number[] = [];
      for (let i = 0; i < ROUNDS; i++) times.push((await timeIt(() => get(`/admin/enterprises?${query}`)))[0]);
      times.sort((a, b) => a - b);
      listTimes.push(...times);
      const p95 = quantile(times, 0.95);
      if (p95 > slowest.p95) slowest = { query: query || '(no filter)', p95 };
    }
    listTimes.sort((a, b) => a - b);
    const listP95 = quantile(listTimes, 0.95);
    rows.push([`register list, ${LIST_QUERIES.length} filter combinations × ${ROUNDS}: p50 / p95`, `${quantile(listTimes, 0.5).toFixed(1)} / ${listP95.toFixed(1)} ms`, 'p95 ≤ 100 ms', listP95 <= 100 ? 'met' : 'MISSED']);
    rows.push([`  slowest combination: ${slowest.query}`, `p95 ${slowest.p95.toFixed(1)} ms`, '', '']);

    const dossierTimes: number[] = [];
    for (let i = 0; i < 200; i++) dossierTimes.push((await timeIt(() => get(`/admin/enterprises/${ids[(i * 7919) % ids.length]}`)))[0]);
    dossierTimes.sort((a, b) => a - b);
    const dossierP95 = quantile(dossierTimes, 0.95);
    rows.push(['dossier (一企一档), 200 firms: p50 / p95', `${quantile(dossierTimes, 0.5).toFixed(1)} / ${dossierP95.toFixed(1)} ms`, 'p95 ≤ 100 ms', dossierP95 <= 100 ? 'met' : 'MISSED']);

    const preTimes: number[] = [];
    for (let i = 0; i < 100; i++) preTimes.push((await timeIt(() => get(`/admin/enterprises/${ids[(i * 104729) % ids.length]}/pre-evaluation`)))[0]);
    preTimes.sort((a, b) => a - b);
    rows.push(['one firm’s pre-evaluation (all rule sets), 100 firms: p50 / p95', `${quantile(preTimes, 0.5).toFixed(1)} / ${quantile(preTimes, 0.95).toFixed(1)} ms`, '', '']);

    const [idsMs, all] = await timeIt(() => get('/admin/enterprises/ids'));
    rows.push([`select all across pages (${(all as { total: number }).total.toLocaleString('en')} ids)`, `${idsMs.toFixed(1)} ms`, '', '']);
    const [exportMs] = await timeIt(async () => (await api.request('/admin/enterprises/export?format=xlsx', { headers: { cookie: `${sessionCookieName(config)}=${token}` } })).arrayBuffer());
    rows.push([`export every firm to XLSX`, `${(exportMs / 1000).toFixed(2)} s`, '', '']);
  } finally {
    await ctx.panoramaJobs.idle();
    db.$client.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nbench:admin — ${FIRMS.toLocaleString('en')} firms, server time in-process, load ${(await import('node:os')).loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores\n`);
  console.log(`${'measure'.padEnd(width)}  ${'result'.padEnd(18)}  ${'target'.padEnd(14)}  status`);
  for (const [what, result, target, status] of rows) console.log(`${what.padEnd(width)}  ${result.padEnd(18)}  ${target.padEnd(14)}  ${status}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
