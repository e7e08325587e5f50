import { BufferGeometry, Float32BufferAttribute } from 'three';
import { faceDirection, yawPitchToDirection, type CubeFace } from '../geometry/cube.ts';

/**
 * A quad covering face region [s0, s1] × [t0, t1] on a cube of half-size `radius`, with uv mapping
 * (u0..u1, v0..v1) where v grows downward (textures are uploaded with flipY = false, row 0 at v = 0).
 * Built from faceDirection, so it follows the shared convention without restating it.
 */
export function faceQuadGeometry(
  face: CubeFace,
  region: { s0: number; s1: number; t0: number; t1: number },
  uv: { u0: number; u1: number; v0: number; v1: number },
  radius: number,
): BufferGeometry {
  const corners = [
    faceDirection(face, region.s0, region.t0),
    faceDirection(face, region.s1, region.t0),
    faceDirection(face, region.s1, region.t1),
    faceDirection(face, region.s0, region.t1),
  ];
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(corners.flatMap((c) => c.map((v) => v * radius)), 3));
  geometry.setAttribute('uv', new Float32BufferAttribute([uv.u0, uv.v0, uv.u1, uv.v0, uv.u1, uv.v1, uv.u0, uv.v1], 2));
  // Two triangles; materials are double-sided, so winding does not matter from inside the cube.
  geometry.setIndex([0, 1, 2, 0, 2, 3]);
  geometry.computeBoundingSphere();
  return geometry;
}

/**
 * A sphere for the equirectangular placeholder, built from yawPitchToDirection so yaw 0 sits at the image centre
 * and the image's left edge at yaw -180°, as the convention says. v grows downward (flipY = false).
 */
export function equirectSphereGeometry(radius: number, columns = 48, rows = 24): BufferGeometry {
  const positions: number[] = [];
  const uvs: number[] = [];
  const index: number[] = [];
  for (let r = 0; r <= rows; r++) {
    const v = r / rows;
    const pitch = Math.PI / 2 - v * Math.PI;
    for (let c = 0; c <= columns; c++) {
      const u = c / columns;
      const d = yawPitchToDirection(u * 2 * Math.PI - Math.PI, pitch);
      positions.push(d[0] * radius, d[1] * radius, d[2] * radius);
      uvs.push(u, v);
    }
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const a = r * (columns + 1) + c;
      const b = a + columns + 1;
      index.push(a, b, a + 1, a + 1, b, b + 1);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.setAttribute('uv', new Float32BufferAttribute(uvs, 2));
  geometry.setIndex(index);
  geometry.computeBoundingSphere();
  return geometry;
}
