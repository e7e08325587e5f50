import { describe, expect, it } from 'vitest';
import { pixelsPerRadian } from '../view/projection.ts';
import { DEG } from '../view/types.ts';
import { levelForView } from './level.ts';

const levels = [512, 1024, 2048, 4096].map((faceSize, index) => ({ index, faceSize, tiles: faceSize / 512, bytes: 0 }));

describe('level for a view', () => {
  it('picks the smallest level dense enough for the screen', () => {
    // 600 px tall at 90° fov: 300 px per radian; a 512 face gives 256 texels per radian (short), 1024 gives 512.
    const ppr = pixelsPerRadian({ yaw: 0, pitch: 0, fov: 90 * DEG }, { width: 800, height: 600 });
    expect(ppr).toBeCloseTo(300);
    expect(levelForView(levels, ppr)).toBe(1);
  });

  it('moves up a level when zooming in and on a high-density screen', () => {
    const wide = pixelsPerRadian({ yaw: 0, pitch: 0, fov: 90 * DEG }, { width: 800, height: 600 });
    const narrow = pixelsPerRadian({ yaw: 0, pitch: 0, fov: 30 * DEG }, { width: 800, height: 600 });
    expect(levelForView(levels, narrow)).toBeGreaterThan(levelForView(levels, wide));
    expect(levelForView(levels, wide * 2)).toBe(levelForView(levels, wide) + 1);
  });

  it('caps at the top level', () => {
    expect(levelForView(levels, 1e6)).toBe(3);
    expect(levelForView([], 100)).toBe(0);
  });
});
