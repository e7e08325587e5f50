import { describe, expect, it } from 'vitest';
import { angularDistance, cameraBasis, projectToScreen, screenToYawPitch } from './projection.ts';
import { DEG } from './types.ts';

const viewport = { width: 800, height: 600 };

describe('hotspot projection', () => {
  it('puts the view centre at the screen centre', () => {
    const view = { yaw: 1.2, pitch: -0.3, fov: 70 * DEG };
    const p = projectToScreen(1.2, -0.3, view, viewport)!;
    expect(p.x).toBeCloseTo(400);
    expect(p.y).toBeCloseTo(300);
  });

  it('puts a point to the right (larger yaw) right of centre and one above (larger pitch) higher', () => {
    const view = { yaw: 0, pitch: 0, fov: 90 * DEG };
    const right = projectToScreen(10 * DEG, 0, view, viewport)!;
    expect(right.x).toBeGreaterThan(400);
    expect(right.y).toBeCloseTo(300);
    // Half the vertical fov up lands exactly on the top edge.
    expect(projectToScreen(0, 45 * DEG, view, viewport)!.y).toBeCloseTo(0);
  });

  it('returns null behind the camera', () => {
    expect(projectToScreen(Math.PI, 0, { yaw: 0, pitch: 0, fov: 1 }, viewport)).toBeNull();
    expect(projectToScreen(100 * DEG, 0, { yaw: 0, pitch: 0, fov: 1 }, viewport)).toBeNull();
  });

  it('round-trips screen → yaw/pitch → screen for views looking anywhere', () => {
    for (const view of [
      { yaw: 0, pitch: 0, fov: 60 * DEG },
      { yaw: 2.5, pitch: 1.2, fov: 90 * DEG },
      { yaw: -3, pitch: -1.4, fov: 20 * DEG },
    ]) {
      for (const point of [{ x: 10, y: 20 }, { x: 790, y: 580 }, { x: 400, y: 300 }]) {
        const yp = screenToYawPitch(point, view, viewport);
        const back = projectToScreen(yp.yaw, yp.pitch, view, viewport)!;
        expect(back.x).toBeCloseTo(point.x, 6);
        expect(back.y).toBeCloseTo(point.y, 6);
      }
    }
  });

  it('builds an orthonormal camera basis with up pointing upward', () => {
    const { right, up, forward } = cameraBasis(0.7, 0.4);
    const dot = (a: readonly number[], b: readonly number[]) => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!;
    expect(dot(right, up)).toBeCloseTo(0);
    expect(dot(up, forward)).toBeCloseTo(0);
    expect(dot(up, up)).toBeCloseTo(1);
    expect(up[1]).toBeGreaterThan(0);
  });

  it('measures great-circle angles', () => {
    expect(angularDistance({ yaw: 0, pitch: 0 }, { yaw: Math.PI, pitch: 0 })).toBeCloseTo(Math.PI);
    expect(angularDistance({ yaw: 1, pitch: Math.PI / 2 }, { yaw: -2, pitch: Math.PI / 2 })).toBeCloseTo(0, 6);
  });
});
