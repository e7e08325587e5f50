/**
 * npm run bench:load — the platform under a realistic mix, with 1 and with 2 worker processes on one database,
 * printed side by side. Loopback only; bounded; stops by itself.
 *
 * Per configuration (`--workers 1,2`): a fresh data dir seeded with the demo (DEMO_REGISTER_FIRMS default, panoramas
 * at DEMO_PANORAMA_WIDTH, default 1024 so seeding is quick), served by `scripts/serve.ts` with WORKERS=N from the
 * bench's own build; then for `--duration` seconds (LOAD_DURATION, default 60):
 * - 200 visitors (`--visitors`) split over route classes — home, directory with searches, hall pages, hall JSON,
 *   tiles, job and product pages — each sending `--pace` requests per second (default 1: people read and look
 *   around between requests; a hall visitor's burst of tiles and a page reader's pause average out near that). Each
 *   visitor is its own autocannon instance with one keep-alive connection, started at a random moment of the first
 *   second: autocannon paces a connection by whole seconds, so visitors sharing an instance would all send at the
 *   same instant, a burst no crowd of people makes. `--pace 0`: closed loop instead, one instance per class, each
 *   connection sending its next request when the last is answered — a saturation test. Every response's time is
 *   kept and p50/p95/p99 per class are computed here (nearest rank);
 * - lead forms at a low rate (1 per second) with harvested form tokens and varied X-Forwarded-For addresses
 *   (TRUST_PROXY=loopback), as from many visitors;
 * - 20 firm editors (`--editors`) signed in through the API, each saving a hotspot (create, then delete) every
 *   ~2 s and a product listing every ~6 s;
 * - 300 open live streams (`--streams`) on the demo halls. Each response carries X-Worker (BENCH_WORKER_HEADER=1,
 *   bench only), so for every edit the bench knows which streams are on the saving process and which on the other;
 *   an edit is "seen" by a stream that gets a change event whose time lies in the edit's request window, and the
 *   delay is from that time (the commit) to the event's arrival.
 * Then, with the editors, leads and streams stopped, `--saturate` seconds (default 20) of cached public pages (home,
 * directory with searches, hall pages — served from the pages' memo) in a closed loop over the same connections: the
 * throughput the second process buys, and the servers' CPU time per request (from /proc) — the capacity the
 * processes would have if the load generator, which shares the two cores here, ran on another machine.
 * Prints requests/s, p50/p95/p99 per class, errors (non-2xx/3xx, timeouts), live-update reach and delay on the same
 * and the other process, and the servers' peak RSS; plus the load average, since other work on the machine skews it.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { loadavg, cpus } from 'node:os';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { demoFirms } from '../content/demo/firms.ts';
import { signInAsFirm, type FirmApi } from '../site/e2e/firm-api.ts';
import { buildInto, seedDemo, spawnLogged, stopChild } from './lib/bench-server.ts';
import { freePort, waitUntilUp } from './lib/port.ts';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: process.env.LOAD_DURATION ?? '60' },
    workers: { type: 'string', default: process.env.LOAD_WORKERS ?? '1,2' },
    visitors: { type: 'string', default: '200' },
    editors: { type: 'string', default: '20' },
    streams: { type: 'string', default: '300' },
    /** Requests per second each visitor sends (a whole number; open loop); 0: closed loop. */
    pace: { type: 'string', default: '1' },
    /** Seconds of the closed-loop phase on cached public pages (0: skip). */
    saturate: { type: 'string', default: process.env.LOAD_SATURATE ?? '20' },
  },
});
const DURATION_S = Number(args.duration);
/** Seconds of load before measuring starts: the load generator starting its visitors, the processes' first renders. */
const WARMUP_S = 5;
const VISITORS = Number(args.visitors);
const EDITORS = Number(args.editors);
const STREAMS = Number(args.streams);
const PACE = Math.round(Number(args.pace));
const SATURATE_S = Number(args.saturate);
const ROOT = join(import.meta.dirname, '..');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Route classes and their share of the visitors. */
const CLASSES = ['home', 'directory', 'hall page', 'hall JSON', 'tiles', 'job/product'] as const;
type RouteClass = (typeof CLASSES)[number];
const SHARE: Record<RouteClass, number> = { home: 0.15, directory: 0.15, 'hall page': 0.2, 'hall JSON': 0.2, tiles: 0.15, 'job/product': 0.15 };

