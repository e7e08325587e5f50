import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CubeFace } from '../../viewer/geometry/cube.ts';
import { CUBE_FACES } from '../../viewer/geometry/cube.ts';
import type { PanoramaManifest } from '../../viewer/manifest.ts';
import type { EquirectSource } from './equirect.ts';
import { buildManifest } from './manifest.ts';
import { encodePreviewStrip, PREVIEW_FACE_SIZE, renderPlaceholder, renderPoster } from './previews.ts';
import { createStagingDir, fsyncPath, publishStaged } from './publish.ts';
import { DEFAULT_SETTINGS, pyramidId, type PipelineSettings } from './settings.ts';
import { decodeToVipsFile, hashFile, inspectSource, openDecoded, readVipsRgb } from './source.ts';
import { faceSizeFor, levelFaceSizes } from './sphere.ts';
import { writeFaceTiles, type TileEncoding } from './tiles.ts';
import { lowerLibvipsThreads } from './thread-priority.ts';
import { reprojectFacesInWorkers } from './worker-pool.ts';

export interface BuildProgress {
  stage: 'inspect' | 'decode' | 'faces' | 'publish';
  /** Faces done (of 6) during 'faces'; 0/1 otherwise. */
  done: number;
  total: number;
}

export interface BuildPanoramaOptions {
  /** Path of the uploaded photo (JPEG, PNG or WebP; the type is sniffed from its bytes). */
  input: string;
  /** Directory holding all pyramids; this build's lands in `<outRoot>/<id>/`. */
  outRoot: string;
  tileSize?: number;
  encoding?: Partial<TileEncoding>;
  /** Reprojection worker threads (default 2). */
  workers?: number;
  onProgress?: (progress: BuildProgress) => void;
}

export interface BuildPanoramaResult {
  id: string;
  dir: string;
  manifest: PanoramaManifest;
  /** True when the pyramid already existed (same photo and settings) and nothing was built. */
  reused: boolean;
}

/**
 * Defaults plus the caller's choices. The default overview quality was measured for default WebP: a caller who picks
 * another format or quality but no overview quality gets that one quality on every level.
 */
export function resolveEncoding(chosen: Partial<TileEncoding> = {}): TileEncoding {
  const encoding = { ...DEFAULT_SETTINGS.encoding, ...chosen };
  if (chosen.overviewQuality === undefined && (chosen.format !== undefined || chosen.quality !== undefined))
    encoding.overviewQuality = encoding.quality;
  return encoding;
}

/** Builds of the same id in this process share one promise, so a double upload costs one build. */
const inFlight = new Map<string, Promise<BuildPanoramaResult>>();

async function readExisting(outRoot: string, id: string): Promise<BuildPanoramaResult | null> {
  const dir = join(outRoot, id);
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as PanoramaManifest;
    return { id, dir, manifest, reused: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Turn an equirectangular photo into a published, content-addressed cube tile pyramid: `<outRoot>/<id>/` with
 * manifest.json, tiles/, preview.webp and poster.jpg. Refused photos throw a panorama AppError (see errors.ts) and
 * leave nothing behind; a crash leaves at most a `.tmp-*` staging directory, which cleanupPartial removes.
 */
export async function buildPanorama(options: BuildPanoramaOptions): Promise<BuildPanoramaResult> {
  const settings: PipelineSettings = {
    tileSize: options.tileSize ?? DEFAULT_SETTINGS.tileSize,
    encoding: resolveEncoding(options.encoding),
  };
  options.onProgress?.({ stage: 'inspect', done: 0, total: 1 });
  const info = await inspectSource(options.input);
  const sourceHash = await hashFile(options.input);
  const id = pyramidId(sourceHash, settings);
  const existing = await readExisting(options.outRoot, id);
  if (existing) return existing;

  const key = `${options.outRoot}\0${id}`;
  const running = inFlight.get(key);
  if (running) return running.then((result) => ({ ...result, reused: true }));
  const build = buildInto(options, settings, info, sourceHash, id).finally(() => inFlight.delete(key));
  inFlight.set(key, build);
  return build;
}

async function buildInto(
  options: BuildPanoramaOptions,
  settings: PipelineSettings,
  info: Awaited<ReturnType<typeof inspectSource>>,
  sourceHash: string,
  id: string,
): Promise<BuildPanoramaResult> {
  const { outRoot, onProgress } = options;
  const staging = await createStagingDir(outRoot);
  // libvips starts threads on demand while decoding and encoding; keep each new one behind the event loop.
  lowerLibvipsThreads();
  const lowering = setInterval(lowerLibvipsThreads, 200);
  try {
    onProgress?.({ stage: 'decode', done: 0, total: 1 });
    const vipsPath = join(staging, 'source.v');
    await decodeToVipsFile(info, vipsPath);
    const { placement } = info;
    const source: EquirectSource = {
      pixels: await readVipsRgb(vipsPath, info.width, info.height),
      width: info.width,
      height: info.height,
      fullWidth: placement.fullWidth,
      fullHeight: placement.fullHeight,
      left: placement.left,
      top: placement.top,
    };
    const levelSizes = levelFaceSizes(faceSizeFor(placement.fullWidth), settings.tileSize);
    const previewSize = Math.min(PREVIEW_FACE_SIZE, levelSizes[0]!);
    const posterJob = renderPoster(openDecoded(info), source);
    posterJob.catch(() => {}); // awaited below; this only stops an early failure being reported as unhandled

    const levelBytes = levelSizes.map(() => 0);
    const previews = new Map<CubeFace, Buffer>();
    onProgress?.({ stage: 'faces', done: 0, total: 6 });
    const faceSize = levelSizes[levelSizes.length - 1]!;
    await reprojectFacesInWorkers(source, faceSize, options.workers ?? 2, async (face, pixels) => {
      const result = await writeFaceTiles(face, pixels, levelSizes, settings.tileSize, settings.encoding, staging, previewSize);
      result.levelBytes.forEach((bytes, level) => (levelBytes[level]! += bytes));
      previews.set(face, result.preview);
      onProgress?.({ stage: 'faces', done: previews.size, total: 6 });
    });

    onProgress?.({ stage: 'publish', done: 0, total: 1 });
    const poster = await posterJob;
    await rm(vipsPath);
    const previewBytes = await encodePreviewStrip(CUBE_FACES.map((f) => previews.get(f)!), previewSize);
    await writeFile(join(staging, 'preview.webp'), previewBytes);
    await writeFile(join(staging, 'poster.jpg'), poster.jpeg);
    const manifest = buildManifest({
      id,
      sourceHash,
      source: info,
      settings,
      levelSizes,
      levelBytes,
      preview: { url: 'preview.webp', faceSize: previewSize, bytes: previewBytes.length },
      poster: { url: 'poster.jpg', width: poster.width, height: poster.height, bytes: poster.jpeg.length },
      placeholder: await renderPlaceholder(poster),
    });
    // The manifest is written last: a pyramid directory with a manifest is complete by construction.
    await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await fsyncPath(join(staging, 'manifest.json'));
    if (await publishStaged(staging, outRoot, id)) return { id, dir: join(outRoot, id), manifest, reused: false };
    // Another process published the same pyramid first: theirs is identical, keep it.
    await rm(staging, { recursive: true, force: true });
    const theirs = await readExisting(outRoot, id);
    if (!theirs) throw new Error(`pyramid ${id} vanished while publishing`);
    return theirs;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    clearInterval(lowering);
  }
}
