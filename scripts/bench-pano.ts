/**
 * npm run bench:pano — times the panorama pipeline on 8K and 16K photos and compares first-view bytes with a
 * Pannellum-style JPEG q75 pyramid and reprojection speed with Hugin's nona. Then runs the server benchmark
 * (bench-pano-server.ts): /api/health latency while the real server processes an uploaded 16K photo.
 * Prints tables; not a test. Each build runs in its own child process so wall time and peak RSS (maxRSS, all
 * threads) are the build's alone. `--no-server` skips the server part.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import { CUBE_FACES } from '../viewer/geometry/cube.ts';
import type { PanoramaLevel, PanoramaManifest } from '../viewer/manifest.ts';
import { levelForView } from '../viewer/tiles/level.ts';
import { visibleTiles } from '../viewer/tiles/visibility.ts';
import { pixelsPerRadian } from '../viewer/view/projection.ts';
import { buildPanorama } from '../api/panorama/index.ts';
import { reprojectFace } from '../api/panorama/reproject.ts';

const BENCH = '.bench';
const FIXTURE = '../shared/fixtures/panoramas/pannellum-examplepano-4096.jpg';
const VIEWPORT = { width: 1280, height: 720 };
// 100° horizontal field of view, expressed as the viewer's vertical fov.
const VIEW = { yaw: 0, pitch: 0, fov: 2 * Math.atan(Math.tan((50 * Math.PI) / 180) * (VIEWPORT.height / VIEWPORT.width)) };
const kb = (bytes: number) => `${(bytes / 1000).toFixed(0)} KB`;

/** The upscaled test photo, made once and cached (JPEG q90, like a camera's output). */
async function benchPhoto(width: number): Promise<string> {
  const path = join(BENCH, `pano-${width}.jpg`);
  if (!existsSync(path)) {
    await mkdir(BENCH, { recursive: true });
    await sharp(FIXTURE, { limitInputPixels: false }).resize(width, width / 2).jpeg({ quality: 90 }).toFile(path);
  }
  return path;
}

/** Tiles a 1280×720, 100° view at yaw 0 / pitch 0 loads, chosen by the viewer's own level and visibility code. */
function firstViewTiles(levels: PanoramaLevel[], tileSize: number) {
  const level = levels[levelForView(levels, pixelsPerRadian(VIEW, VIEWPORT))]!;
  return { level, tiles: visibleTiles(level, tileSize, VIEW, VIEWPORT) };
}

async function firstViewBytes(dir: string, manifest: PanoramaManifest): Promise<{ bytes: number; count: number; preview: number }> {
  const { level, tiles } = firstViewTiles(manifest.levels, manifest.tileSize);
  let bytes = manifest.preview.bytes;
  for (const t of tiles) {
    const url = manifest.tileUrl.replace('{level}', String(level.index)).replace('{face}', t.face);
    bytes += (await stat(join(dir, url.replace('{x}', String(t.x)).replace('{y}', String(t.y))))).size;
  }
  return { bytes, count: tiles.length, preview: manifest.preview.bytes };
}

/** Pannellum's generate.py: face = 8·⌊width/π/8⌋, 512 px tiles, JPEG q75 (libjpeg, 4:2:0). Only the needed tiles. */
async function pannellumFirstView(photo: string, width: number): Promise<number> {
  const face = 8 * Math.floor(width / Math.PI / 8);
  const sizes = [face];
  while (sizes[0]! > 512) sizes.unshift(Math.ceil(sizes[0]! / 2));
  const levels = sizes.map((faceSize, index) => ({ index, faceSize, tiles: Math.ceil(faceSize / 512), bytes: 0 }));
  const { level, tiles } = firstViewTiles(levels, 512);
  const { data, info } = await sharp(photo, { limitInputPixels: false }).raw().toBuffer({ resolveWithObject: true });
  const shared = new Uint8Array(new SharedArrayBuffer(data.length));
  shared.set(data);
  const source = { pixels: shared, width: info.width, height: info.height, fullWidth: info.width, fullHeight: info.height, left: 0, top: 0 };
  let bytes = 0;
  for (const f of CUBE_FACES) {
    const mine = tiles.filter((t) => t.face === f);
    if (mine.length === 0) continue;
    const raw = { raw: { width: face, height: face, channels: 3 as const } };
    const scaled = await sharp(reprojectFace(source, f, face), raw).resize(level.faceSize, level.faceSize).raw().toBuffer();
    for (const t of mine) {
      const region = { left: t.x * 512, top: t.y * 512, width: Math.min(512, level.faceSize - t.x * 512), height: Math.min(512, level.faceSize - t.y * 512) };
      const sraw = { raw: { width: level.faceSize, height: level.faceSize, channels: 3 as const } };
      bytes += (await sharp(scaled, sraw).extract(region).jpeg({ quality: 75 }).toBuffer()).length;
    }
  }
  return bytes;
}

