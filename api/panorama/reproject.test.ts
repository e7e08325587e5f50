import { describe, expect, it } from 'vitest';
import { CUBE_FACES, directionToFace, faceDirection, yawPitchToDirection, type CubeFace } from '../../viewer/geometry/cube.ts';
import { reprojectFace } from './reproject.ts';
import { angleBetween, equirectFrom, fullSphere, smoothColour, type Rgb } from './testing/synthetic.ts';

const W = 1024;
const H = 512;
const N = 160; // below the natural 328, so side faces are area-averaged too
const smooth = fullSphere(equirectFrom(W, H, smoothColour), W, H);
const smoothFaces = new Map(CUBE_FACES.map((f) => [f, reprojectFace(smooth, f, N)]));
const pixelAt = (face: Uint8Array, size: number, px: number, py: number): Rgb => {
  const o = (py * size + px) * 3;
  return [face[o]!, face[o + 1]!, face[o + 2]!];
};
const centreDirection = (face: CubeFace, px: number, py: number, size = N) =>
  faceDirection(face, (2 * px + 1) / size - 1, (2 * py + 1) / size - 1);

describe('reprojectFace accuracy', () => {
  it('matches a float reference projection of smooth content to within 1/255 on average, everywhere bounded', () => {
    for (const face of CUBE_FACES) {
      let sum = 0;
      let max = 0;
      let count = 0;
      for (let py = 0; py < N; py += 3) {
        for (let px = 0; px < N; px += 3) {
          const expected = smoothColour(centreDirection(face, px, py));
          const actual = pixelAt(smoothFaces.get(face)!, N, px, py);
          for (let c = 0; c < 3; c++) {
            const error = Math.abs(actual[c]! - expected[c]!);
            sum += error;
            max = Math.max(max, error);
            count++;
          }
        }
      }
      expect(sum / count, `mean error on face ${face}`).toBeLessThan(1);
      expect(max, `max error on face ${face}`).toBeLessThan(3);
    }
  });

  it('is as accurate at the natural face size, where side faces take one bilinear sample per pixel', () => {
    const size = 328;
    for (const face of CUBE_FACES) {
      const pixels = reprojectFace(smooth, face, size);
      let sum = 0;
      let count = 0;
      for (let py = 1; py < size; py += 5) {
        for (let px = 2; px < size; px += 5) {
          const expected = smoothColour(centreDirection(face, px, py, size));
          const actual = pixelAt(pixels, size, px, py);
          for (let c = 0; c < 3; c++) sum += Math.abs(actual[c]! - expected[c]!);
          count += 3;
        }
      }
      expect(sum / count, `mean error on face ${face}`).toBeLessThan(1);
    }
  });

  it('puts known directions on the faces the cube convention says, unmirrored', () => {
    // Coloured caps 12° across at known yaw/pitch; every direction worked out by hand, not via directionToFace.
    const marks: { yaw: number; pitch: number; colour: Rgb }[] = [
      { yaw: 0, pitch: 0, colour: [255, 0, 0] },
      { yaw: 90, pitch: 0, colour: [0, 255, 0] },
      { yaw: 180, pitch: 0, colour: [0, 0, 255] },
      { yaw: -90, pitch: 0, colour: [255, 255, 0] },
      { yaw: 0, pitch: 90, colour: [255, 255, 255] },
      { yaw: 0, pitch: -90, colour: [0, 0, 0] },
      { yaw: 30, pitch: 20, colour: [255, 0, 255] },
      { yaw: 0, pitch: 60, colour: [0, 255, 255] },
      { yaw: 90, pitch: 60, colour: [255, 128, 0] },
    ];
    const rad = Math.PI / 180;
    const src = fullSphere(
      equirectFrom(W, H, (d) => {
        const hit = marks.find((m) => angleBetween(d, yawPitchToDirection(m.yaw * rad, m.pitch * rad)) < 6 * rad);
        return hit ? hit.colour : [128, 128, 128];
      }),
      W,
      H,
    );
    const at = (face: CubeFace, s: number, t: number) => {
      const px = Math.floor(((s + 1) / 2) * N);
      const py = Math.floor(((t + 1) / 2) * N);
      return pixelAt(reprojectFace(src, face, N), N, px, py);
    };
    expect(at('f', 0, 0)).toEqual([255, 0, 0]);
    expect(at('r', 0, 0)).toEqual([0, 255, 0]);
    expect(at('b', 0, 0)).toEqual([0, 0, 255]);
    expect(at('l', 0, 0)).toEqual([255, 255, 0]);
    expect(at('u', 0, 0)).toEqual([255, 255, 255]);
    expect(at('d', 0, 0)).toEqual([0, 0, 0]);
    // yaw 30°, pitch 20° on the front face: right of centre (s = tan 30°), above it (t = −tan 20° / cos 30°).
    expect(at('f', Math.tan(30 * rad), -Math.tan(20 * rad) / Math.cos(30 * rad))).toEqual([255, 0, 255]);
    // Up face: its bottom half meets the front (yaw 0, pitch 60° ⇒ t = cot 60°), its right half the right face.
    expect(at('u', 0, 1 / Math.tan(60 * rad))).toEqual([0, 255, 255]);
    expect(at('u', 1 / Math.tan(60 * rad), 0)).toEqual([255, 128, 0]);
  });
});

