import { describe, expect, it } from 'vitest';
import { decayVelocity, dragRotation, easeInOut, yawDelta, zoomFov } from './motion.ts';
import { DEG } from './types.ts';

describe('view motion', () => {
  it('decays inertia and comes to rest so rendering can stop', () => {
    let v = { yaw: 2, pitch: -1 };
    v = decayVelocity(v, 0.25);
    expect(v.yaw).toBeCloseTo(2 / Math.E);
    for (let i = 0; i < 200 && (v.yaw || v.pitch); i++) v = decayVelocity(v, 1 / 60);
    expect(v).toEqual({ yaw: 0, pitch: 0 });
  });

  it('drags the photo with the finger: a drag of half the screen height turns by half the fov-tangent span', () => {
    const view = { yaw: 0, pitch: 0, fov: 90 * DEG };
    const r = dragRotation(300, 0, view, 600);
    expect(r.yaw).toBeCloseTo(-1);
    expect(dragRotation(0, 100, view, 600).pitch).toBeGreaterThan(0);
    expect(Math.abs(dragRotation(100, 0, { ...view, fov: 20 * DEG }, 600).yaw)).toBeLessThan(Math.abs(dragRotation(100, 0, view, 600).yaw));
  });

  it('zooms on tan(fov/2) and takes the short way round in yaw', () => {
    expect(zoomFov(90 * DEG, 0.5)).toBeCloseTo(2 * Math.atan(0.5));
    expect(yawDelta(170 * DEG, -170 * DEG) / DEG).toBeCloseTo(20);
    expect(yawDelta(-170 * DEG, 170 * DEG) / DEG).toBeCloseTo(-20);
    expect(easeInOut(0)).toBe(0);
    expect(easeInOut(1)).toBe(1);
    expect(easeInOut(0.5)).toBeCloseTo(0.5);
  });
});
