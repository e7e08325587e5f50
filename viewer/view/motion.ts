import type { View } from './types.ts';

/** Angular velocity of the view, radians per second. */
export interface ViewVelocity {
  yaw: number;
  pitch: number;
}

/** Time constant of the inertia after a drag: velocity falls to 1/e in this many seconds. */
export const INERTIA_SECONDS = 0.25;
/** Below this speed (rad/s) inertia stops, so the demand frame loop can go idle. */
export const REST_SPEED = 0.002;

/** Velocity after `dt` seconds of exponential decay; zero once it drops below REST_SPEED. */
export function decayVelocity(v: ViewVelocity, dt: number, tau = INERTIA_SECONDS): ViewVelocity {
  const k = Math.exp(-dt / tau);
  const next = { yaw: v.yaw * k, pitch: v.pitch * k };
  return Math.hypot(next.yaw, next.pitch) < REST_SPEED ? { yaw: 0, pitch: 0 } : next;
}

/**
 * View change for a pointer drag of (dx, dy) CSS pixels: the photo follows the finger, so dragging right turns
 * left. Scaled by the current fov, so a drag moves the image by the same amount at every zoom.
 */
export function dragRotation(dx: number, dy: number, view: View, viewportHeight: number): ViewVelocity {
  const radPerPx = (2 * Math.tan(view.fov / 2)) / Math.max(1, viewportHeight);
  return { yaw: -dx * radPerPx, pitch: dy * radPerPx };
}

/** Fov after zooming by a factor (> 1 zooms out), done on tan(fov/2) so steps feel even at every zoom. */
export function zoomFov(fov: number, factor: number): number {
  return 2 * Math.atan(Math.tan(fov / 2) * factor);
}

/** Shortest signed yaw difference from a to b, in (-π, π]. */
export function yawDelta(a: number, b: number): number {
  let d = (b - a) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d <= -Math.PI) d += 2 * Math.PI;
  return d;
}

/** Smoothstep ease for transitions, t in [0, 1]. */
export function easeInOut(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return c * c * (3 - 2 * c);
}
