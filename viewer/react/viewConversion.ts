import type { ViewDegrees } from '../types.ts';
import { DEG, type View } from '../view/types.ts';

/** Public degrees → internal radians, filling gaps from `fallback` (radians). */
export function toRadians(view: Partial<ViewDegrees> | undefined, fallback: View): View {
  return {
    yaw: view?.yaw !== undefined ? view.yaw * DEG : fallback.yaw,
    pitch: view?.pitch !== undefined ? view.pitch * DEG : fallback.pitch,
    fov: view?.fov !== undefined ? view.fov * DEG : fallback.fov,
  };
}

export function toDegrees(view: View): ViewDegrees {
  return { yaw: view.yaw / DEG, pitch: view.pitch / DEG, fov: view.fov / DEG };
}

/** Whether a WebGL context can be created at all; without it the viewer shows its text fallback. */
export function hasWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}
