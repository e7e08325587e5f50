import type { PanoramaManifest } from '../manifest.ts';
import { tileUrl } from '../tiles/grid.ts';
import { levelForView } from '../tiles/level.ts';
import { sortByPriority } from '../tiles/priority.ts';
import { visibleTiles } from '../tiles/visibility.ts';
import { clampView, viewLimits } from '../view/limits.ts';
import { pixelsPerRadian } from '../view/projection.ts';
import type { View, Viewport } from '../view/types.ts';

/**
 * Start downloading the tiles the viewer will want first (on screen, at the level it will choose, centre first), so
 * they arrive while its JS is still loading and come from the HTTP cache (media is immutable) when it asks.
 * Returns the URLs requested.
 */
export function prefetchTiles(manifest: PanoramaManifest, baseUrl: string, requested: View, viewport: Viewport): string[] {
  const view = clampView(requested, viewLimits(manifest, viewport));
  const dpr = Math.min(2, devicePixelRatio || 1);
  const level = manifest.levels[levelForView(manifest.levels, pixelsPerRadian(view, viewport) * dpr)];
  if (!level || level.faceSize <= manifest.preview.faceSize) return [];
  const tiles = sortByPriority(visibleTiles(level, manifest.tileSize, view, viewport, 0), manifest.levels, manifest.tileSize, view);
  const urls = tiles.map((t) => tileUrl(manifest, baseUrl, t));
  for (const url of urls) void fetch(url, { credentials: 'same-origin' }).then((r) => r.blob()).catch(() => undefined);
  return urls;
}
