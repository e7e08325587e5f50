import { faceDirection, type CubeFace } from '../../viewer/geometry/cube.ts';
import { createSampler, type EquirectSource } from './equirect.ts';

/** Caps on samples per face pixel along longitude / latitude (only pixels right at a pole reach them). */
const MAX_SAMPLES_U = 64;
const MAX_SAMPLES_V = 16;

/**
 * faceDirection is affine in (s, t); read its origin and axes once so the inner loop is plain arithmetic while the
 * convention still comes from the one shared definition in viewer/geometry/cube.ts.
 */
export function faceBasis(face: CubeFace): { o: number[]; a: number[]; b: number[] } {
  const o = [...faceDirection(face, 0, 0)];
  const sAxis = faceDirection(face, 1, 0);
  const tAxis = faceDirection(face, 0, 1);
  return { o, a: sAxis.map((v, i) => v - o[i]!), b: tAxis.map((v, i) => v - o[i]!) };
}

/**
 * Render one N×N cube face (RGB) from an equirectangular source.
 *
 * Each face pixel is the average of the source over the pixel's footprint: the footprint's extent in source pixels is
 * the face pixel's size times the analytic derivatives of (longitude, latitude) with respect to face coordinates.
 * Where it spans at most one source pixel (the four side faces at the natural face size) one bilinear sample is
 * exact; where it spans more (towards the poles, longitudes crowd together) that many bilinear samples are averaged
 * across it, so stripes in the photo turn into their mean instead of aliasing into moiré.
 */
export function reprojectFace(src: EquirectSource, face: CubeFace, size: number, out?: Uint8Array): Uint8Array {
  const pixels = out ?? new Uint8Array(size * size * 3);
  const sampler = createSampler(src);
  const { o, a, b } = faceBasis(face);
  const [ox, oy, oz] = o as [number, number, number];
  const [ax, ay, az] = a as [number, number, number];
  const [bx, by, bz] = b as [number, number, number];
  const step = 2 / size;
  const uPerRadian = src.fullWidth / (2 * Math.PI);
  const vPerRadian = src.fullHeight / Math.PI;
  const acc = new Float64Array(3);
  const { pixels: sp, width: sw, height: sh, left: sl, top: st } = src;
  const stride = sw * 3;
  // One call per row (rather than one long loop) lets V8 optimise the row body normally instead of through
  // on-stack replacement, which kept deoptimising here and cost ~3×.
  const renderRow = (py: number): void => {
    const t = (2 * py + 1) / size - 1;
    let w = py * size * 3;
    for (let px = 0; px < size; px++) {
      const s = (2 * px + 1) / size - 1;
      const x = ox + s * ax + t * bx;
      const y = oy + s * ay + t * by;
      const z = oz + s * az + t * bz;
      const rxz2 = x * x + z * z;
      const r = Math.sqrt(rxz2);
      const fu = (Math.atan2(x, -z) + Math.PI) * uPerRadian;
      const fv = (Math.PI / 2 - Math.atan2(y, r)) * vPerRadian;

      // Footprint of this face pixel in source pixels along u (longitude) and v (latitude).
      let spanU: number;
      let spanV: number;
      if (rxz2 < 1e-18) {
        spanU = src.fullWidth;
        spanV = step * vPerRadian;
      } else {
        const yawS = (x * az - z * ax) / rxz2;
        const yawT = (x * bz - z * bx) / rxz2;
        const d2 = rxz2 + y * y;
        const pitchS = (r * ay - (y * (x * ax + z * az)) / r) / d2;
        const pitchT = (r * by - (y * (x * bx + z * bz)) / r) / d2;
        spanU = (Math.abs(yawS) + Math.abs(yawT)) * step * uPerRadian;
        spanV = (Math.abs(pitchS) + Math.abs(pitchT)) * step * vPerRadian;
      }
      if (spanU <= 1.001 && spanV <= 1.001) {
        // One bilinear sample; inlined fast path when all four neighbours lie inside the photo.
        const cx = fu - 0.5;
        const cy = fv - 0.5;
        const x0 = Math.floor(cx);
        const y0 = Math.floor(cy);
        const lx = x0 - sl;
        const ly = y0 - st;
        if (lx >= 0 && lx < sw - 1 && ly >= 0 && ly < sh - 1) {
          const wx = cx - x0;
          const wy = cy - y0;
          const o = ly * stride + lx * 3;
          const o2 = o + stride;
          // Unrolled by hand: a per-channel loop here made the whole reprojection ~2× slower.
          const a0 = sp[o]!, a1 = sp[o + 1]!, a2 = sp[o + 2]!;
          const b0 = sp[o + 3]!, b1 = sp[o + 4]!, b2 = sp[o + 5]!;
          const c0 = sp[o2]!, c1 = sp[o2 + 1]!, c2 = sp[o2 + 2]!;
          const d0 = sp[o2 + 3]!, d1 = sp[o2 + 4]!, d2 = sp[o2 + 5]!;
          const t0 = a0 + wx * (b0 - a0);
          const t1 = a1 + wx * (b1 - a1);
          const t2 = a2 + wx * (b2 - a2);
          pixels[w] = (t0 + wy * (c0 + wx * (d0 - c0) - t0) + 0.5) | 0;
          pixels[w + 1] = (t1 + wy * (c1 + wx * (d1 - c1) - t1) + 0.5) | 0;
          pixels[w + 2] = (t2 + wy * (c2 + wx * (d2 - c2) - t2) + 0.5) | 0;
          w += 3;
          continue;
        }
        acc[0] = 0;
        acc[1] = 0;
        acc[2] = 0;
        sampler.addBilinear(fu, fv, acc);
        pixels[w++] = (acc[0]! + 0.5) | 0;
        pixels[w++] = (acc[1]! + 0.5) | 0;
        pixels[w++] = (acc[2]! + 0.5) | 0;
        continue;
      }
      const nu = spanU <= 1.001 ? 1 : Math.min(MAX_SAMPLES_U, Math.ceil(spanU));
      const nv = spanV <= 1.001 ? 1 : Math.min(MAX_SAMPLES_V, Math.ceil(spanV));
      const du = nu === 1 ? 0 : Math.min(spanU, src.fullWidth) / nu;
      const dv = nv === 1 ? 0 : spanV / nv;
      acc[0] = 0;
      acc[1] = 0;
      acc[2] = 0;
      for (let j = 0; j < nv; j++) {
        const sv = fv + (j - (nv - 1) / 2) * dv;
        for (let i = 0; i < nu; i++) sampler.addBilinear(fu + (i - (nu - 1) / 2) * du, sv, acc);
      }
      const inv = 1 / (nu * nv);
      pixels[w++] = (acc[0]! * inv + 0.5) | 0;
      pixels[w++] = (acc[1]! * inv + 0.5) | 0;
      pixels[w++] = (acc[2]! * inv + 0.5) | 0;
    }
  };
  for (let py = 0; py < size; py++) renderRow(py);
  return pixels;
}