/** nona (Hugin) reprojecting the photo into six 90° faces, as Pannellum's generate.py drives it. Seconds, or null. */
async function nonaSeconds(photo: string, width: number): Promise<number | null> {
  if (spawnSync('sh', ['-c', 'command -v nona']).status !== 0) return null;
  const face = 8 * Math.round(width / Math.PI / 8);
  const input = `i f4 w${width} h${width / 2} v360 n"${resolve(photo)}"`;
  const orientations = ['p0 y0', 'p0 y90', 'p0 y180', 'p0 y-90', 'p90 y0', 'p-90 y0'];
  const pto = [`p f0 w${face} h${face} v90 E0 R0 n"TIFF_m"`, 'm g1 i0 m2', ...orientations.map((o) => `${input} r0 ${o}`)];
  const dir = join(BENCH, 'nona');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'cube.pto'), `${pto.join('\n')}\n`);
  const started = performance.now();
  execFileSync('nona', ['-o', join(dir, 'face'), join(dir, 'cube.pto')], { stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

/** Child mode: one build, then report wall time and peak RSS as JSON on stdout. */
async function child(input: string, outRoot: string): Promise<void> {
  const started = performance.now();
  const { dir, manifest } = await buildPanorama({ input, outRoot });
  const wallMs = performance.now() - started;
  console.log(JSON.stringify({ dir, manifest, wallMs, maxRssKb: process.resourceUsage().maxRSS }));
}

async function main(withServer: boolean): Promise<void> {
  const rows: string[][] = [];
  let nonaRatio = '';
  for (const width of [8192, 16384]) {
    const photo = await benchPhoto(width);
    const outRoot = join(BENCH, `out-${width}`);
    await rm(outRoot, { recursive: true, force: true });
    const run = spawnSync(process.execPath, [import.meta.filename, '--child', photo, outRoot], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`build of ${photo} failed:\n${run.stderr}`);
    const { dir, manifest, wallMs, maxRssKb } = JSON.parse(run.stdout) as {
      dir: string;
      manifest: PanoramaManifest;
      wallMs: number;
      maxRssKb: number;
    };
    const first = await firstViewBytes(dir, manifest);
    const pannellum = await pannellumFirstView(photo, width);
    const target = width === 8192 ? { s: 5, mb: 500 } : { s: 20, mb: 1000 };
    rows.push([
      `${width}×${width / 2}`,
      `${(wallMs / 1000).toFixed(1)} s (≤ ${target.s})`,
      `${(maxRssKb / 1024).toFixed(0)} MB (≤ ${target.mb})`,
      `${manifest.faceSize} / ${manifest.levels.length}`,
      String(manifest.levels.reduce((n, l) => n + 6 * l.tiles * l.tiles, 0)),
      `${(manifest.bytes.total / 1e6).toFixed(1)} MB`,
      `${kb(first.bytes)} (${first.count} tiles + ${kb(first.preview)} preview)`,
      kb(pannellum),
    ]);
    if (width === 8192) {
      const nona = await nonaSeconds(photo, width);
      nonaRatio = nona === null ? 'nona: not installed (apt-get install -y hugin-tools)' : `nona, 8K → six ${manifest.faceSize} px faces: ${nona.toFixed(1)} s; our complete pyramid: ${(wallMs / 1000).toFixed(1)} s → ${(nona / (wallMs / 1000)).toFixed(1)}× faster`;
    }
  }
  const header = ['photo', 'wall', 'peak RSS', 'face/levels', 'tiles', 'bytes', 'first view (ours)', 'first view Pannellum JPEG q75'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
  console.log(`\n${nonaRatio}`);
  console.log(`first view: 1280×720 at 100° horizontal FOV, yaw 0 pitch 0, target ≤ 300 KB`);
  console.log(`load average while building: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (withServer) {
    // Imported here, not at the top: the database client it loads would add ~130 MB to the build children's RSS.
    const { benchServer, formatServerBench } = await import('./bench-pano-server.ts');
    console.log('');
    console.log(formatServerBench('16384×8192 JPEG', await benchServer(await benchPhoto(16384))));
    console.log(`load average after the server run: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  }
}

const args = process.argv.slice(2);
(args[0] === '--child' ? child(args[1]!, args[2]!) : main(!args.includes('--no-server'))).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
