/**
 * npm run bench:live — how fast a saved edit in the enterprise portal reaches a public hall page that is open in a
 * browser (live updates: server-sent event → the page refetches the hall JSON → React renders the hotspot list).
 *
 * 1. Starts the real site with the demo firms (scripts/lib/bench-server.ts) and opens /halls/<BENCH_SLUG> in headless
 *    system Chromium; starts the 3D viewer with the page's own start button and waits for its live stream to open.
 * 2. BENCH_ROUNDS (20) rounds, signed in as the firm through the API like the portal: create a hotspot with a unique
 *    label, then delete it. Latency = from just before the POST / DELETE is sent until the label is in / out of
 *    `.stage [data-hotspot-id]`. The end time is taken in the page: a MutationObserver on the stage records Date.now()
 *    when the DOM changes, so neither Playwright's polling nor its round trips count. Start (Node) and end (page)
 *    are both Date.now() on this machine's one wall clock: millisecond resolution, for latencies of tens of ms up.
 * 3. The reference, what expo platforms without push do: a client that re-fetches the public hall JSON
 *    (GET /api/halls/<slug>) every 5 s. It really polls, from Node; BENCH_POLL_ROUNDS (5) edits are made at offsets
 *    spread evenly over the 5 s cycle, and latency = from just before the POST until a poll response has the label.
 *
 * Prints p50 / p95 / max (nearest rank) per row and the machine's load average; the live figures include the
 * server's work for the save itself (audit row, commit) and grow on a loaded machine.
 */
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../site/e2e/browser.ts';
import { signInAsFirm as signInWithApi, type FirmApi } from '../site/e2e/firm-api.ts';
import { startBenchServer, type BenchServer } from './lib/bench-server.ts';

const SLUG = process.env.BENCH_SLUG ?? 'hengyun-bearing';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const POLL_ROUNDS = Number(process.env.BENCH_POLL_ROUNDS ?? 5);
const POLL_MS = 5_000;
/** Longer than any live update should take; a round that times out fails the bench. */
const ROUND_TIMEOUT_MS = 15_000;

