/**
 * Part of `npm run bench:admin` — the services at scale: 50,000 requests (three years, every state) and 20,000
 * visits over 2,000 fictional firms served by the ten demo teams, then server-side timings (in-process requests
 * through the real API app, session and scope included) beside the targets: the request board under many
 * filters as the bureau, a county officer and an expert, and the overdue list. Not a test. `--requests N` changes
 * the size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, inArray, isNotNull } from 'drizzle-orm';
import { createApi } from '../api/app.ts';
import { sessionCookieName } from '../api/auth/cookies.ts';
import { hashPassword } from '../api/auth/passwords.ts';
import { createSession } from '../api/auth/sessions.ts';
import { loadConfig } from '../api/config.ts';
import type { AppContext } from '../api/context.ts';
import { migrateDb, openDb } from '../api/db/client.ts';
import { experts, serviceRequestEvents, serviceRequests, serviceTeamFirms, serviceTeamMembers, serviceTeams, serviceVisits, users } from '../api/db/schema/index.ts';
import { todayInChina } from '../api/lib/dates.ts';
import { LiveHub } from '../api/live/hub.ts';
import { createMailSender } from '../api/mail/index.ts';
import { PanoramaJobRunner } from '../api/panorama-jobs/runner.ts';
import { insertDemoRegister } from './seed/register-insert.ts';
import { DEMO_EXPERT_EMAIL, insertDemoServicePool } from './seed/service-pool-insert.ts';
import { generateServices } from './seed/services-demo.ts';

const argIndex = process.argv.indexOf('--requests');
const REQUESTS = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 50_000;
const VISITS = Math.round(REQUESTS * 0.4);
const FIRMS = 2_000;
const ROUNDS = 15;

const BOARD_QUERIES = [
  '',
  'state=new',
  'state=open',
  'state=in_service&team={T}',
  'team={T}',
  'county=linqing',
  'action=management',
  'item=lean_production&state=resolved',
  'expert={E}',
  'reopened=1',
  'overdue=1&team={T}',
  'state=awaiting_confirmation&county=guanxian',
  'sort=due&state=assigned',
  'sort=-created',
  'page=200',
  'q=换型',
  'q=测试&county=chiping',
];

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
async function timeIt<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const out = await fn();
  return [performance.now() - start, out];
}
const chunks = <T>(rows: T[], size: number): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, i * size + size));

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qianqi-bench-services-'));
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: '0' });
  const db = await openDb(config.databaseUrl);
  await migrateDb(db);
  const ctx: AppContext = { config, db, mediaDir: join(dataDir, 'media'), panoramaJobs: new PanoramaJobRunner(db, join(dataDir, 'uploads'), join(dataDir, 'media')), live: new LiveHub(), mail: createMailSender(db, config) };
  const today = todayInChina();
  const rows: [string, string, string, string][] = [];
  try {
    const [seedMs] = await timeIt(async () => {
      await db.transaction((tx) => insertDemoRegister(tx, FIRMS, today, 'not-a-login-hash'));
      await db.transaction((tx) => insertDemoServicePool(tx));
      const firms = await db.select({ id: serviceTeamFirms.enterpriseId, teamId: serviceTeamFirms.teamId }).from(serviceTeamFirms);
      const pool = await db.select({ id: experts.id, teamId: serviceTeamMembers.teamId, specialties: experts.specialties }).from(serviceTeamMembers).innerJoin(experts, eq(experts.id, serviceTeamMembers.expertId));
      const owners = await db.select({ id: users.id, enterpriseId: users.enterpriseId }).from(users).where(isNotNull(users.enterpriseId));
      const demo = generateServices({ firms, experts: pool, ownerOf: new Map(owners.map((o) => [o.enterpriseId!, o.id])), staffId: null, today, count: REQUESTS }, 'bench');
      // Exactly VISITS visits: the generated ones, repeated a month apart when there are too few.
      const visits = Array.from({ length: VISITS }, (_, i) => {
        const v = demo.visits[i % demo.visits.length]!;
        const lap = Math.floor(i / demo.visits.length);
        return lap === 0 ? v : { ...v, row: { ...v.row, date: new Date(Date.parse(`${v.row.date}T00:00:00Z`) - lap * 30 * 86_400_000).toISOString().slice(0, 10) } };
      });
      await db.transaction(async (tx) => {
        const ids: number[] = [];
        for (const batch of chunks(demo.requests, 500)) ids.push(...(await tx.insert(serviceRequests).values(batch).returning({ id: serviceRequests.id })).map((r) => r.id));
        for (const batch of chunks(demo.events, 1000)) await tx.insert(serviceRequestEvents).values(batch.map((e) => ({ ...e.row, requestId: ids[e.request]! })));
        for (const batch of chunks(visits, 500)) await tx.insert(serviceVisits).values(batch.map((v) => ({ ...v.row, requestId: v.request === null ? null : ids[v.request]! })));
      });
    });
    rows.push([`seed ${FIRMS.toLocaleString('en')} firms, ${REQUESTS.toLocaleString('en')} requests with history, ${VISITS.toLocaleString('en')} visits`, `${(seedMs / 1000).toFixed(1)} s`, '', '']);

    const [team] = await db.select({ id: serviceTeams.id }).from(serviceTeams).where(eq(serviceTeams.number, 3));
    const [expertRow] = await db.select({ id: experts.id, userId: experts.userId }).from(experts).innerJoin(users, eq(users.id, experts.userId)).where(eq(users.email, DEMO_EXPERT_EMAIL));
    const passwordHash = await hashPassword('bench-only-password');
    const [bureau] = await db.insert(users).values({ email: 'bench-bureau@example.org', displayName: 'bench', role: 'bureau', passwordHash }).returning();
    // Staff sessions need a second factor outside demo mode.
    // The demo county officer and expert act here outside demo mode: make them ordinary accounts of this throwaway database.
    await db.update(users).set({ totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: new Date(), demo: false }).where(inArray(users.role, ['bureau', 'county', 'expert']));
    const [county] = await db.select().from(users).where(inArray(users.email, ['linqing@demo.qianqi.example']));
    Object.assign(bureau!, (await db.select().from(users).where(eq(users.id, bureau!.id)))[0]);
    const [expertUser] = await db.select().from(users).where(eq(users.id, expertRow!.userId!));
    const api = createApi(ctx);
    const as = async (user: typeof bureau) => {
      const { token } = await createSession(db, user!, 'bench');
      return async (path: string) => {
        const res = await api.request(path, { headers: { cookie: `${sessionCookieName(config)}=${token}` } });
        if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
        return res.json() as Promise<{ total: number }>;
      };
    };
    const fill = (q: string) => q.replace('{T}', String(team!.id)).replace('{E}', String(expertRow!.id));
    for (const [who, user] of [['bureau', bureau], ['county officer (临清)', county], ['expert (team 3)', expertUser]] as const) {
      const get = await as(user);
      const all: number[] = [];
      let slowest = { query: '', p95: 0 };
      for (const query of BOARD_QUERIES) {
        const times: number[] = [];
        for (let i = 0; i < ROUNDS; i++) times.push((await timeIt(() => get(`/admin/requests?${fill(query)}`)))[0]);
        times.sort((a, b) => a - b);
        all.push(...times);
        if (quantile(times, 0.95) > slowest.p95) slowest = { query: query || '(no filter)', p95: quantile(times, 0.95) };
      }
      all.sort((a, b) => a - b);
      const p95 = quantile(all, 0.95);
      rows.push([`request board as ${who}, ${BOARD_QUERIES.length} filters × ${ROUNDS}: p50 / p95`, `${quantile(all, 0.5).toFixed(1)} / ${p95.toFixed(1)} ms`, 'p95 ≤ 100 ms', p95 <= 100 ? 'met' : 'MISSED']);
      rows.push([`  slowest filter: ${slowest.query}`, `p95 ${slowest.p95.toFixed(1)} ms`, '', '']);
      const overdue: number[] = [];
      let total = 0;
      for (let i = 0; i < 30; i++) {
        const [ms, body] = await timeIt(() => get('/admin/requests?overdue=1'));
        overdue.push(ms);
        total = body.total;
      }
      overdue.sort((a, b) => a - b);
      rows.push([`  overdue list (${total.toLocaleString('en')} overdue), 30 runs: p50 / max`, `${quantile(overdue, 0.5).toFixed(1)} / ${overdue.at(-1)!.toFixed(1)} ms`, '≤ 100 ms', overdue.at(-1)! <= 100 ? 'met' : 'MISSED']);
    }
    const get = await as(bureau);
    const calendar: number[] = [];
    for (let i = 0; i < 15; i++) calendar.push((await timeIt(() => get(`/admin/visits?from=${today.slice(0, 4)}-01-01&to=${today}`)))[0]);
    calendar.sort((a, b) => a - b);
    rows.push(['visit calendar, this year, all teams (≤ 2,000 rows, clash flags): p50 / p95', `${quantile(calendar, 0.5).toFixed(1)} / ${quantile(calendar, 0.95).toFixed(1)} ms`, '', '']);
  } finally {
    await ctx.panoramaJobs.idle();
    db.$client.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nbench:admin (services) — ${REQUESTS.toLocaleString('en')} requests, ${VISITS.toLocaleString('en')} visits, server time in-process, load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores\n`);
  console.log(`${'measure'.padEnd(width)}  ${'result'.padEnd(18)}  ${'target'.padEnd(14)}  status`);
  for (const [what, result, target, status] of rows) console.log(`${what.padEnd(width)}  ${result.padEnd(18)}  ${target.padEnd(14)}  ${status}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
