import { describe, expect, it } from 'vitest';
import { tileKey } from './grid.ts';
import { sortByPriority } from './priority.ts';

const levels = [
  { index: 0, faceSize: 512, tiles: 1, bytes: 0 },
  { index: 1, faceSize: 1024, tiles: 2, bytes: 0 },
];

describe('tile priority', () => {
  it('loads lower levels first, then tiles nearest the view centre', () => {
    const tiles = [
      { level: 1, face: 'r' as const, x: 0, y: 0 },
      { level: 1, face: 'f' as const, x: 0, y: 0 },
      { level: 0, face: 'r' as const, x: 0, y: 0 },
      { level: 1, face: 'f' as const, x: 1, y: 1 },
    ];
    // Looking slightly right and down: the front face's bottom-right quarter is nearest, its top-left next.
    const order = sortByPriority(tiles, levels, 512, { yaw: 0.1, pitch: -0.1, fov: 1 }).map(tileKey);
    expect(order).toEqual(['0/r/0/0', '1/f/1/1', '1/f/0/0', '1/r/0/0']);
    expect(tiles[0]!.face).toBe('r');
  });
});