interface Result {
  workers: number;
  rps: Record<RouteClass | 'all', number>;
  lat: Record<RouteClass, { p50: number; p95: number; p99: number; n: number }>;
  errors: number;
  non2xx: Record<string, number>;
  leads: Record<string, number>;
  edits: number;
  editErrors: number;
  reach: { same: [number, number]; other: [number, number] };
  delay: { same: number[]; other: number[] };
  rssMb: number;
  streamsOpen: Record<string, number>;
  cached?: Saturation;
}

/** The closed-loop phase on cached public pages. */
interface Saturation {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Server CPU time (user + system, every process and thread) per request, ms. */
  cpuMsPerRequest: number;
  /** Of which on the processes' main (JavaScript) threads, ms — the part one process cannot spread over cores. */
  mainMsPerRequest: number;
  /** Cores the server kept busy (CPU seconds per second). */
  coresBusy: number;
}

/** The processes of a server: the one started and its children (cluster workers). */
function processTree(pid: number): number[] {
  try {
    return [pid, ...readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number)];
  } catch {
    return [pid];
  }
}

/** user + system clock ticks (10 ms) in a /proc stat line: the 12th and 13th fields after the command name. */
function statTicks(path: string): number {
  try {
    const rest = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
    return Number(rest[11]) + Number(rest[12]);
  } catch {
    return 0; // exited
  }
}

/**
 * CPU seconds the server has used so far: every process with all its threads (GC helpers, libuv's pool compressing
 * responses), and the processes' main threads alone. The primary of a cluster only accepts connections; it counts
 * in `all` and, as a main thread, in `main`.
 */
function cpuSeconds(pid: number): { all: number; main: number } {
  let all = 0;
  let main = 0;
  for (const p of processTree(pid)) {
    all += statTicks(`/proc/${p}/stat`);
    main += statTicks(`/proc/${p}/task/${p}/stat`);
  }
  return { all: all / 100, main: main / 100 };
}

/** Peak summed RSS (MB) of a process and its children, sampled from /proc every second. */
function rssSampler(pid: number) {
  let peak = 0;
  const read = (p: number) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const timer = setInterval(() => {
    peak = Math.max(peak, processTree(pid).reduce((s, p) => s + read(p), 0) / 1024);
  }, 1000);
  return { stop: () => (clearInterval(timer), peak) };
}

async function text(base: string, path: string): Promise<string> {
  const res = await fetch(base + path);
  return res.text();
}

/** What the load needs to know about the seeded site: hall slugs, tile URLs, job and product ids. */
async function discover(base: string) {
  const halls = (await (await fetch(`${base}/api/halls?pageSize=100`)).json()) as { items: { slug: string }[] };
  // The first 100 published halls plus the demo firms' own (published ones answer 200).
  const candidates = [...new Set([...demoFirms.map((f) => f.slug), ...halls.items.map((h) => h.slug)])];
  const slugs: string[] = [];
  const tiles: string[] = [];
  for (const slug of candidates) {
    const res = await fetch(`${base}/api/halls/${slug}`);
    if (res.status !== 200) continue;
    slugs.push(slug);
    const hall = (await res.json()) as { scenes: { manifestUrl: string }[] };
    for (const s of hall.scenes.slice(0, 2)) {
      const dir = s.manifestUrl.replace(/manifest\.json$/, '');
      const m = (await (await fetch(base + s.manifestUrl)).json()) as { faceOrder?: string[]; preview: { url: string }; tileUrl: string; levels: { index: number; tiles: number }[] };
      tiles.push(dir + m.preview.url);
      for (const face of ['f', 'r', 'b', 'l', 'u', 'd']) tiles.push(dir + m.tileUrl.replace('{level}', '0').replace('{face}', face).replace('{y}', '0').replace('{x}', '0'));
    }
  }
  const products = [...new Set([...(await text(base, '/products')).matchAll(/href="\/products\/(\d+)"/g)].map((m) => Number(m[1])))];
  const jobs = [...new Set([...(await text(base, '/jobs')).matchAll(/href="\/jobs\/(\d+)"/g)].map((m) => Number(m[1])))];
  return { slugs, tiles, products, jobs };
}

