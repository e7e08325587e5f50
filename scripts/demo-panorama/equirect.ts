import { CUBE_FACES, directionToFace, yawPitchToDirection, type CubeFace } from '../../viewer/geometry/cube.ts';

/** Six square RGB images (3 bytes a pixel), oriented per viewer/geometry/cube.ts. */
export interface CubeFaceImages {
  readonly size: number;
  readonly faces: Readonly<Record<CubeFace, Uint8Array>>;
}

/**
 * Reprojects a cube map to an equirectangular RGB image of width × width/2, bilinear.
 * Pixel (x, y) of the equirect has its centre at yaw = ((x + ½)/W)·2π − π, pitch = π/2 − ((y + ½)/H)·π;
 * face samples use the cube convention's pixel centres and clamp at face edges (each face is drawn to its edge).
 */
export function cubeToEquirect(cube: CubeFaceImages, width: number): Uint8Array {
  const height = width / 2;
  const { size, faces } = cube;
  const out = new Uint8Array(width * height * 3);
  const faceData = CUBE_FACES.map((f) => faces[f]);
  const faceIndex = Object.fromEntries(CUBE_FACES.map((f, i) => [f, i])) as Record<CubeFace, number>;
  const max = size - 1;
  // yawPitchToDirection factored into per-column and per-row terms.
  const sinYaw = new Float64Array(width);
  const cosYaw = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const yaw = ((x + 0.5) / width) * 2 * Math.PI - Math.PI;
    const [sx, , sz] = yawPitchToDirection(yaw, 0);
    sinYaw[x] = sx;
    cosYaw[x] = -sz;
  }
  for (let y = 0; y < height; y++) {
    const pitch = Math.PI / 2 - ((y + 0.5) / height) * Math.PI;
    const cosPitch = Math.cos(pitch);
    const dy = Math.sin(pitch);
    for (let x = 0; x < width; x++) {
      const hit = directionToFace(sinYaw[x]! * cosPitch, dy, -cosYaw[x]! * cosPitch);
      const data = faceData[faceIndex[hit.face]]!;
      // s = (2·px + 1)/N − 1  ⇔  px = ((s + 1)·N − 1)/2
      const fx = Math.min(max, Math.max(0, ((hit.s + 1) * size - 1) / 2));
      const fy = Math.min(max, Math.max(0, ((hit.t + 1) * size - 1) / 2));
      const x0 = fx | 0;
      const y0 = fy | 0;
      const x1 = x0 < max ? x0 + 1 : x0;
      const y1 = y0 < max ? y0 + 1 : y0;
      const ax = fx - x0;
      const ay = fy - y0;
      const i00 = (y0 * size + x0) * 3;
      const i10 = (y0 * size + x1) * 3;
      const i01 = (y1 * size + x0) * 3;
      const i11 = (y1 * size + x1) * 3;
      const o = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const top = data[i00 + c]! + (data[i10 + c]! - data[i00 + c]!) * ax;
        const bottom = data[i01 + c]! + (data[i11 + c]! - data[i01 + c]!) * ax;
        out[o + c] = Math.round(top + (bottom - top) * ay);
      }
    }
  }
  return out;
}

/** Cube face edge length for an equirect width, as Pannellum's generator picks it: 8·⌊W/π/8⌋. */
export function faceSizeFor(width: number): number {
  return 8 * Math.floor(width / Math.PI / 8);
}
