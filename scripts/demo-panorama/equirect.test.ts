import { describe, expect, it } from 'vitest';
import { CUBE_FACES, faceDirection, yawPitchToDirection, type CubeFace } from '../../viewer/geometry/cube.ts';
import { cubeToEquirect, faceSizeFor } from './equirect.ts';

/** A smooth colour field over directions: any misoriented face or off-by-half-pixel sampling breaks the match. */
const field = (x: number, y: number, z: number): [number, number, number] => {
  const n = Math.hypot(x, y, z);
  return [127.5 + 120 * (x / n), 127.5 + 120 * (y / n), 127.5 + 120 * (z / n)];
};

function syntheticCube(size: number): Record<CubeFace, Uint8Array> {
  const faces = {} as Record<CubeFace, Uint8Array>;
  for (const face of CUBE_FACES) {
    const data = new Uint8Array(size * size * 3);
    for (let py = 0; py < size; py++) {
      for (let px = 0; px < size; px++) {
        const rgb = field(...faceDirection(face, (2 * px + 1) / size - 1, (2 * py + 1) / size - 1));
        data.set(rgb.map(Math.round), (py * size + px) * 3);
      }
    }
    faces[face] = data;
  }
  return faces;
}

describe('cubeToEquirect', () => {
  it('places every face where the cube convention says, across face edges too', () => {
    const width = 512;
    const size = 128;
    const out = cubeToEquirect({ size, faces: syntheticCube(size) }, width);
    let worst = 0;
    for (let y = 0; y < width / 2; y++) {
      for (let x = 0; x < width; x++) {
        const yaw = ((x + 0.5) / width) * 2 * Math.PI - Math.PI;
        const pitch = Math.PI / 2 - ((y + 0.5) / (width / 2)) * Math.PI;
        const expected = field(...yawPitchToDirection(yaw, pitch));
        for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(out[(y * width + x) * 3 + c]! - expected[c]!));
      }
    }
    // Bilinear error of a smooth field plus clamping at face edges stays within a couple of levels.
    expect(worst).toBeLessThan(4);
  });

  it('sizes faces like the tiler does', () => {
    expect(faceSizeFor(4096)).toBe(1296);
    expect(faceSizeFor(1024)).toBe(320);
  });
});