describe('reprojectFace continuity', () => {
  it('has no seam across any cube edge: neighbours differ no more than the content does', () => {
    let pairs = 0;
    for (const face of CUBE_FACES) {
      const edges = [
        (k: number) => [0, k, -1, 0],
        (k: number) => [N - 1, k, 1, 0],
        (k: number) => [k, 0, 0, -1],
        (k: number) => [k, N - 1, 0, 1],
      ];
      for (const edge of edges) {
        for (let k = 0; k < N; k += 7) {
          const [px, py, dx, dy] = edge(k) as [number, number, number, number];
          const inside = centreDirection(face, px, py);
          // One pixel further out, across the edge: whichever face that lands on, at whichever pixel.
          const beyond = faceDirection(face, (2 * (px + dx) + 1) / N - 1, (2 * (py + dy) + 1) / N - 1);
          const hit = directionToFace(...beyond);
          expect(hit.face).not.toBe(face);
          const qx = Math.min(N - 1, Math.floor(((hit.s + 1) / 2) * N));
          const qy = Math.min(N - 1, Math.floor(((hit.t + 1) / 2) * N));
          const a = pixelAt(smoothFaces.get(face)!, N, px, py);
          const b = pixelAt(smoothFaces.get(hit.face)!, N, qx, qy);
          const ca = smoothColour(inside);
          const cb = smoothColour(centreDirection(hit.face, qx, qy));
          for (let c = 0; c < 3; c++) expect(Math.abs(a[c]! - b[c]!)).toBeLessThanOrEqual(Math.abs(ca[c]! - cb[c]!) + 4);
          pairs++;
        }
      }
    }
    expect(pairs).toBeGreaterThan(500);
  });
});

describe('reprojectFace filtering', () => {
  it('averages 1-pixel stripes into grey near the poles instead of aliasing them', () => {
    const stripes = new Uint8Array(W * H * 3);
    for (let i = 0; i < stripes.length; i += 3) stripes.fill((i / 3) % 2 ? 255 : 0, i, i + 3);
    const src = fullSphere(stripes, W, H);
    for (const face of ['u', 'd'] as const) {
      const pixels = reprojectFace(src, face, N);
      for (let py = 0; py < N; py++) {
        for (let px = 0; px < N; px++) {
          const s = (2 * px + 1) / N - 1;
          const t = (2 * py + 1) / N - 1;
          // Inside r < 0.4 a face pixel spans ≥ 2.5 source columns, so only the mean may survive.
          if (Math.hypot(s, t) < 0.4) expect(Math.abs(pixels[(py * N + px) * 3]! - 127.5)).toBeLessThan(30);
        }
      }
    }
  });

  it('places a partial (GPano) photo on its part of the sphere and fills the rest neutrally', () => {
    // A 256×256 red patch whose centre sits at yaw +90°, pitch 0 of a 1024×512 sphere; its top row is white-ish.
    const patch = new Uint8Array(256 * 256 * 3);
    for (let i = 0; i < patch.length; i += 3) patch.set(i < 256 * 3 ? [240, 240, 240] : [200, 0, 0], i);
    const shared = new Uint8Array(new SharedArrayBuffer(patch.length));
    shared.set(patch);
    const src = { pixels: shared, width: 256, height: 256, fullWidth: 1024, fullHeight: 512, left: 640, top: 128 };
    const right = reprojectFace(src, 'r', N);
    const front = reprojectFace(src, 'f', N);
    const up = reprojectFace(src, 'u', N);
    expect(pixelAt(right, N, N / 2, N / 2)).toEqual([200, 0, 0]);
    const fill = pixelAt(front, N, N / 2, N / 2);
    expect(fill[0]).toBeGreaterThan(fill[1]! - 1); // a blend of the patch's top/bottom means, not black, not red
    expect(fill[1]).toBeGreaterThan(60);
    expect(pixelAt(up, N, N / 2, N / 2)).toEqual([240, 240, 240]);
  });
});
