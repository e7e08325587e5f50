/**
 * `npm run bench:viewer` — our hall viewer against Photo Sphere Viewer (core + cubemap-tiles adapter) in headless
 * Chromium (SwiftShader WebGL), on the same 8K panorama, the same tile files, the same viewport and the same emulated
 * network (Lighthouse's mobile "Slow 4G": 150 ms RTT, 1.6 Mbps down, 750 kbps up) plus 4× CPU slowdown.
 *
 *   npm run bench:viewer [-- --runs 3] [-- --cpu 4] [-- --verify]
 *
 * The panorama is pannellum-examplepano-4096.jpg upscaled to 8192×4096 and cut by our pipeline (buildPanorama) with
 * 652 px tiles: 2608 = 4 × 652, so every level is a power-of-two grid of equal tiles, which PSV's adapter requires
 * (our default 512 px tiles leave short edge tiles). Both viewers get exactly these files; each picks its own level.
 * Everything lives in .bench/viewer/ (git-ignored). Pages are served by a loopback-only static server started here;
 * JS is served gzipped to both. `--verify` saves same-view screenshots of both and prints their pixel difference.
 */
import { gzipSync } from 'node:zlib';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import { buildPanorama } from '../api/panorama/index.ts';
import { launchChromium } from '../site/e2e/browser.ts';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, '.bench', 'viewer');
const SOURCE = resolve(ROOT, '..', 'shared', 'fixtures', 'panoramas', 'pannellum-examplepano-4096.jpg');
const TILE_SIZE = 652;
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const VIEWPORTS = [
  { name: 'phone 390×844', width: 390, height: 844 },
  { name: 'desktop 1280×720', width: 1280, height: 720 },
];
const VIEW = { yaw: 0, pitch: 0, fov: 90 };
type ViewerName = 'ours' | 'psv';
/** Our u/d faces are PSV's top/bottom turned 180° (checked with --verify). */
const FLIP_TOP_BOTTOM = true;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** 8K source (cached) and its pyramid (content-addressed, reused). */
async function preparePanorama() {
  mkdirSync(WORK, { recursive: true });
  const big = join(WORK, 'pano-8192.jpg');
  if (!existsSync(big)) await sharp(SOURCE).resize(8192, 4096, { kernel: 'lanczos3' }).jpeg({ quality: 90 }).toFile(big);
  const { dir, manifest } = await buildPanorama({ input: big, outRoot: join(WORK, 'pyramids'), tileSize: TILE_SIZE });
  return { dir, manifest };
}

/**
 * The hall page's own start-up code (ViewerLoaderBoot.tsx: first paint of the preview + tile prefetch, then the
 * full viewer), with the first room's manifest inline as the page has it, minus the wait for load + idle that
 * protects the page's LCP poster (this page has no poster). PSV gets its configuration inline too.
 */
const OURS_ENTRY = (manifest: unknown) => `
import { bootHallViewers } from '${ROOT}/site/components/ViewerLoaderBoot.tsx';
window.__hallViewerProbe = {};
const view = ${JSON.stringify(VIEW)};
const stage = document.createElement('section');
stage.className = 'stage';
stage.style.cssText = 'position:absolute;inset:0;overflow:hidden';
const el = document.createElement('div');
el.style.cssText = 'position:absolute;inset:0';
el.dataset.hallViewer = JSON.stringify({
  scenes: [{ id: 'bench', name: 'bench', manifestUrl: '/pano/manifest.json', manifest: ${JSON.stringify(manifest)}, initialView: view, hotspots: [] }],
  locale: 'zh-CN',
});
stage.append(el);
document.getElementById('viewer').append(stage);
bootHallViewers('now');
`;

/** PSV faces ← our faces (geometry/cube.ts): same names, and both keep image-up = world-up on the side faces. */
const PSV_ENTRY = (levels: { faceSize: number; nbTiles: number }[], tileUrl: string, preview: string) => `
import '@photo-sphere-viewer/core/index.css';
import { Viewer } from '@photo-sphere-viewer/core';
import { CubemapTilesAdapter } from '@photo-sphere-viewer/cubemap-tiles-adapter';
const FACE = { front: 'f', right: 'r', back: 'b', left: 'l', top: 'u', bottom: 'd' };
const template = ${JSON.stringify(tileUrl)};
const FLIP = ${JSON.stringify(FLIP_TOP_BOTTOM)};
const view = ${JSON.stringify(VIEW)};
const viewer = new Viewer({
  container: document.getElementById('viewer'),
  adapter: CubemapTilesAdapter,
  panorama: {
    baseUrl: { type: 'stripe', path: '/pano/${preview}', order: ['front', 'right', 'back', 'left', 'top', 'bottom'], flipTopBottom: FLIP },
    flipTopBottom: FLIP,
    levels: ${JSON.stringify(levels)},
    tileUrl: (face, col, row, level) =>
      '/pano/' + template.replace('{level}', level).replace('{face}', FACE[face]).replace('{x}', col).replace('{y}', row),
  },
  defaultYaw: view.yaw * Math.PI / 180,
  defaultPitch: view.pitch * Math.PI / 180,
  minFov: 30,
  maxFov: view.fov,
  defaultZoomLvl: 0,
  navbar: false,
  loadingImg: null,
});
window.__psv = viewer;
viewer.addEventListener('panorama-loaded', () => (window.__baseLoaded = performance.now()));
`;

