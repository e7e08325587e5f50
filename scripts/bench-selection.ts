/**
 * Part of `npm run bench:admin` — the yearly selection at ten times its size: 2,000 applications, each scored by 5
 * drawn experts, in a fresh file database. Server time in-process through the real API app (session and scope
 * included) for the ranking within quotas, the round's board (its counts and first page of applications) and
 * reviewer drift; then the public notice page /selection/<year> (HTML) from the built server (`dist/`, run
 * `node scripts/ensure-build.ts` first) with 200 firms on the proposed list and 200 on last year's final list.
 * Prints a table beside the targets; not a test. `--applications N` changes the size.
 */
import { spawn } from 'node:child_process';
import { and, eq, lte } from 'drizzle-orm';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApi } from '../api/app.ts';
import { sessionCookieName } from '../api/auth/cookies.ts';
import { createSession } from '../api/auth/sessions.ts';
import { loadConfig } from '../api/config.ts';
import type { AppContext } from '../api/context.ts';
import { migrateDb, openDb } from '../api/db/client.ts';
import { enterprises, experts, selectionApplications, selectionReviews, selectionRounds, users } from '../api/db/schema/index.ts';
import { COUNTIES } from '../api/domain/program.ts';
import { HALL_RUBRIC } from '../api/domain/selection.ts';
import { withCheckChar } from '../api/domain/credit-code.ts';
import { aggregate, weightedTotal } from '../api/admin/selection/scoring.ts';
import { LiveHub } from '../api/live/hub.ts';
import { createMailSender } from '../api/mail/index.ts';
import { PanoramaJobRunner } from '../api/panorama-jobs/runner.ts';
import { freePort, waitUntilUp } from './lib/port.ts';

const argIndex = process.argv.indexOf('--applications');
const APPS = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 2_000;
const EXPERTS = 40;
const PANEL = 5;
const ROUNDS = 30;

