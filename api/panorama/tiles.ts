import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import type { CubeFace } from '../../viewer/geometry/cube.ts';

/** How tiles are encoded. Defaults and the reasons for them are in FORMATS.md. */
export interface TileEncoding {
  format: 'webp' | 'jpeg' | 'avif';
  /** Quality of the detail levels (faces larger than OVERVIEW_MAX_FACE). */
  quality: number;
  /** Quality of the overview levels (faces up to OVERVIEW_MAX_FACE), which first views load; `quality` when absent. */
  overviewQuality?: number;
  /** WebP only: exact pixels (used by tests that reassemble faces, and for archival builds). */
  lossless: boolean;
}

export const DEFAULT_TILE_ENCODING: TileEncoding = { format: 'webp', quality: 70, overviewQuality: 55, lossless: false };

/**
 * Largest face of an overview level. A first view on a desktop screen (1280×720 at 100° needs ~540 texels per
 * radian) or a phone at DPR 2 lands on a level of this size or below, so these levels decide first-view bytes; they
 * hold few tiles (≤ 96 per pyramid), so they can afford a slower, tighter encode.
 */
export const OVERVIEW_MAX_FACE = 2048;

/** The file extension of a tile, which is also the manifest's `format`. */
export function tileExtension(encoding: TileEncoding): string {
  return encoding.format === 'jpeg' ? 'jpg' : encoding.format;
}

/**
 * Apply the encoder for a level of `faceSize`; efforts were chosen by the measurements in FORMATS.md. Detail levels
 * hold ~90 % of a 16K pyramid's ~1000 tiles, so they get the fast WebP effort 2; overview levels get effort 4, which
 * is ~6 % smaller at the same SSIM for ~2.5× the encode time of their few tiles.
 */
export function encodeAs(image: Sharp, encoding: TileEncoding, faceSize: number): Sharp {
  const overview = faceSize <= OVERVIEW_MAX_FACE;
  const quality = overview ? (encoding.overviewQuality ?? encoding.quality) : encoding.quality;
  switch (encoding.format) {
    case 'webp':
      return encoding.lossless
        ? image.webp({ lossless: true, effort: 1 })
        : image.webp({ quality, effort: overview ? 4 : 2, smartSubsample: false });
    case 'jpeg':
      return image.jpeg({ quality, mozjpeg: true });
    case 'avif':
      return image.avif({ quality, effort: 0 });
  }
}

/** Relative path of a tile inside the pyramid directory; the manifest's tileUrl template spells the same thing. */
export function tilePath(level: number, face: CubeFace, x: number, y: number, extension: string): string {
  return `tiles/${level}/${face}/${y}_${x}.${extension}`;
}

export function tileUrlTemplate(extension: string): string {
  return `tiles/{level}/{face}/{y}_{x}.${extension}`;
}

const raw = (size: number) => ({ raw: { width: size, height: size, channels: 3 as const } });

/** Run `task` over `items` with at most `limit` in flight (sharp work runs on libuv's thread pool). */
async function eachLimited<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++]!);
  });
  await Promise.all(lanes);
}

export interface FaceTilesResult {
  /** Bytes written per level, index = level (smallest first). */
  levelBytes: number[];
  /** The face at preview size, raw RGB. */
  preview: Buffer;
}

/**
 * Cut one face into the tiles of every level and write them under `dir`. Level sizes are smallest first and the last
 * is the face itself; each lower level is an antialiased 2× reduction of the one above (libvips lanczos3).
 */
export async function writeFaceTiles(
  face: CubeFace,
  pixels: Uint8Array,
  levelSizes: number[],
  tileSize: number,
  encoding: TileEncoding,
  dir: string,
  previewSize: number,
): Promise<FaceTilesResult> {
  const extension = tileExtension(encoding);
  const levelBytes = levelSizes.map(() => 0);
  let buffer = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  for (let level = levelSizes.length - 1; level >= 0; level--) {
    const size = levelSizes[level]!;
    if (level < levelSizes.length - 1) {
      const above = levelSizes[level + 1]!;
      buffer = await sharp(buffer, raw(above)).resize(size, size, { kernel: 'lanczos3' }).raw().toBuffer();
    }
    const tiles = Math.ceil(size / tileSize);
    await mkdir(join(dir, 'tiles', String(level), face), { recursive: true });
    const cells = Array.from({ length: tiles * tiles }, (_, i) => ({ x: i % tiles, y: Math.floor(i / tiles) }));
    const source = buffer;
    await eachLimited(cells, 4, async ({ x, y }) => {
      const left = x * tileSize;
      const top = y * tileSize;
      const region = { left, top, width: Math.min(tileSize, size - left), height: Math.min(tileSize, size - top) };
      const image = encodeAs(sharp(source, raw(size)).extract(region), encoding, size);
      const info = await image.toFile(join(dir, tilePath(level, face, x, y, extension)));
      levelBytes[level]! += info.size;
    });
  }
  // `buffer` now holds the smallest level (≤ one tile), the cheapest start for the preview.
  const smallest = levelSizes[0]!;
  const preview =
    smallest === previewSize
      ? buffer
      : await sharp(buffer, raw(smallest)).resize(previewSize, previewSize, { kernel: 'lanczos3' }).raw().toBuffer();
  return { levelBytes, preview };
}