/** Vite-build one entry into www/<name>/; returns its JS and CSS files. */
async function bundle(name: ViewerName, source: string): Promise<{ js: string[]; css: string[] }> {
  const { build } = await import('vite');
  const srcDir = join(WORK, 'src');
  mkdirSync(srcDir, { recursive: true });
  const entry = join(srcDir, `${name}.ts`);
  writeFileSync(entry, source);
  const outDir = join(WORK, 'www', name);
  await build({
    configFile: false,
    logLevel: 'error',
    root: ROOT,
    mode: 'production',
    build: { outDir, emptyOutDir: true, modulePreload: false, rollupOptions: { input: { [name]: entry }, output: { entryFileNames: '[name].js' } } },
  });
  const files = readdirSync(outDir, { recursive: true }).map(String);
  return { js: files.filter((f) => f.endsWith('.js')), css: files.filter((f) => f.endsWith('.css')) };
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.avif': 'image/avif' };

/** Loopback-only static server: www/ for pages and bundles, /pano/ for the pyramid. Text is gzipped. */
function serve(pyramid: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.startsWith('/pano/') ? join(pyramid, path.slice(6)) : join(WORK, 'www', path);
    if (!file.startsWith(WORK) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    let body = readFileSync(file);
    // Like the site: pyramid files are content-addressed and immutable. Every run starts in a fresh browser context,
    // so caches start empty.
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': path.startsWith('/pano/') ? 'public, max-age=31536000, immutable' : 'no-cache' };
    if (/text|javascript|json/.test(type)) {
      body = gzipSync(body);
      headers['Content-Encoding'] = 'gzip';
    }
    res.writeHead(200, headers).end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

function page(name: ViewerName, files: { js: string[]; css: string[] }): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
${files.css.map((c) => `<link rel="stylesheet" href="/${name}/${c}">`).join('')}
<style>html,body{margin:0;height:100%;overflow:hidden}#viewer{position:absolute;inset:0}</style></head>
<body><div id="viewer"></div>${files.js.map((j) => `<script type="module" src="/${name}/${j}"></script>`).join('')}</body></html>`;
}

/** Installed before any page script: long tasks, tile resource timings and a frame counter watch. */
function instrument() {
  const w = window as unknown as Record<string, unknown> & { __m: { longtasks: number[][]; frames: number[]; tiles: number[][] } };
  w.__m = { longtasks: [], frames: [], tiles: [] };
  let onScreenAt = 0;
  new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__m.longtasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => {
      const r = e as PerformanceResourceTiming;
      if (r.name.includes('/tiles/')) w.__m.tiles.push([r.responseEnd, r.encodedBodySize]);
    }),
  ).observe({ type: 'resource', buffered: true });
  // The WebGL renderer of either viewer; a change of its frame counter means a frame was drawn.
  let last = -1;
  const tick = (now: number) => {
    const probe = w.__hallViewerProbe as { renderer?: { info: { render: { frame: number } } } } | undefined;
    const psv = w.__psv as { renderer?: { renderer?: { info: { render: { frame: number } } } } } | undefined;
    const frame = (probe?.renderer ?? psv?.renderer?.renderer)?.info.render.frame ?? -1;
    if (frame !== last && frame >= 0) w.__m.frames.push(now);
    last = frame;
    const stats = (probe as { stats?: { onScreenComplete: boolean } } | undefined)?.stats;
    if (stats?.onScreenComplete && !onScreenAt) (w as unknown as { __onScreenAt: number }).__onScreenAt = onScreenAt = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

interface RunResult {
  firstPixels: number;
  /** Ours: when the full viewer drew (after the first paint); PSV: same as firstPixels. */
  viewerPixels: number;
  /** Ours: when the full viewer had every on-screen tile up; PSV: same as tilesDrawn. */
  viewerTiles: number;
  tilesDrawn: number;
  tiles: number;
  tileKB: number;
  level: string;
  longTasks: number;
  longTaskMs: number;
  maxLongTask: number;
  dragP95: number;
}

const p = (values: number[], q: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function run(browser: Browser, base: string, name: ViewerName, vp: (typeof VIEWPORTS)[number], cpu: number): Promise<RunResult> {
  const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const pg = await context.newPage();
  const cdp = await context.newCDPSession(pg);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await pg.addInitScript(instrument);
  await pg.goto(`${base}/${name}.html`);
  // First panorama pixels: the preview cube drawn (ours reports it; PSV: the first frame after its base loaded).
  const firstPixelsHandle = await pg.waitForFunction(
    () => {
      const w = window as unknown as { __hallViewerProbe?: { firstPixelsAt?: number }; __baseLoaded?: number; __m: { frames: number[] } };
      if (w.__hallViewerProbe) return w.__hallViewerProbe.firstPixelsAt ?? false;
      return w.__baseLoaded ? (w.__m.frames.find((f) => f >= w.__baseLoaded!) ?? false) : false;
    },
    null,
    { timeout: 120_000, polling: 100 },
  );
  const firstPixels = Number(await firstPixelsHandle.jsonValue());
  // Every visible tile at the chosen level drawn: the tile stream and the frames have been quiet for 2.5 s.
  const settled = await waitQuiet(pg);
  const info = await pg.evaluate(() => {
    const w = window as unknown as { __hallViewerProbe?: { stats?: { level: number } }; __psv?: { adapter: { state: { tileConfig?: { level: number; faceSize: number } } } } };
    const cfg = w.__psv?.adapter?.state?.tileConfig;
    return w.__hallViewerProbe ? `L${w.__hallViewerProbe.stats?.level}` : cfg ? `L${cfg.level}` : '?';
  });
  // Ours: the frame where every on-screen tile was up (its prefetch ring loads after that); PSV loads only what is on
  // screen, so its last frame is that moment.
  const extra = await pg.evaluate(() => {
    const w = window as unknown as { __onScreenAt?: number; __hallViewerProbe?: { viewerPixelsAt?: number; firstPaintTilesAt?: number } };
    const probe = w.__hallViewerProbe;
    return { onScreenAt: w.__onScreenAt ?? NaN, viewerPixelsAt: probe?.viewerPixelsAt ?? NaN, firstPaintTilesAt: probe?.firstPaintTilesAt ?? NaN };
  });
  // Ours: whichever drew them all first, the page's first paint or the full viewer.
  const tilesDrawn = name === 'ours' ? Math.min(...[extra.firstPaintTilesAt, extra.onScreenAt].filter(Number.isFinite)) : settled.lastFrame;
  // Long tasks over the whole stream-in, up to the full viewer's own tiles (for ours that includes booting React and
  // three.js after the first paint), so both are judged over their complete start-up.
  const streamEnd = name === 'ours' ? Math.max(extra.onScreenAt, tilesDrawn) : settled.lastFrame;
  const longs = settled.longtasks.filter(([start]) => start! <= streamEnd);
  // Drag for ~1.2 s across the middle (network and CPU emulation still on; new tiles stream in as the view turns).
  // rAF intervals stand for frame times: both viewers draw on the main thread.
  await pg.evaluate(() => {
    const w = window as unknown as { __drag: number[]; __dragOn: boolean };
    w.__drag = [];
    w.__dragOn = true;
    const tick = (t: number) => {
      w.__drag.push(t);
      if (w.__dragOn) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await pg.mouse.move(vp.width * 0.7, vp.height / 2);
  await pg.mouse.down();
  for (let i = 0; i < 60; i++) {
    await pg.mouse.move(vp.width * 0.7 - i * (vp.width * 0.006), vp.height / 2 + Math.sin(i / 8) * 20);
    await pg.waitForTimeout(16);
  }
  await pg.mouse.up();
  const drag = await pg.evaluate(() => {
    const w = window as unknown as { __drag: number[]; __dragOn: boolean };
    w.__dragOn = false;
    return w.__drag.slice(1).map((t, i) => t - w.__drag[i]!);
  });
  await context.close();
  return {
    firstPixels,
    tilesDrawn,
    viewerTiles: name === 'ours' ? extra.onScreenAt : settled.lastFrame,
    viewerPixels: name === 'ours' ? extra.viewerPixelsAt : firstPixels,
    tiles: settled.tiles.length,
    tileKB: settled.tiles.reduce((s, t) => s + t[1]!, 0) / 1024,
    level: info,
    longTasks: longs.length,
    longTaskMs: longs.reduce((s, [, d]) => s + d!, 0),
    maxLongTask: Math.max(0, ...longs.map(([, d]) => d!)),
    dragP95: p(drag, 0.95),
  };
}

async function waitQuiet(pg: Page) {
  let lastChange = Date.now();
  let seen = '';
  for (;;) {
    const m = await pg.evaluate(() => (window as unknown as { __m: { longtasks: number[][]; frames: number[]; tiles: number[][] } }).__m);
    const key = `${m.frames.length}/${m.tiles.length}`;
    if (key !== seen) {
      seen = key;
      lastChange = Date.now();
    } else if (Date.now() - lastChange > 2500 && m.frames.length > 0) {
      return { ...m, lastFrame: m.frames.at(-1)! };
    }
    if (Date.now() - lastChange > 120_000) throw new Error('viewer never settled');
    await pg.waitForTimeout(250);
  }
}

/** Same view in both viewers: screenshots side by side and their mean absolute difference per channel (0–255). */
async function verify(browser: Browser, base: string) {
  const views = [
    { yaw: 0, pitch: 0 },
    { yaw: 90, pitch: 0 },
    { yaw: 30, pitch: 60 },
    { yaw: -30, pitch: -60 },
  ];
  mkdirSync(join(WORK, 'shots'), { recursive: true });
  for (const v of views) {
    const shots: Buffer[] = [];
    for (const name of ['ours', 'psv'] as const) {
      const context = await browser.newContext({ viewport: { width: 640, height: 480 }, reducedMotion: 'reduce' });
      const pg = await context.newPage();
      await pg.addInitScript(instrument);
      await pg.goto(`${base}/${name}.html`);
      await pg.waitForFunction(() => (window as unknown as { __m: { frames: number[] } }).__m.frames.length > 0, null, { timeout: 60_000 });
      await waitQuiet(pg);
      await pg.evaluate((view) => {
        const w = window as unknown as { __psv?: { rotate: (p: { yaw: number; pitch: number }) => void } };
        if (w.__psv) w.__psv.rotate({ yaw: (view.yaw * Math.PI) / 180, pitch: (view.pitch * Math.PI) / 180 });
        else location.hash = `#s=bench&y=${view.yaw}&p=${view.pitch}&f=90`;
      }, v);
      await waitQuiet(pg);
      shots.push(await pg.screenshot());
      await context.close();
    }
    const [a, b] = await Promise.all(shots.map((s) => sharp(s).removeAlpha().resize(160, 120).raw().toBuffer()));
    let diff = 0;
    for (let i = 0; i < a!.length; i++) diff += Math.abs(a![i]! - b![i]!);
    const file = join(WORK, 'shots', `yaw${v.yaw}-pitch${v.pitch}.png`);
    await sharp({ create: { width: 1280, height: 480, channels: 3, background: '#000' } })
      .composite([{ input: shots[0]!, left: 0, top: 0 }, { input: shots[1]!, left: 640, top: 0 }])
      .png()
      .toFile(file);
    console.log(`verify yaw ${v.yaw}° pitch ${v.pitch}°: mean |ours − PSV| = ${(diff / a!.length).toFixed(1)} / 255  (${file})`);
  }
}

