import { directionToYawPitch, faceDirection } from '../geometry/cube.ts';
import type { PanoramaLevel } from '../manifest.ts';
import { angularDistance } from '../view/projection.ts';
import type { View } from '../view/types.ts';
import { tileBounds, type TileId } from './grid.ts';

/** Angle between a tile's centre and the view centre. */
export function tileCentreAngle(tile: TileId, level: PanoramaLevel, tileSize: number, view: View): number {
  const b = tileBounds(level, tileSize, tile.x, tile.y);
  const centre = directionToYawPitch(...faceDirection(tile.face, (b.s0 + b.s1) / 2, (b.t0 + b.t1) / 2));
  return angularDistance(centre, view);
}

/**
 * Load order: lower levels first (they cover more screen per byte and fill holes quickly), then the tile nearest
 * the view centre. Returns a new array; the input is untouched.
 */
export function sortByPriority(
  tiles: readonly TileId[],
  levels: readonly PanoramaLevel[],
  tileSize: number,
  view: View,
): TileId[] {
  const byIndex = new Map(levels.map((l) => [l.index, l]));
  const angle = new Map<TileId, number>();
  for (const t of tiles) {
    const level = byIndex.get(t.level);
    angle.set(t, level ? tileCentreAngle(t, level, tileSize, view) : Math.PI);
  }
  return [...tiles].sort((a, b) => a.level - b.level || angle.get(a)! - angle.get(b)!);
}
