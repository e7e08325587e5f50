import { describe, expect, it } from 'vitest';
import { decodeViewHash, encodeViewHash } from './hash.ts';
import { DEG } from './types.ts';

describe('view hash', () => {
  it('encodes rounded degrees', () => {
    expect(encodeViewHash({ scene: 'lobby', view: { yaw: 12.345 * DEG, pitch: -0.04 * DEG, fov: 75 * DEG } })).toBe(
      '#s=lobby&y=12.3&p=0&f=75',
    );
  });

  it('round-trips to within rounding', () => {
    const link = decodeViewHash(encodeViewHash({ scene: 'hall-2', view: { yaw: -2.1, pitch: 0.33, fov: 1.1 } }));
    expect(link.scene).toBe('hall-2');
    expect(link.view.yaw).toBeCloseTo(-2.1, 2);
    expect(link.view.pitch).toBeCloseTo(0.33, 2);
    expect(link.view.fov).toBeCloseTo(1.1, 2);
  });

  it('keeps the good fields of a mangled hash and drops the rest', () => {
    const link = decodeViewHash('#s=lobby&y=abc&p=95&f=60&x=1');
    expect(link).toEqual({ scene: 'lobby', view: { fov: 60 * DEG } });
    expect(decodeViewHash('')).toEqual({ view: {} });
    expect(decodeViewHash('#s=<script>&y=370')).toEqual({ view: { yaw: expect.closeTo(10 * DEG, 6) } });
    expect(decodeViewHash('%%%')).toEqual({ view: {} });
  });
});
