/**
 * Part of `npm run bench:admin` — the programme dashboard and the annual report at ten times the city's size:
 * 10,000 fictional firms with five fiscal years of data, their title ledger, five cohorts of 200 firms with halls,
 * a year of daily hall visits per firm and 20,000 leads, the demo's plans and targets. Server time in-process (the
 * real API app, session and scope included) for the dashboard's reads and its server-rendered SVG charts, and the
 * report's PDF through the system Chromium. Also 50,000 service requests (about 70 % confirmed solved), 20,000 visits,
 * 5,000 training attendances of 4,000 people and 4,000 service outcomes over the five years, as the issue sizes it.
 * Prints a table beside the issue's targets; not a test. `--firms N` changes the size.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createApi } from '../api/app.ts';
import { publishReport } from '../api/admin/reports/store.ts';
import { INDICATORS } from '../api/admin/targets/indicators/index.ts';
import type { TargetProgress } from '../api/admin/targets/progress.ts';
import { countiesTable, yearsTable } from '../api/admin/targets/tables.ts';
import { sessionCookieName } from '../api/auth/cookies.ts';
import { hashPassword } from '../api/auth/passwords.ts';
import { createSession } from '../api/auth/sessions.ts';
import { loadConfig } from '../api/config.ts';
import type { AppContext } from '../api/context.ts';
import { migrateDb, openDb } from '../api/db/client.ts';
import { plans, users } from '../api/db/schema/index.ts';
import { todayInChina } from '../api/lib/dates.ts';
import { LiveHub } from '../api/live/hub.ts';
import { createMailSender } from '../api/mail/index.ts';
import { PanoramaJobRunner } from '../api/panorama-jobs/runner.ts';
import { barChartSvg } from '../api/reports/charts.ts';
import { tableHtml } from '../api/reports/render.ts';
import { tileMapHtml } from '../api/reports/tile-map.ts';
import { insertEvaluationDemo } from './seed/evaluation-demo.ts';
import { insertDemoRegister } from './seed/register-insert.ts';
import { closePdfBrowser } from '../api/lib/pdf.ts';

const argIndex = process.argv.indexOf('--firms');
const FIRMS = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 10_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
async function timeIt<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const out = await fn();
  return [performance.now() - start, out];
}

/** Five fiscal years (the register has three; two earlier ones are copied back), cohorts, halls, visits and leads. */
async function volume(db: AppContext['db'], today: string): Promise<void> {
  const last = Number(today.slice(0, 4)) - 1;
  await db.run(sql`insert into enterprise_years (enterprise_id, fiscal_year, revenue, main_revenue, rd_spend, employees, total_assets, total_liabilities, sources, version, created_at, updated_at)
    select enterprise_id, fiscal_year - 2, revenue * 0.85, main_revenue * 0.85, rd_spend, employees, total_assets, total_liabilities, '{}', 1, created_at, updated_at
    from enterprise_years where fiscal_year in (${last - 2}, ${last - 1})`);
  for (let i = 0; i < 5; i++) {
    const year = last - 4 + i;
    await db.run(sql`insert or ignore into cohorts (year, title, created_at, updated_at) values (${year}, ${`${year} 年度千企名单`}, 0, 0)`);
    await db.run(sql`insert or ignore into cohort_selections (cohort_id, enterprise_id, created_at, updated_at)
      select (select id from cohorts where year = ${year}), id, 0, 0 from enterprises where id % 50 = ${i * 10 % 50} or (id + ${i}) % 50 = 7`);
  }
  await db.run(sql`insert or ignore into halls (enterprise_id, status, tagline, created_at, updated_at)
    select enterprise_id, case when enterprise_id % 9 = 0 then 'draft' else 'published' end, '', 0, 0 from cohort_selections group by enterprise_id`);
  // One row per hall per day of the last year (the analytics' grain), and 20,000 leads spread over five years.
  await db.run(sql`with recursive d(n) as (select 0 union all select n + 1 from d where n < 364)
    insert or ignore into visit_counts (day, enterprise_id, kind, scene_id, hotspot_id, count)
    select date(${`${last}-01-01`}, '+' || d.n || ' days'), h.enterprise_id, 'hall_view', 0, 0, 1 + (h.enterprise_id + d.n) % 17 from halls h, d`);
  await db.run(sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000),
      h as (select enterprise_id, row_number() over (order by enterprise_id) - 1 as rn from halls),
      c as (select count(*) as total from halls)
    insert into leads (enterprise_id, kind, contact_name, message, consent_at, consent_version, status, created_at, updated_at)
    select h.enterprise_id, 'inquiry', '基准测试', '', 0, 'v1', 'new', ${Date.UTC(last - 4, 0, 1)} + (n.i * 7919 % 1826) * 86400000, 0
    from n, c join h on h.rn = n.i % c.total`);
  await serviceVolume(db, last);
}

/** 50,000 requests with their first contact, 20,000 visits, 5,000 attendances (4,000 people, 60 events) and 4,000 outcomes over five years. */
async function serviceVolume(db: AppContext['db'], last: number): Promise<void> {
  const day0 = Date.UTC(last - 4, 0, 1);
  const firms = sql`(select count(*) from enterprises)`;
  await db.run(sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 50000)
    insert into service_requests (enterprise_id, support_action, title, description, state, state_since, resolved_at, rating, created_at, updated_at)
    select 1 + (n.i * 7919) % ${firms}, 'srdi_upgrade', '基准诉求 ' || n.i, '—',
      case when n.i % 10 < 7 then 'resolved' else 'in_service' end,
      ${day0} + (n.i * 104729 % 1826) * 86400000,
      case when n.i % 10 < 7 then ${day0} + (n.i * 104729 % 1826) * 86400000 end,
      case when n.i % 10 < 7 then 1 + n.i % 5 end,
      ${day0} + (n.i * 104729 % 1826) * 86400000, 0
    from n`);
  // Every request was contacted (the dashboard's time to first contact): 0–4 days after filing.
  await db.run(sql`insert into service_request_events (request_id, from_state, to_state, note, priority, at)
    select id, 'assigned', 'contacted', '', 0, created_at + (id % 5) * 86400000 from service_requests`);
  await db.run(sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000)
    insert into service_visits (enterprise_id, status, basis, date, created_at, updated_at)
    select 1 + (n.i * 6151) % ${firms}, case when n.i % 8 = 0 then 'planned' else 'done' end, 'request',
      date(${`${last - 4}-01-01`}, '+' || (n.i * 389 % 1826) || ' days'), 0, 0
    from n`);
  await db.run(sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 60)
    insert into training_events (track, title, starts_on, ends_on, created_at, updated_at)
    select case n.i % 3 when 0 then 'digital_commissioner' when 1 then 'management_exemplar' else 'management_training' end,
      '基准培训 ' || n.i, date(${`${last - 4}-03-01`}, '+' || (n.i * 30) || ' days'), date(${`${last - 4}-03-02`}, '+' || (n.i * 30) || ' days'), 0, 0
    from n`);
  await db.run(sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 4000)
    insert into trainees (mobile, name, enterprise_id, created_at, updated_at)
    select '139' || printf('%08d', n.i), '学员' || n.i, 1 + (n.i * 31) % ${firms}, 0, 0 from n`);
  await db.run(sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 5000)
    insert or ignore into training_attendances (event_id, trainee_id, enterprise_id, attended, completed, created_at, updated_at)
    select (select min(id) from training_events) + (n.i * 13) % 60, (select min(id) from trainees) + (n.i - 1) % 4000,
      1 + (((n.i - 1) % 4000 + 1) * 31) % ${firms}, 1, n.i % 5 <> 0, 0, 0
    from n`);
  await db.run(sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 4000)
    insert into service_outcomes (enterprise_id, type, value, achieved_on, description, verified_at, created_at, updated_at)
    select 1 + (n.i * 2731) % ${firms}, 'financing', 100, date(${`${last - 4}-01-01`}, '+' || (n.i * 577 % 1826) || ' days'), '基准成果',
      case when n.i % 3 <> 0 then 1 end, 0, 0
    from n`);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'qianqi-bench-dashboard-'));
  const config = loadConfig({ DATA_DIR: dataDir, DEMO: '0' });
  const db = await openDb(config.databaseUrl);
  await migrateDb(db);
  const ctx: AppContext = { config, db, mediaDir: join(dataDir, 'media'), panoramaJobs: new PanoramaJobRunner(db, join(dataDir, 'uploads'), join(dataDir, 'media')), live: new LiveHub(), mail: createMailSender(db, config) };
  const today = todayInChina();
  const rows: [string, string, string, string][] = [];
  try {
    const [seedMs] = await timeIt(async () => {
      await db.transaction((tx) => insertDemoRegister(tx, FIRMS, today, 'not-a-login-hash'));
      await volume(db, today);
      await db.transaction((tx) => insertEvaluationDemo(tx, today));
    });
    rows.push([`seed ${FIRMS.toLocaleString('en')} firms × 5 years, ledger, cohorts, a year of visits, 20,000 leads, 50,000 requests, 5,000 attendances, plans`, `${(seedMs / 1000).toFixed(1)} s`, '', '']);

    const [bureau] = await db.insert(users).values({ email: 'bench-bureau@example.org', displayName: 'bench', role: 'bureau', passwordHash: await hashPassword('bench-only-password'), totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: new Date() }).returning();
    const { token } = await createSession(db, bureau!, 'bench');
    const api = createApi(ctx);
    const cookie = `${sessionCookieName(config)}=${token}`;
    const get = async (path: string) => {
      const res = await api.request(path, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
      return res;
    };
    const allPlans = await db.select().from(plans);
    const queries = allPlans.flatMap((p) => [`plan=${p.id}`, `plan=${p.id}&year=${p.startYear + 1}`, `plan=${p.id}&county=linqing`, `plan=${p.id}&year=${p.endYear}&county=chiping`]);

    for (const indicator of INDICATORS) {
      const t: number[] = [];
      for (let r = 0; r < 5; r++) t.push((await timeIt(() => indicator.rows(db, allPlans[1]!)))[0]);
      t.sort((a, b) => a - b);
      rows.push([`  indicator ${indicator.code}: rows() median of 5`, `${t[2]!.toFixed(0)} ms`, '', '']);
    }

    // What the dashboard page does on the server: plans, targets, three SVG charts, the tile map and two tables.
    const dashboard = async (q: string) => {
      await (await get('/admin/targets/plans')).json();
      const { items } = (await (await get(`/admin/targets?${q}`)).json()) as { items: TargetProgress[] };
      const plan = allPlans.find((p) => q.startsWith(`plan=${p.id}`))!;
      const years = Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i);
      const titled = items.filter((i) => i.section === 'titles');
      barChartSvg({ categories: titled.map((i) => i.name.zh), series: [{ name: '目标', data: titled.map((i) => i.target ?? 0) }, { name: '累计', data: titled.map((i) => i.cumulative) }], width: 760, height: 300, label: 'bench', horizontal: true });
      barChartSvg({ categories: years.map(String), series: titled.slice(0, 4).map((i) => ({ name: i.name.zh, data: years.map((y) => i.byYear[y] ?? 0) })), width: 760, height: 300, label: 'bench' });
      tileMapHtml({ label: 'bench', values: items[0]!.byCounty, lang: 'zh' });
      tableHtml('a', countiesTable(items, 'zh'));
      tableHtml('b', yearsTable(items, years, 'zh'));
    };
    for (const p of allPlans) {
      const [coldMs] = await timeIt(() => dashboard(`plan=${p.id}`));
      rows.push([`dashboard, first request of plan ${p.code} (heavy counters not yet memoised)`, `${coldMs.toFixed(0)} ms`, '', '']);
    }
    const times: number[] = [];
    for (let r = 0; r < ROUNDS; r++) for (const q of queries) times.push((await timeIt(() => dashboard(q)))[0]);
    times.sort((a, b) => a - b);
    const p95 = quantile(times, 0.95);
    rows.push([`dashboard server time (targets API + SVG charts + tables), ${queries.length} views × ${ROUNDS}, memo warm: p50 / p95`, `${quantile(times, 0.5).toFixed(0)} / ${p95.toFixed(0)} ms`, 'p95 ≤ 300 ms', p95 <= 300 ? 'met' : 'MISSED']);

    const apiTimes: number[] = [];
    for (let r = 0; r < ROUNDS; r++) for (const q of queries) apiTimes.push((await timeIt(async () => (await get(`/admin/targets?${q}`)).json()))[0]);
    apiTimes.sort((a, b) => a - b);
    rows.push(['GET /api/admin/targets alone: p50 / p95', `${quantile(apiTimes, 0.5).toFixed(0)} / ${quantile(apiTimes, 0.95).toFixed(0)} ms`, '', '']);

    const [drillMs] = await timeIt(async () => (await get(`/admin/targets/hall_visits/drill?plan=${allPlans[1]!.id}`)).json());
    rows.push(['drill-down of the largest list (firms with hall visits)', `${drillMs.toFixed(0)} ms`, '', '']);

    const [publishMs] = await timeIt(() => db.transaction((tx) => publishReport(tx, { kind: 'annual', year: 2024, plan: allPlans[1]!, note: '', userId: bureau!.id })));
    rows.push(['publish a year (compute the figures, freeze the snapshot)', `${publishMs.toFixed(0)} ms`, '', '']);

    const [pdfMs, pdfRes] = await timeIt(async () => (await get('/admin/reports/2025.pdf')).arrayBuffer());
    rows.push([`annual report PDF (published 2025, system Chromium), ${(pdfRes.byteLength / 1024).toFixed(0)} KiB`, `${(pdfMs / 1000).toFixed(1)} s`, '≤ 30 s', pdfMs <= 30_000 ? 'met' : 'MISSED']);
    const [draftMs] = await timeIt(async () => (await get('/admin/reports/2026.pdf')).arrayBuffer());
    rows.push(['draft report PDF (live figures computed, then printed)', `${(draftMs / 1000).toFixed(1)} s`, '≤ 30 s', draftMs <= 30_000 ? 'met' : 'MISSED']);
  } finally {
    await closePdfBrowser();
    await ctx.panoramaJobs.idle();
    db.$client.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nbench:dashboard — ${FIRMS.toLocaleString('en')} firms, server time in-process, load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores\n`);
  console.log(`${'measure'.padEnd(width)}  ${'result'.padEnd(14)}  ${'target'.padEnd(14)}  status`);
  for (const [what, result, target, status] of rows) console.log(`${what.padEnd(width)}  ${result.padEnd(14)}  ${target.padEnd(14)}  ${status}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
