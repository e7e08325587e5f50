import { describe, expect, it } from 'vitest';
import { CUBE_FACES, directionToFace, directionToYawPitch, faceDirection, yawPitchToDirection } from './cube.ts';

describe('cube convention', () => {
  it('puts yaw 0 at the front face centre and yaw 90° at the right face centre', () => {
    expect(directionToFace(...yawPitchToDirection(0, 0)).face).toBe('f');
    expect(directionToFace(...yawPitchToDirection(Math.PI / 2, 0)).face).toBe('r');
    expect(directionToFace(...yawPitchToDirection(Math.PI, 0)).face).toBe('b');
    expect(directionToFace(...yawPitchToDirection(-Math.PI / 2, 0)).face).toBe('l');
    expect(directionToFace(...yawPitchToDirection(0, 1.5)).face).toBe('u');
    expect(directionToFace(...yawPitchToDirection(0, -1.5)).face).toBe('d');
  });

  it('round-trips face coordinates through directions', () => {
    for (const face of CUBE_FACES) {
      for (const [s, t] of [[0.3, -0.7], [-0.9, 0.2], [0, 0]] as const) {
        const hit = directionToFace(...faceDirection(face, s, t));
        expect(hit.face).toBe(face);
        expect(hit.s).toBeCloseTo(s, 12);
        expect(hit.t).toBeCloseTo(t, 12);
      }
    }
  });

  it('joins the up face to the top edge of the front face and the down face to its bottom edge', () => {
    // Just above the front face's top edge centre lies the up face's bottom edge centre.
    expect(directionToFace(0, 1.0001, -1)).toMatchObject({ face: 'u', t: expect.closeTo(1, 3) });
    expect(directionToFace(0, -1.0001, -1)).toMatchObject({ face: 'd', t: expect.closeTo(-1, 3) });
  });

  it('converts yaw and pitch to directions and back', () => {
    const { yaw, pitch } = directionToYawPitch(...yawPitchToDirection(2.5, -0.4));
    expect(yaw).toBeCloseTo(2.5, 12);
    expect(pitch).toBeCloseTo(-0.4, 12);
  });
});
