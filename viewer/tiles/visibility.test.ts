import { describe, expect, it } from 'vitest';
import { directionToFace, yawPitchToDirection } from '../geometry/cube.ts';
import { DEG } from '../view/types.ts';
import { tileBounds, tileKey } from './grid.ts';
import { visibleTiles } from './visibility.ts';

const level = { index: 1, faceSize: 2048, tiles: 4, bytes: 0 };
const viewport = { width: 800, height: 600 };

/** Brute force: sample many screen directions and record which tile each hits. */
function sampledTiles(view: { yaw: number; pitch: number; fov: number }): Set<string> {
  const hit = new Set<string>();
  const ty = Math.tan(view.fov / 2);
  const tx = ty * (viewport.width / viewport.height);
  const fwd = yawPitchToDirection(view.yaw, view.pitch);
  const right = [Math.cos(view.yaw), 0, Math.sin(view.yaw)];
  const up = [right[1]! * fwd[2] - right[2]! * fwd[1], right[2]! * fwd[0] - right[0]! * fwd[2], right[0]! * fwd[1] - right[1]! * fwd[0]];
  for (let i = 0; i <= 60; i++) {
    for (let j = 0; j <= 60; j++) {
      const cx = (i / 30 - 1) * tx;
      const cy = (j / 30 - 1) * ty;
      const d = [0, 1, 2].map((k) => fwd[k]! + right[k]! * cx + up[k]! * cy) as [number, number, number];
      const { face, s, t } = directionToFace(...d);
      const x = Math.min(3, Math.floor(((s + 1) / 2) * 4));
      const y = Math.min(3, Math.floor(((t + 1) / 2) * 4));
      hit.add(tileKey({ level: 1, face, x, y }));
    }
  }
  return hit;
}

describe('visible tiles', () => {
  it('finds every tile a brute-force sampling of the screen hits, for straight, tilted and polar views', () => {
    for (const view of [
      { yaw: 0, pitch: 0, fov: 60 * DEG },
      { yaw: 0.8, pitch: 0.5, fov: 90 * DEG },
      { yaw: -2.9, pitch: -1.5, fov: 100 * DEG },
      { yaw: Math.PI / 4, pitch: Math.PI / 2, fov: 75 * DEG },
    ]) {
      const found = new Set(visibleTiles(level, 512, view, viewport).map(tileKey));
      for (const key of sampledTiles(view)) expect(found, `${key} at ${JSON.stringify(view)}`).toContain(key);
      // And not wildly more: frustum culling must cull (96 tiles in total).
      expect(found.size).toBeLessThan(40);
    }
  });

  it('never selects tiles behind the camera, even those whose quads straddle its side', () => {
    const view = { yaw: 0, pitch: 0, fov: 90 * DEG };
    const found = visibleTiles(level, 512, view, viewport);
    expect(found.some((t) => t.face === 'b')).toBe(false);
    // Side faces straddle the image-plane; only their front half (s < 0 on r, s > 0 on l) can be visible.
    for (const t of found.filter((t) => t.face === 'r')) expect(tileBounds(level, 512, t.x, t.y).s0).toBeLessThan(0);
    for (const t of found.filter((t) => t.face === 'l')) expect(tileBounds(level, 512, t.x, t.y).s1).toBeGreaterThan(0);
  });

  it('sees only the front face tiles near the centre when zoomed in', () => {
    const found = visibleTiles(level, 512, { yaw: 0, pitch: 0, fov: 10 * DEG }, viewport).map(tileKey);
    expect(found.sort()).toEqual(['1/f/1/1', '1/f/1/2', '1/f/2/1', '1/f/2/2']);
  });

  it('widens with a prefetch margin', () => {
    const view = { yaw: 0.3, pitch: 0.1, fov: 40 * DEG };
    expect(visibleTiles(level, 512, view, viewport, 0.5).length).toBeGreaterThan(visibleTiles(level, 512, view, viewport).length);
  });
});

describe('visibleTiles at a face edge', () => {
  it('leaves out tiles that only touch the frustum: a 90° vertical fov straight ahead shows no up or down face', () => {
    const tall = { width: 390, height: 844 };
    const faces = new Set(visibleTiles({ index: 1, faceSize: 1304, tiles: 2, bytes: 0 }, 652, { yaw: 0, pitch: 0, fov: 90 * DEG }, tall).map((t) => t.face));
    expect([...faces]).toEqual(['f']);
  });
});