/** gzip size of the hall page's viewer JS as the site ships it (dist/client/_astro): loader script + viewer chunk + imports. */
function siteViewerKB(): string {
  const dir = join(ROOT, 'dist', 'client', '_astro');
  if (!existsSync(dir)) return 'n/a (no dist/)';
  const files = readdirSync(dir);
  const loader = files.find((f) => /^HallStage\.astro.*\.js$/.test(f));
  const chunk = files.find((f) => /^ViewerLoader\..*\.js$/.test(f));
  if (!loader || !chunk) return 'n/a';
  const seen = new Set<string>();
  const walk = (f: string) => {
    if (seen.has(f) || !existsSync(join(dir, f))) return;
    seen.add(f);
    for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/["'`]\.\/([\w.-]+\.js)["'`]/g)) walk(m[1]!);
  };
  walk(loader);
  walk(chunk);
  const gz = (f: string) => gzipSync(readFileSync(join(dir, f)), { level: 9 }).length / 1024;
  const total = [...seen].reduce((s, f) => s + gz(f), 0);
  const list = [...seen].map((f) => `${f.replace(/\.[\w-]+\.js$/, '')} ${gz(f).toFixed(1)}`).join(', ');
  return `${total.toFixed(0)} KB gzip: ${list} (only the ${gz(loader).toFixed(1)} KB loader before the load event)`;
}

async function main() {
  const runs = arg('runs', 3);
  const cpu = arg('cpu', 4);
  console.log(`load average before: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  const { dir, manifest } = await preparePanorama();
  console.log(`panorama: 8192×4096 → faces ${manifest.faceSize}px, tiles ${manifest.tileSize}px, levels ${manifest.levels.map((l) => `${l.faceSize}/${l.tiles}×${l.tiles}`).join(', ')}, ${manifest.format}`);
  const levels = manifest.levels.map((l) => ({ faceSize: l.faceSize, nbTiles: l.tiles }));
  const files = { ours: await bundle('ours', OURS_ENTRY(manifest)), psv: await bundle('psv', PSV_ENTRY(levels, manifest.tileUrl, manifest.preview.url)) };
  for (const name of ['ours', 'psv'] as const) writeFileSync(join(WORK, 'www', `${name}.html`), page(name, files[name]));
  const jsKB = (name: ViewerName) =>
    files[name].js.reduce((s, f) => s + gzipSync(readFileSync(join(WORK, 'www', name, f)), { level: 9 }).length, 0) / 1024;
  const { server, url } = await serve(dir);
  const browser = await launchChromium();
  try {
    if (process.argv.includes('--verify')) await verify(browser, url);
    if (process.argv.includes('--verify-only')) return await verify(browser, url);
    for (const vp of VIEWPORTS) {
      const results: Record<ViewerName, RunResult[]> = { ours: [], psv: [] };
      for (let r = 0; r < runs; r++) {
        for (const name of ['ours', 'psv'] as const) results[name].push(await run(browser, url, name, vp, cpu));
      }
      printTable(vp.name, results, { ours: jsKB('ours'), psv: jsKB('psv') }, runs, cpu);
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`\nhall page viewer JS (site build): ${siteViewerKB()}`);
  console.log(`load average after: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
}

function printTable(title: string, results: Record<ViewerName, RunResult[]>, js: Record<ViewerName, number>, runs: number, cpu: number) {
  const med = (name: ViewerName, k: keyof RunResult) => {
    const values = results[name].map((r) => r[k]).filter((v): v is number => typeof v === 'number');
    return p(values, 0.5);
  };
  const rows: [string, number, number, string][] = [
    ['first panorama pixels (ms)', med('ours', 'firstPixels'), med('psv', 'firstPixels'), '0'],
    ['  full viewer drawn, interactive (ms)', med('ours', 'viewerPixels'), med('psv', 'viewerPixels'), '0'],
    ['every on-screen tile drawn (ms)', med('ours', 'tilesDrawn'), med('psv', 'tilesDrawn'), '0'],
    ['  by the full, interactive viewer (ms)', med('ours', 'viewerTiles'), med('psv', 'viewerTiles'), '0'],
    ['tiles fetched in all (incl. prefetch ring)', med('ours', 'tiles'), med('psv', 'tiles'), '0'],
    ['tile bytes in all (KB)', med('ours', 'tileKB'), med('psv', 'tileKB'), '0'],
    ['long tasks > 50 ms while loading (until the full viewer drew every tile)', med('ours', 'longTasks'), med('psv', 'longTasks'), '0'],
    ['  their total (ms)', med('ours', 'longTaskMs'), med('psv', 'longTaskMs'), '0'],
    ['  longest (ms)', med('ours', 'maxLongTask'), med('psv', 'maxLongTask'), '0'],
    ['frame time p95 while dragging (ms)', med('ours', 'dragP95'), med('psv', 'dragP95'), '1'],
    ['viewer JS (KB gzip, bench bundle)', js.ours, js.psv, '0'],
  ];
  const levels = (name: ViewerName) => [...new Set(results[name].map((r) => r.level))].join('/');
  console.log(`\n## ${title} — Slow 4G (150 ms, 1.6 Mbps), CPU ×${cpu}, SwiftShader, median of ${runs}; levels ours ${levels('ours')}, PSV ${levels('psv')}`);
  console.log(`| metric | ours | PSV | ours/PSV |\n|---|---:|---:|---:|`);
  for (const [label, a, b, digits] of rows) {
    const f = (n: number) => (Number.isFinite(n) ? n.toFixed(Number(digits)) : 'n/a');
    console.log(`| ${label} | ${f(a)} | ${f(b)} | ${b > 0 && Number.isFinite(a) ? (a / b).toFixed(2) + '×' : '—'} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