function pathsFor(cls: RouteClass, site: Awaited<ReturnType<typeof discover>>): string[] {
  const q = ['轴承', '纺织', '食品', '机械', '招聘', 'bearing', '临清', '化工'];
  switch (cls) {
    case 'home':
      return ['/'];
    case 'directory':
      return ['/halls', ...q.map((w) => `/halls?q=${encodeURIComponent(w)}`)];
    case 'hall page':
      return site.slugs.map((s) => `/halls/${s}`);
    case 'hall JSON':
      return site.slugs.map((s) => `/api/halls/${s}`);
    case 'tiles':
      return site.tiles;
    case 'job/product':
      return [...site.products.slice(0, 20).map((id) => `/products/${id}`), ...site.jobs.slice(0, 20).map((id) => `/jobs/${id}`)];
  }
}

interface Stream {
  slug: string;
  worker: string;
  events: { at: number; received: number }[];
  req: ReturnType<typeof httpRequest>;
}

function openStream(base: string, slug: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}/api/halls/${slug}/live`, { headers: { Accept: 'text/event-stream' } }, (res: IncomingMessage) => {
      const stream: Stream = { slug, worker: String(res.headers['x-worker'] ?? '?'), events: [], req };
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (!block.includes('event: change')) continue;
          const data = /data: (.*)/.exec(block)?.[1];
          if (data) stream.events.push({ at: (JSON.parse(data) as { at: number }).at, received: Date.now() });
        }
      });
      res.on('error', () => undefined);
      resolve(stream);
    });
    req.on('error', reject);
    req.end();
  });
}

interface Edit {
  slug: string;
  worker: string;
  t0: number;
  t1: number;
}

async function runEditor(base: string, slug: string, until: number, edits: Edit[], errors: { n: number; samples: string[] }, index: number): Promise<void> {
  let firm: FirmApi;
  try {
    firm = await signInAsFirm(base, slug);
  } catch (err) {
    errors.n += 1;
    errors.samples.push(`sign-in: ${err instanceof Error ? err.message.slice(0, 160) : String(err)}`);
    return;
  }
  const hallRes = await firm.call('GET', '/hall');
  const productsRes = await firm.call('GET', '/products');
  if (hallRes.status !== 200 || productsRes.status !== 200) {
    errors.n += 1;
    errors.samples.push(`editor start: GET /hall ${hallRes.status} ${(await hallRes.text()).slice(0, 120)}; GET /products ${productsRes.status}`);
    return;
  }
  const hall = (await hallRes.json()) as { scenes: { id: number }[] };
  const products = (await productsRes.json()) as { id: number; name: string }[];
  const sceneId = hall.scenes[0]?.id;
  let round = 0;
  await sleep((index * 2000) / EDITORS);
  while (Date.now() < until && sceneId) {
    round += 1;
    const t0 = Date.now();
    const res = await firm.call('POST', `/hall/scenes/${sceneId}/hotspots`, { kind: 'info', yaw: (index * 17 + round) % 180, pitch: 0, label: `压测 ${index}-${round}`, body: '—' });
    const t1 = Date.now();
    if (res.status !== 201) {
      errors.n += 1;
      errors.samples.push(`POST hotspot ${res.status} ${(await res.text()).slice(0, 120)}`);
    } else {
      edits.push({ slug, worker: res.headers.get('x-worker') ?? '?', t0, t1 });
      const { id } = (await res.json()) as { id: number };
      await sleep(1000);
      const d0 = Date.now();
      const del = await firm.call('DELETE', `/hall/hotspots/${id}`);
      if (del.status !== 200) errors.n += 1;
      else edits.push({ slug, worker: del.headers.get('x-worker') ?? '?', t0: d0, t1: Date.now() });
      await del.text();
    }
    if (round % 3 === 0 && products[0]) {
      const p0 = Date.now();
      const put = await firm.call('PATCH', `/products/${products[0].id}`, { name: products[0].name });
      if (put.status >= 400) errors.n += 1;
      else edits.push({ slug, worker: put.headers.get('x-worker') ?? '?', t0: p0, t1: Date.now() });
      await put.text();
    }
    await sleep(1000);
  }
}

/** Form tokens for `n` lead forms, read from product pages as a browser would (forms need ≥ 3 s to fill). */
async function harvestForms(base: string, productIds: number[], n: number): Promise<{ id: number; started: string }[]> {
  const forms: { id: number; started: string }[] = [];
  for (let i = 0; i < n && productIds.length; i++) {
    const id = productIds[i % productIds.length]!;
    const started = /name="started" value="([^"]+)"/.exec(await text(base, `/products/${id}`))?.[1];
    if (started) forms.push({ id, started });
  }
  return forms;
}

/** Lead forms at ~1/s from many addresses (X-Forwarded-For, trusted from loopback), each with its own token. */
async function runLeads(base: string, forms: { id: number; started: string }[], until: number, counts: Record<string, number>): Promise<void> {
  let i = 0;
  while (Date.now() < until && i < forms.length) {
    const f = forms[i]!;
    i += 1;
    const body = new URLSearchParams({ started: f.started, website: '', name: `访客${i}`, phone: `1380000${String(i).padStart(4, '0')}`, organisation: '', message: `压测询价 ${i}`, consent: 'on' });
    const res = await fetch(`${base}/products/${f.id}`, {
      method: 'POST',
      body,
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: base, 'X-Forwarded-For': `100.64.${i % 250}.${(i % 200) + 1}` },
    });
    counts[res.status] = (counts[res.status] ?? 0) + 1;
    await res.text();
    await sleep(1000);
  }
}

async function runConfig(workers: number, work: string): Promise<Result> {
  const dataDir = join(work, `data-${workers}`);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DEMO: '1',
    DEMO_PANORAMA_WIDTH: process.env.DEMO_PANORAMA_WIDTH ?? '1024',
    PUBLIC_URL: base,
    WORKERS: String(workers),
    TRUST_PROXY: 'loopback',
    BENCH_WORKER_HEADER: '1',
  };
  console.log(`\n— ${workers} worker(s): seeding the demo…`);
  await seedDemo(env);
  const server = spawnLogged([join(ROOT, 'scripts', 'serve.ts'), join(work, 'dist')], env, work);
  try {
    await waitUntilUp(`${base}/api/health`, server.child, server.log, 300_000);
    await sleep(1000);
    const site = await discover(base);
    // Editors need a firm account and viewers must watch the halls being edited: the 12 demo firms (the cohort halls of
    // the demo's selection rounds belong to register firms without portal accounts; visitors still browse them all).
    const liveSlugs = site.slugs.filter((slug) => demoFirms.some((f) => f.slug === slug));
    if (liveSlugs.length === 0) throw new Error('no demo firm hall among the published halls');
    // Warm every worker's renderer and memo a little, as a running site would be.
    for (let i = 0; i < 4 * workers; i++) for (const cls of CLASSES) for (const p of pathsFor(cls, site).slice(0, 5)) await (await fetch(base + p)).arrayBuffer();

    const forms = await harvestForms(base, site.products, DURATION_S + 5);
    const streams: Stream[] = [];
    for (let i = 0; i < STREAMS; i++) streams.push(await openStream(base, liveSlugs[i % liveSlugs.length]!));
    const streamsOpen: Record<string, number> = {};
    for (const s of streams) streamsOpen[s.worker] = (streamsOpen[s.worker] ?? 0) + 1;
    console.log(`  ${streams.length} live streams open (per worker: ${JSON.stringify(streamsOpen)}); ${WARMUP_S} s of warm-up, then ${DURATION_S} s of load…`);

    const rss = rssSampler(server.child.pid!);
    const measureFrom = Date.now() + WARMUP_S * 1000;
    const until = measureFrom + DURATION_S * 1000;
    const answered = Object.fromEntries(CLASSES.map((c) => [c, 0])) as Record<RouteClass, number>;
    const edits: Edit[] = [];
    const editErrors = { n: 0, samples: [] as string[] };
    const leadCounts: Record<string, number> = {};
    const latencies = Object.fromEntries(CLASSES.map((c) => [c, [] as number[]])) as Record<RouteClass, number[]>;
    const non2xx: Record<string, number> = {};
    let errors = 0;
    const run = (cls: RouteClass, paths: string[], options: Partial<autocannon.Options>, delayMs = 0) =>
      sleep(delayMs).then(
        () =>
          new Promise<{ cls: RouteClass; result: autocannon.Result }>((resolve, reject) => {
            const inst = autocannon({ url: base, duration: (until - Date.now()) / 1000, timeout: 10, ...options, requests: paths.map((path) => ({ method: 'GET', path, headers: { 'Accept-Encoding': 'br, gzip' } })) });
            inst.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
              if (status >= 400) non2xx[`${cls} ${status}`] = (non2xx[`${cls} ${status}`] ?? 0) + 1;
              if (Date.now() < measureFrom) return;
              answered[cls] += 1;
              latencies[cls].push(ms);
            });
            inst.on('done', (result: autocannon.Result) => resolve({ cls, result }));
            inst.on('error', reject);
          }),
      );
    const instances = CLASSES.flatMap((cls) => {
      const paths = pathsFor(cls, site);
      const visitors = Math.max(1, Math.round(VISITORS * SHARE[cls]));
      if (PACE <= 0) return [run(cls, paths, { connections: visitors })];
      // One instance per visitor, each starting on its own page of the class and at its own moment.
      return Array.from({ length: visitors }, (_, v) => {
        const from = v % paths.length;
        return run(cls, [...paths.slice(from), ...paths.slice(0, from)], { connections: 1, connectionRate: PACE } as Partial<autocannon.Options>, Math.random() * 1000);
      });
    });
    const slugsForEditors = liveSlugs;
    const editorsDone = Promise.all(Array.from({ length: EDITORS }, (_, i) => runEditor(base, slugsForEditors[i % slugsForEditors.length]!, until, edits, editErrors, i)));
    const leadsDone = runLeads(base, forms, until, leadCounts);
    const results = await Promise.all(instances);
    await Promise.all([editorsDone, leadsDone]);
    await sleep(2000); // let the last live events arrive
    const rssMb = rss.stop();
    for (const s of streams) s.req.destroy();

    const rps = { all: 0 } as Result['rps'];
    const lat = {} as Result['lat'];
    rps.all = 0;
    for (const cls of CLASSES) {
      rps[cls] = answered[cls] / DURATION_S;
      rps.all += rps[cls];
    }
    for (const { result } of results) errors += result.errors + result.timeouts;
    for (const cls of CLASSES) {
      const sorted = latencies[cls].sort((a, b) => a - b);
      lat[cls] = { p50: pct(sorted, 50), p95: pct(sorted, 95), p99: pct(sorted, 99), n: sorted.length };
    }
    errors += Object.values(non2xx).reduce((a, b) => a + b, 0);

    const reach = { same: [0, 0] as [number, number], other: [0, 0] as [number, number] };
    const delay = { same: [] as number[], other: [] as number[] };
    for (const e of edits) {
      for (const s of streams) {
        if (s.slug !== e.slug) continue;
        const side = s.worker === e.worker ? 'same' : 'other';
        reach[side][1] += 1;
        const hit = s.events.find((ev) => ev.at >= e.t0 && ev.at <= e.t1);
        if (hit) {
          reach[side][0] += 1;
          delay[side].push(hit.received - hit.at);
        }
      }
    }
    if (editErrors.samples.length) console.log(`  editor errors (first 5): ${editErrors.samples.slice(0, 5).join(' | ')}`);
    const cached = SATURATE_S > 0 ? await saturate(base, site, server.child.pid!) : undefined;
    return { workers, rps, lat, errors, non2xx, leads: leadCounts, edits: edits.length, editErrors: editErrors.n, reach, delay, rssMb, streamsOpen, cached };
  } finally {
    await stopChild(server.child);
  }
}

/** Closed loop on cached public pages (home, directory, hall pages) for SATURATE_S seconds, nothing else running. */
async function saturate(base: string, site: Awaited<ReturnType<typeof discover>>, pid: number): Promise<Saturation> {
  console.log(`  ${SATURATE_S} s of cached public pages, closed loop…`);
  const paths = [...pathsFor('home', site), ...pathsFor('directory', site), ...pathsFor('hall page', site)];
  // Warm the memo of every page on every process first.
  for (let i = 0; i < 6; i++) for (const path of paths) await (await fetch(base + path, { headers: { 'Accept-Encoding': 'br, gzip' } })).arrayBuffer();
  const times: number[] = [];
  let bad = 0;
  const cpu0 = cpuSeconds(pid);
  const inst = autocannon({ url: base, connections: VISITORS, duration: SATURATE_S, timeout: 10, requests: paths.map((path) => ({ method: 'GET', path, headers: { 'Accept-Encoding': 'br, gzip' } })) });
  inst.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
    times.push(ms);
    if (status >= 400) bad += 1;
  });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    inst.on('done', resolve);
    inst.on('error', reject);
  });
  const cpu1 = cpuSeconds(pid);
  const n = Math.max(1, result.requests.total);
  times.sort((a, b) => a - b);
  return {
    rps: result.requests.total / SATURATE_S,
    p50: pct(times, 50),
    p99: pct(times, 99),
    errors: bad + result.errors + result.timeouts,
    cpuMsPerRequest: (1000 * (cpu1.all - cpu0.all)) / n,
    mainMsPerRequest: (1000 * (cpu1.main - cpu0.main)) / n,
    coresBusy: (cpu1.all - cpu0.all) / SATURATE_S,
  };
}

function printTable(results: Result[]): void {
  const cols = results.map((r) => `${r.workers} worker${r.workers > 1 ? 's' : ''}`);
  const rows: [string, ...string[]][] = [];
  const f = (n: number) => (Number.isFinite(n) ? String(Math.round(n)) : '—');
  rows.push(['requests/s, all classes', ...results.map((r) => f(r.rps.all))]);
  for (const c of CLASSES) rows.push([`${c}: req/s · p50/p95/p99 ms`, ...results.map((r) => `${f(r.rps[c])} · ${f(r.lat[c].p50)}/${f(r.lat[c].p95)}/${f(r.lat[c].p99)}`)]);
  rows.push(['errors (non-2xx/3xx, timeouts)', ...results.map((r) => `${r.errors}${Object.keys(r.non2xx).length ? ' ' + JSON.stringify(r.non2xx) : ''}`)]);
  rows.push(['lead forms (status: count)', ...results.map((r) => JSON.stringify(r.leads))]);
  rows.push(['edits saved (failed)', ...results.map((r) => `${r.edits} (${r.editErrors})`)]);
  rows.push(['live streams per worker', ...results.map((r) => JSON.stringify(r.streamsOpen))]);
  const share = (x: [number, number]) => (x[1] ? `${((100 * x[0]) / x[1]).toFixed(1)} % of ${x[1]}` : '—');
  rows.push(['edit seen, viewer on same process', ...results.map((r) => share(r.reach.same))]);
  rows.push(['edit seen, viewer on other process', ...results.map((r) => share(r.reach.other))]);
  const d = (x: number[]) => {
    const s = [...x].sort((a, b) => a - b);
    return s.length ? `${f(pct(s, 50))} / ${f(pct(s, 95))} ms` : '—';
  };
  rows.push(['delay same process p50 / p95', ...results.map((r) => d(r.delay.same))]);
  rows.push(['delay other process p50 / p95', ...results.map((r) => d(r.delay.other))]);
  rows.push(['server RSS, peak sum (MB)', ...results.map((r) => f(r.rssMb))]);
  if (results.every((r) => r.cached)) {
    const first = results[0]!.cached!;
    rows.push([`cached public pages, closed loop ${SATURATE_S} s: req/s`, ...results.map((r) => `${f(r.cached!.rps)} (${(r.cached!.rps / first.rps).toFixed(2)}× ${results[0]!.workers} worker${results[0]!.workers > 1 ? 's' : ''})`)]);
    rows.push(['  p50 / p99 ms · errors', ...results.map((r) => `${f(r.cached!.p50)} / ${f(r.cached!.p99)} · ${r.cached!.errors}`)]);
    rows.push(['  server CPU ms per request (main threads)', ...results.map((r) => `${r.cached!.cpuMsPerRequest.toFixed(2)} (${r.cached!.mainMsPerRequest.toFixed(2)})`)]);
    rows.push([`  cores busy: server (of ${cpus().length}; the rest: load generator, idle)`, ...results.map((r) => r.cached!.coresBusy.toFixed(2))]);
    // Reasoned, not run: N processes can use N main threads and every core; the generator here takes its share.
    const capacity = (r: Result) => Math.min((r.workers * 1000) / r.cached!.mainMsPerRequest, (cpus().length * 1000) / r.cached!.cpuMsPerRequest);
    rows.push([`  reasoned capacity, generator on another machine, req/s`, ...results.map((r) => `${f(capacity(r))} (${(capacity(r) / capacity(results[0]!)).toFixed(2)}×)`)]);
  }
  const w0 = Math.max(...rows.map((r) => r[0].length));
  const wc = cols.map((_, i) => Math.max(cols[i]!.length, ...rows.map((r) => r[i + 1]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(w0) : c.padEnd(wc[i - 1]!))).join(' | ');
  console.log('\n' + line(['', ...cols]));
  console.log(line(['-'.repeat(w0), ...wc.map((w) => '-'.repeat(w))]));
  for (const r of rows) console.log(line(r));
}

async function main(): Promise<void> {
  const configs = args.workers.split(',').map(Number);
  const work = mkdtempSync(join(tmpdir(), 'qianqi-bench-load-'));
  const loadBefore = loadavg()[0]!;
  try {
    buildInto(work);
    const results: Result[] = [];
    for (const w of configs) results.push(await runConfig(w, work));
    printTable(results);
    console.log(`\n${DURATION_S} s per configuration; ${VISITORS} visitors${PACE > 0 ? ` each sending ${PACE} request${PACE > 1 ? 's' : ''}/s at its own moment (open loop; ${VISITORS * PACE} requests/s in all)` : ' each sending as fast as answered (closed loop)'}, ${EDITORS} editors, ${STREAMS} live streams; ${cpus().length} cores; load average before ${loadBefore.toFixed(1)}, after ${loadavg()[0]!.toFixed(1)} (other work on the machine makes these figures pessimistic).`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : String(err));
    process.exit(1);
  },
);
