import type { CubeFace } from '../geometry/cube.ts';
import type { PanoramaLevel, PanoramaManifest } from '../manifest.ts';

/** One tile of the pyramid: level index, face, column x and row y. */
export interface TileId {
  level: number;
  face: CubeFace;
  x: number;
  y: number;
}

/** Region of a face a tile covers, in face coordinates (s right, t down, both in [-1, 1]). */
export interface TileBounds {
  s0: number;
  s1: number;
  t0: number;
  t1: number;
  /** Pixel size of the tile image (edge tiles may be smaller than tileSize). */
  width: number;
  height: number;
}

/** Stable string key, used by caches and request maps. */
export function tileKey(tile: TileId): string {
  return `${tile.level}/${tile.face}/${tile.x}/${tile.y}`;
}

/** Where a tile sits on its face. Edge tiles are cut short, so bounds follow pixel extents, not tile counts. */
export function tileBounds(level: PanoramaLevel, tileSize: number, x: number, y: number): TileBounds {
  const n = level.faceSize;
  const px0 = x * tileSize;
  const py0 = y * tileSize;
  const px1 = Math.min(n, px0 + tileSize);
  const py1 = Math.min(n, py0 + tileSize);
  return {
    s0: (2 * px0) / n - 1,
    s1: (2 * px1) / n - 1,
    t0: (2 * py0) / n - 1,
    t1: (2 * py1) / n - 1,
    width: px1 - px0,
    height: py1 - py0,
  };
}

/** URL of a tile relative to the manifest, resolved against the manifest's base URL. */
export function tileUrl(manifest: Pick<PanoramaManifest, 'tileUrl'>, baseUrl: string, tile: TileId): string {
  const path = manifest.tileUrl
    .replaceAll('{level}', String(tile.level))
    .replaceAll('{face}', tile.face)
    .replaceAll('{x}', String(tile.x))
    .replaceAll('{y}', String(tile.y));
  return new URL(path, baseUrl).href;
}

/** Bytes a tile occupies on the GPU as RGBA8 without mipmaps. */
export function tileGpuBytes(bounds: Pick<TileBounds, 'width' | 'height'>): number {
  return bounds.width * bounds.height * 4;
}