interface Firm {
  call: FirmApi['call'];
  sceneId: number;
  /** Hotspots this bench created and has not deleted yet (deleted in the end, also after an error). */
  created: Set<number>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Signs in as the firm's demo account through the real API, as the e2e tests do; works on its first scene. */
async function signInAsFirm(base: string, slug: string): Promise<Firm> {
  const { call } = await signInWithApi(base, slug);
  const hall = (await (await call('GET', '/hall')).json()) as { scenes: { id: number }[] };
  return { call, sceneId: hall.scenes[0]!.id, created: new Set() };
}

/** POSTs an info hotspot to the firm's first scene; resolves with its id. */
async function createHotspot(firm: Firm, label: string): Promise<number> {
  const res = await firm.call('POST', `/hall/scenes/${firm.sceneId}/hotspots`, { kind: 'info', yaw: 60, pitch: 5, label, body: 'bench' });
  if (res.status !== 201) throw new Error(`create hotspot: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: number };
  firm.created.add(id);
  return id;
}

async function deleteHotspot(firm: Firm, id: number): Promise<void> {
  const res = await firm.call('DELETE', `/hall/hotspots/${id}`);
  if (res.status !== 200 && res.status !== 404) throw new Error(`delete hotspot ${id}: ${res.status} ${await res.text()}`);
  firm.created.delete(id);
}

/** Opens the hall page, starts the viewer by its button, and resolves once the hotspot list shows and the stream is open. */
async function openHall(browser: Browser, base: string, slug: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // The stream's response headers arrive when the server opens it (it writes a first event at once).
  const streamOpen = page.waitForResponse((r) => r.url().startsWith(`${base}/api/halls/${slug}/live`), { timeout: 60_000 });
  streamOpen.catch(() => undefined); // awaited below; this only keeps an early failure from being unhandled
  await page.goto(`${base}/halls/${slug}`, { waitUntil: 'load' });
  const start = page.locator('.stage-start');
  await start.waitFor({ state: 'visible', timeout: 10_000 }).then(
    () => start.click(),
    () => undefined, // already started (the 4 s quiet timer) or no button: the viewer starts by itself
  );
  await page.locator('.stage [data-hotspot-id]').first().waitFor({ timeout: 60_000 });
  await streamOpen;
  await sleep(1_000);
  return page;
}

/** In the page: record when each watched label enters and leaves the stage's hotspot elements. */
async function installWatcher(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = { watch: [] as string[], seen: {} as Record<string, number>, gone: {} as Record<string, number> };
    (window as unknown as { __benchLive: typeof w }).__benchLive = w;
    const stage = document.querySelector('.stage')!;
    const check = () => {
      const now = Date.now();
      const texts = [...stage.querySelectorAll('[data-hotspot-id]')].map((el) => el.textContent ?? '');
      for (const label of w.watch) {
        const present = texts.some((t) => t.includes(label));
        if (present && !(label in w.seen)) w.seen[label] = now;
        if (!present && label in w.seen && !(label in w.gone)) w.gone[label] = now;
      }
    };
    new MutationObserver(check).observe(stage, { childList: true, subtree: true, characterData: true });
  });
}

/** Resolves with the page's recorded time of `label` appearing ('seen') or disappearing ('gone'). */
async function pageTime(page: Page, which: 'seen' | 'gone', label: string): Promise<number> {
  const handle = await page.waitForFunction(
    (arg) => (window as unknown as { __benchLive: Record<string, Record<string, number>> }).__benchLive[arg.which]![arg.label],
    { which, label },
    { polling: 50, timeout: ROUND_TIMEOUT_MS },
  );
  return (await handle.jsonValue()) as number;
}

/** ROUNDS adds and deletes, each timed from just before the request to the page's DOM change. */
async function liveRounds(page: Page, firm: Firm): Promise<{ add: number[]; del: number[] }> {
  const add: number[] = [];
  const del: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const label = `实时测速 live ${i + 1}-${Date.now().toString(36)}`;
    await page.evaluate((l) => (window as unknown as { __benchLive: { watch: string[] } }).__benchLive.watch.push(l), label);
    const addAt = Date.now();
    const id = await createHotspot(firm, label);
    add.push((await pageTime(page, 'seen', label)) - addAt);
    await sleep(200 + Math.random() * 300);
    const delAt = Date.now();
    await deleteHotspot(firm, id);
    del.push((await pageTime(page, 'gone', label)) - delAt);
    await sleep(200 + Math.random() * 300);
  }
  return { add, del };
}

/** All hotspot labels in the public hall JSON, as a client without push would read them. */
async function publicLabels(base: string, slug: string): Promise<Set<string>> {
  const body = (await (await fetch(`${base}/api/halls/${slug}`)).json()) as { scenes: { hotspots: { label: string }[] }[] };
  return new Set(body.scenes.flatMap((s) => s.hotspots.map((h) => h.label)));
}

/**
 * A real 5 s poller, plus POLL_ROUNDS edits made at offsets spread evenly over its cycle (shuffled), each timed from
 * just before the POST until the first poll response that has it.
 */
async function pollingRounds(base: string, slug: string, firm: Firm): Promise<number[]> {
  const pending = new Map<string, { at: number; done: (ms: number) => void }>();
  const started = Date.now();
  let polling = true;
  const poller = (async () => {
    for (let tick = 0; polling; tick++) {
      await sleep(Math.max(0, started + tick * POLL_MS - Date.now()));
      if (!polling) break;
      const labels = await publicLabels(base, slug);
      const now = Date.now();
      for (const [label, p] of pending) {
        if (!labels.has(label)) continue;
        pending.delete(label);
        p.done(now - p.at);
      }
    }
  })();
  const offsets = Array.from({ length: POLL_ROUNDS }, (_, i) => ((i + 0.5) * POLL_MS) / POLL_ROUNDS).sort(() => Math.random() - 0.5);
  const times: number[] = [];
  try {
    for (const [i, offset] of offsets.entries()) {
      // The next moment that lies `offset` ms after one of the poller's ticks.
      const sinceTick = (Date.now() - started) % POLL_MS;
      await sleep((offset - sinceTick + POLL_MS) % POLL_MS);
      const label = `轮询测速 poll ${i + 1}-${Date.now().toString(36)}`;
      const seen = new Promise<number>((done) => pending.set(label, { at: Date.now(), done }));
      const id = await createHotspot(firm, label);
      times.push(await Promise.race([seen, sleep(POLL_MS * 3).then(() => Promise.reject(new Error(`poller never saw ${label}`)))]));
      await deleteHotspot(firm, id);
    }
  } finally {
    polling = false;
    await poller;
  }
  return times;
}

/** p50 / p95 / max by nearest rank. */
function row(name: string, ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  return { case: name, n: sorted.length, 'p50 ms': Math.round(rank(0.5)), 'p95 ms': Math.round(rank(0.95)), 'max ms': Math.round(rank(1)) };
}

/** Removes every hotspot the bench left behind (an error mid-round), so the demo hall is as it was. */
async function cleanUp(firm: Firm | undefined): Promise<void> {
  if (!firm) return;
  for (const id of [...firm.created]) await deleteHotspot(firm, id).catch(() => undefined);
}

async function main() {
  const server: BenchServer = await startBenchServer('live');
  let browser: Browser | undefined;
  let firm: Firm | undefined;
  try {
    firm = await signInAsFirm(server.base, SLUG);
    browser = await launchChromium();
    console.log(`打开展馆 Opening ${server.base}/halls/${SLUG} and starting the 3D viewer…`);
    const page = await openHall(browser, server.base, SLUG);
    await installWatcher(page);

    console.log(`实时更新 Live: ${ROUNDS} × add + delete…`);
    const live = await liveRounds(page, firm);
    console.log(`轮询参考 Polling reference: ${POLL_ROUNDS} edits against a 5 s poller (~${Math.ceil((POLL_ROUNDS * POLL_MS * 1.5) / 1000)} s)…`);
    const polled = await pollingRounds(server.base, SLUG, firm);

    console.log(`\n保存 → 公开展馆页显示 Saved edit → shown on an open hall page (${SLUG}):`);
    console.table([row('live add', live.add), row('live delete', live.del), row('polling 5 s (reference)', polled)]);
    const [l1, l5, l15] = loadavg();
    console.log(`机器负载 Load average: ${l1!.toFixed(2)} / ${l5!.toFixed(2)} / ${l15!.toFixed(2)} (1 / 5 / 15 min)`);
  } finally {
    await cleanUp(firm);
    await browser?.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
