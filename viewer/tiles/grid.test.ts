import { describe, expect, it } from 'vitest';
import { tileBounds, tileGpuBytes, tileKey, tileUrl } from './grid.ts';

const level = { index: 2, faceSize: 1200, tiles: 3, bytes: 0 };

describe('tile grid', () => {
  it('covers the face edge to edge, with a short last tile', () => {
    const first = tileBounds(level, 512, 0, 0);
    const last = tileBounds(level, 512, 2, 2);
    expect(first).toMatchObject({ s0: -1, t0: -1, width: 512, height: 512 });
    expect(last.s1).toBe(1);
    expect(last.t1).toBe(1);
    expect(last.width).toBe(1200 - 1024);
    // Neighbouring tiles share an edge exactly.
    expect(tileBounds(level, 512, 1, 0).s0).toBe(first.s1);
  });

  it('fills the URL template relative to the manifest', () => {
    const url = tileUrl({ tileUrl: 'tiles/{level}/{face}/{y}_{x}.webp' }, 'https://cdn.example/p/abc/manifest.json', {
      level: 2,
      face: 'r',
      x: 1,
      y: 0,
    });
    expect(url).toBe('https://cdn.example/p/abc/tiles/2/r/0_1.webp');
  });

  it('keys and sizes tiles', () => {
    expect(tileKey({ level: 1, face: 'u', x: 0, y: 3 })).toBe('1/u/0/3');
    expect(tileGpuBytes({ width: 512, height: 512 })).toBe(1024 * 1024);
  });
});