const chunks = <T>(rows: T[], size: number): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function times(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

/** mulberry32, so every run scores the same. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qianqi-bench-selection-'));
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: '0' });
  const db = await openDb(config.databaseUrl);
  await migrateDb(db);
  const ctx: AppContext = { config, db, mediaDir: join(dataDir, 'media'), panoramaJobs: new PanoramaJobRunner(db, join(dataDir, 'uploads'), join(dataDir, 'media')), live: new LiveHub(), mail: createMailSender(db, config) };
  const rows: [string, string, string, string][] = [];
  const random = prng(2026);
  let server: ReturnType<typeof spawn> | null = null;
  try {
    const seedStart = performance.now();
    const year = 2026;
    let roundId = 0;
    let lastRoundId = 0;
    await db.transaction(async (tx) => {
      const firmRows = Array.from({ length: APPS + 200 }, (_, i) => ({
        creditCode: withCheckChar(`91371500MA${String(2_000_000 + i).slice(-7)}`),
        name: `基准测试企业${i + 1}有限公司`,
        slug: `bench-firm-${i + 1}`,
        county: COUNTIES[i % COUNTIES.length]!,
        industry: 'bearings' as const,
        sizeClass: 'small' as const,
      }));
      const firmIds: number[] = [];
      for (const b of chunks(firmRows, 500)) firmIds.push(...(await tx.insert(enterprises).values(b).returning({ id: enterprises.id })).map((r) => r.id));
      const expertIds: number[] = [];
      for (let e = 0; e < EXPERTS; e++) {
        const [u] = await tx.insert(users).values({ email: `bench-expert-${e}@example.org`, displayName: `专家${e}`, role: 'expert' }).returning({ id: users.id });
        const [x] = await tx.insert(experts).values({ name: `专家${e}`, userId: u!.id, status: 'active' }).returning({ id: experts.id });
        expertIds.push(x!.id);
      }
      const timeline = { applyFrom: `${year}-03-01`, applyTo: `${year}-04-30`, countyDue: `${year}-05-20`, cityDue: `${year}-06-10`, expertDue: `${year}-07-10`, noticeFrom: `${year}-11-02` };
      const [round] = await tx.insert(selectionRounds).values({ year, kind: 'hall', title: `${year}年度千企在线展馆遴选`, quota: 200, areaQuotas: { linqing: 30, chiping: 30 }, timeline, rubric: HALL_RUBRIC, state: 'review' }).returning();
      roundId = round!.id;
      const apps = await Promise.all(
        chunks(firmIds.slice(0, APPS), 500).map(async (b) => tx.insert(selectionApplications).values(b.map((id, i) => ({ roundId, enterpriseId: id, origin: 'applied' as const, state: 'expert_review' as const, county: firmRows[firmIds.indexOf(id)]!.county, data: { name: `基准测试企业`, statement: '申报说明'.repeat(20) }, freeNoticeConfirmed: true, drawSeed: `bench-${i}` }))).returning({ id: selectionApplications.id })),
      );
      for (const b of chunks(apps.flat(), 200)) {
        const reviews = b.flatMap((a, k) => {
          const quality = 50 + random() * 45;
          return Array.from({ length: PANEL }, (_, j) => {
            const scores = Object.fromEntries(HALL_RUBRIC.indicators.map((ind) => [ind.key, Math.round(Math.max(0, Math.min(100, quality + (random() - 0.5) * 20)))]));
            return { applicationId: a.id, expertId: expertIds[(a.id * 7 + j * 11 + k) % EXPERTS]!, scores, total: weightedTotal(HALL_RUBRIC, scores), submittedAt: new Date() };
          });
        });
        await tx.insert(selectionReviews).values(reviews).onConflictDoNothing();
        for (const a of b) {
          const totals = reviews.filter((r) => r.applicationId === a.id).map((r) => r.total);
          await tx.update(selectionApplications).set(aggregate(totals, 20)).where(eqId(a.id));
        }
      }
      // The public page: 200 on this year's notice, last year's final list of 200.
      await tx.update(selectionApplications).set({ state: 'notice' }).where(eqIdsBelow(roundId, apps.flat()[199]!.id));
      await tx.update(selectionRounds).set({ state: 'notice' }).where(eqRound(roundId));
      const [last] = await tx.insert(selectionRounds).values({ year, kind: 'title', tier: 'srdi', level: 'provincial', title: `${year}年省级专精特新推荐`, quota: 200, timeline: { ...timeline, noticeFrom: `${year}-08-03` }, rubric: HALL_RUBRIC, state: 'closed' }).returning();
      lastRoundId = last!.id;
      await tx.insert(selectionApplications).values(firmIds.slice(APPS).map((id, i) => ({ roundId: lastRoundId, enterpriseId: id, origin: 'nominated' as const, state: 'recommended' as const, county: firmRows[APPS + i]!.county })));
    });
    rows.push([`seed ${APPS.toLocaleString('en')} applications × ${PANEL} expert scores`, `${((performance.now() - seedStart) / 1000).toFixed(1)} s`, '', '']);

    const [bureau] = await db.insert(users).values({ email: 'bench-bureau@example.org', displayName: 'bench', role: 'bureau', totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: new Date() }).returning();
    const { token } = await createSession(db, bureau!, 'bench');
    const api = createApi(ctx);
    const get = async (path: string) => {
      const res = await api.request(path, { headers: { cookie: `${sessionCookieName(config)}=${token}` } });
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
      return res.json();
    };
    const ranked = ((await get(`/admin/rounds/${roundId}/ranking`)) as { items: unknown[] }).items.length;
    const ranking = await times(ROUNDS, () => get(`/admin/rounds/${roundId}/ranking`));
    rows.push([`ranking ${ranked.toLocaleString('en')} scored applications (of ${APPS.toLocaleString('en')}; 200 already on the notice) within quota + area quotas: p50 / p95`, `${quantile(ranking, 0.5).toFixed(1)} / ${quantile(ranking, 0.95).toFixed(1)} ms`, 'p95 ≤ 200 ms', quantile(ranking, 0.95) <= 200 ? 'met' : 'MISSED']);
    const board = await times(ROUNDS, () => Promise.all([get(`/admin/rounds/${roundId}`), get(`/admin/rounds/${roundId}/applications?limit=300`)]));
    rows.push([`round board (counts by state + first 300 applications): p50 / p95`, `${quantile(board, 0.5).toFixed(1)} / ${quantile(board, 0.95).toFixed(1)} ms`, 'p95 ≤ 150 ms', quantile(board, 0.95) <= 150 ? 'met' : 'MISSED']);
    const drift = await times(10, () => get(`/admin/rounds/${roundId}/drift`));
    rows.push([`reviewer drift over ${(APPS * PANEL).toLocaleString('en')} scores: p50 / p95`, `${quantile(drift, 0.5).toFixed(1)} / ${quantile(drift, 0.95).toFixed(1)} ms`, '', '']);

    if (existsSync('dist/server')) {
      const port = await freePort();
      let log = '';
      server = spawn(process.execPath, ['scripts/start.ts'], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
      server.stdout!.on('data', (d) => (log += d));
      server.stderr!.on('data', (d) => (log += d));
      await waitUntilUp(`http://127.0.0.1:${port}/api/health`, server, () => log, 120_000);
      const url = `http://127.0.0.1:${port}/selection/${year}`;
      const first = await fetch(url);
      if (first.status !== 200) throw new Error(`${url}: HTTP ${first.status}`);
      const page = await times(200, async () => (await fetch(url)).text());
      rows.push([`public notice page /selection/${year} (HTML, 400 firms listed), 200 requests: p50 / p95`, `${quantile(page, 0.5).toFixed(1)} / ${quantile(page, 0.95).toFixed(1)} ms`, 'p95 ≤ 50 ms', quantile(page, 0.95) <= 50 ? 'met' : 'MISSED']);
    } else {
      rows.push(['public notice page: no dist/ (run node scripts/ensure-build.ts)', 'skipped', 'p95 ≤ 50 ms', '—']);
    }
  } finally {
    if (server) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    await ctx.panoramaJobs.idle();
    db.$client.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nbench:admin (selection) — ${APPS.toLocaleString('en')} applications, load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores\n`);
  console.log(`${'measure'.padEnd(width)}  ${'result'.padEnd(18)}  ${'target'.padEnd(14)}  status`);
  for (const [what, result, target, status] of rows) console.log(`${what.padEnd(width)}  ${result.padEnd(18)}  ${target.padEnd(14)}  ${status}`);
}

const eqId = (id: number) => eq(selectionApplications.id, id);
const eqIdsBelow = (roundId: number, maxId: number) => and(eq(selectionApplications.roundId, roundId), lte(selectionApplications.id, maxId));
const eqRound = (id: number) => eq(selectionRounds.id, id);

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
