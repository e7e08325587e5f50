import { CUBE_FACES, faceDirection, type Vec3 } from '../geometry/cube.ts';
import type { PanoramaLevel } from '../manifest.ts';
import { cameraBasis, halfExtents, toCameraSpace } from '../view/projection.ts';
import type { View, Viewport } from '../view/types.ts';
import { tileBounds, type TileId } from './grid.ts';

type Plane = (p: Vec3) => number;

/**
 * The view frustum of a pinhole camera as planes through the eye, in camera space (z forward).
 * A point is inside when every plane function is ≥ 0. The near plane keeps only points in front of the eye,
 * which is what drops tiles behind the camera even when their quads straddle it.
 */
function frustumPlanes(view: View, viewport: Viewport, margin: number): Plane[] {
  const { tx, ty } = halfExtents(view, viewport);
  const mx = tx * (1 + margin);
  const my = ty * (1 + margin);
  return [
    (p) => p[2] - 1e-4,
    (p) => mx * p[2] - p[0],
    (p) => mx * p[2] + p[0],
    (p) => my * p[2] - p[1],
    (p) => my * p[2] + p[1],
  ];
}

/** Sutherland–Hodgman: the part of a convex polygon on the inside of one plane. */
function clip(polygon: Vec3[], plane: Plane): Vec3[] {
  const out: Vec3[] = [];
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    const da = plane(a);
    const db = plane(b);
    if (da >= 0) out.push(a);
    if (da >= 0 !== db >= 0) {
      const k = da / (da - db);
      out.push([a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, a[2] + (b[2] - a[2]) * k]);
    }
  }
  return out;
}

/** Below this area on the image plane (tan units²) a clipped quad is only touching the frustum's edge. */
const MIN_AREA = 1e-6;

/**
 * True when some part of a quad (camera-space corners, in order) with a real area lies inside the frustum. A quad
 * that merely touches an edge (e.g. the up face at a 90° vertical fov looking straight ahead) does not count.
 */
export function quadInFrustum(corners: Vec3[], planes: Plane[]): boolean {
  let polygon = corners;
  for (const plane of planes) {
    polygon = clip(polygon, plane);
    if (polygon.length === 0) return false;
  }
  // Shoelace formula on the image plane (x/z, y/z); z > 0 after the near plane.
  let twice = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    twice += (a[0] / a[2]) * (b[1] / b[2]) - (b[0] / b[2]) * (a[1] / a[2]);
  }
  return Math.abs(twice) / 2 > MIN_AREA;
}

/**
 * Tiles of one level that the view can see. Tiles are flat quads on the cube, so clipping their corners against
 * the frustum planes is exact. `margin` widens the frustum (fraction of the half-extent) to prefetch around the edges.
 */
export function visibleTiles(
  level: PanoramaLevel,
  tileSize: number,
  view: View,
  viewport: Viewport,
  margin = 0,
): TileId[] {
  const basis = cameraBasis(view.yaw, view.pitch);
  const planes = frustumPlanes(view, viewport, margin);
  const visible: TileId[] = [];
  for (const face of CUBE_FACES) {
    for (let y = 0; y < level.tiles; y++) {
      for (let x = 0; x < level.tiles; x++) {
        const b = tileBounds(level, tileSize, x, y);
        const corners = [
          faceDirection(face, b.s0, b.t0),
          faceDirection(face, b.s1, b.t0),
          faceDirection(face, b.s1, b.t1),
          faceDirection(face, b.s0, b.t1),
        ].map((d) => toCameraSpace(basis, d));
        if (quadInFrustum(corners, planes)) visible.push({ level: level.index, face, x, y });
      }
    }
  }
  return visible;
}
