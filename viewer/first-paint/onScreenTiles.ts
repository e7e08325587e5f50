import type { PanoramaManifest } from '../manifest.ts';
import { tileBounds, tileUrl, type TileBounds, type TileId } from '../tiles/grid.ts';
import { levelForView } from '../tiles/level.ts';
import { sortByPriority } from '../tiles/priority.ts';
import { visibleTiles } from '../tiles/visibility.ts';
import { pixelsPerRadian } from '../view/projection.ts';
import type { View, Viewport } from '../view/types.ts';

/**
 * The tiles the viewer will want first for a (clamped) view: on screen, at the level it will choose for this
 * viewport and device pixel ratio (≤ 2, like the viewer), centre first. Empty when the preview is sharp enough.
 */
export function onScreenTiles(manifest: PanoramaManifest, baseUrl: string, view: View, viewport: Viewport): { tile: TileId; url: string; bounds: TileBounds }[] {
  const dpr = Math.min(2, devicePixelRatio || 1);
  const level = manifest.levels[levelForView(manifest.levels, pixelsPerRadian(view, viewport) * dpr)];
  if (!level || level.faceSize <= manifest.preview.faceSize) return [];
  const tiles = sortByPriority(visibleTiles(level, manifest.tileSize, view, viewport, 0), manifest.levels, manifest.tileSize, view);
  return tiles.map((tile) => ({ tile, url: tileUrl(manifest, baseUrl, tile), bounds: tileBounds(level, manifest.tileSize, tile.x, tile.y) }));
}
