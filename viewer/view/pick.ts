import { angularDistance } from './projection.ts';

/**
 * The hotspot nearest a pointing direction within `maxAngle` radians, or null. Works the same for a mouse click
 * (unprojected to yaw/pitch), a VR controller ray and a gaze, so hotspots are picked without raycasting sprites.
 */
export function pickHotspot<H extends { yaw: number; pitch: number }>(
  hotspots: readonly H[],
  at: { yaw: number; pitch: number },
  maxAngle: number,
): H | null {
  let best: H | null = null;
  let bestAngle = maxAngle;
  for (const h of hotspots) {
    const a = angularDistance(h, at);
    if (a <= bestAngle) {
      best = h;
      bestAngle = a;
    }
  }
  return best;
}
