import { directionToYawPitch, yawPitchToDirection, type Vec3 } from '../geometry/cube.ts';
import type { ScreenPoint, View, Viewport } from './types.ts';

/** Orthonormal camera axes in world space for a view (no roll): right, up, forward. */
export interface CameraBasis {
  right: Vec3;
  up: Vec3;
  forward: Vec3;
}

/** Camera axes matching a three.js camera with rotation order 'YXZ', rotation.y = -yaw, rotation.x = pitch. */
export function cameraBasis(yaw: number, pitch: number): CameraBasis {
  const forward = yawPitchToDirection(yaw, pitch);
  const right: Vec3 = [Math.cos(yaw), 0, Math.sin(yaw)];
  // up = right × forward; right is horizontal and perpendicular to forward, so up is unit length.
  const up: Vec3 = [
    right[1] * forward[2] - right[2] * forward[1],
    right[2] * forward[0] - right[0] * forward[2],
    right[0] * forward[1] - right[1] * forward[0],
  ];
  return { right, up, forward };
}

/** World direction → camera space (x right, y up, z forward; z > 0 is in front). */
export function toCameraSpace(basis: CameraBasis, d: Vec3): Vec3 {
  const dot = (a: Vec3) => a[0] * d[0] + a[1] * d[1] + a[2] * d[2];
  return [dot(basis.right), dot(basis.up), dot(basis.forward)];
}

/** Half-extents of the image plane at distance 1: tan of half the horizontal and vertical fov. */
export function halfExtents(view: View, viewport: Viewport): { tx: number; ty: number } {
  const ty = Math.tan(view.fov / 2);
  return { tx: ty * (viewport.width / Math.max(1, viewport.height)), ty };
}

/**
 * Screen position (CSS px) of a yaw/pitch, or null when it lies behind the camera.
 * Points in front but outside the viewport still get coordinates (outside [0, width] × [0, height]).
 */
export function projectToScreen(yaw: number, pitch: number, view: View, viewport: Viewport): ScreenPoint | null {
  const [x, y, z] = toCameraSpace(cameraBasis(view.yaw, view.pitch), yawPitchToDirection(yaw, pitch));
  if (z <= 1e-6) return null;
  const { tx, ty } = halfExtents(view, viewport);
  return {
    x: ((x / z / tx + 1) / 2) * viewport.width,
    y: ((1 - y / z / ty) / 2) * viewport.height,
  };
}

/** Yaw/pitch seen at a screen position: the inverse of projectToScreen (click-to-place in the editor). */
export function screenToYawPitch(point: ScreenPoint, view: View, viewport: Viewport): { yaw: number; pitch: number } {
  const { tx, ty } = halfExtents(view, viewport);
  const cx = ((2 * point.x) / viewport.width - 1) * tx;
  const cy = (1 - (2 * point.y) / viewport.height) * ty;
  const b = cameraBasis(view.yaw, view.pitch);
  const d: Vec3 = [
    b.right[0] * cx + b.up[0] * cy + b.forward[0],
    b.right[1] * cx + b.up[1] * cy + b.forward[1],
    b.right[2] * cx + b.up[2] * cy + b.forward[2],
  ];
  return directionToYawPitch(...d);
}

/** Great-circle angle between two yaw/pitch directions. */
export function angularDistance(a: { yaw: number; pitch: number }, b: { yaw: number; pitch: number }): number {
  const da = yawPitchToDirection(a.yaw, a.pitch);
  const db = yawPitchToDirection(b.yaw, b.pitch);
  const dot = da[0] * db[0] + da[1] * db[1] + da[2] * db[2];
  return Math.acos(Math.min(1, Math.max(-1, dot)));
}

/** Screen pixels per radian at the view centre. */
export function pixelsPerRadian(view: View, viewport: Viewport): number {
  return viewport.height / 2 / Math.tan(view.fov / 2);
}
