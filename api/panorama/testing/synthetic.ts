/** Factories for synthetic panoramas used by the pipeline's tests: known content at known directions. */
import sharp from 'sharp';
import { yawPitchToDirection, type Vec3 } from '../../../viewer/geometry/cube.ts';
import type { EquirectSource } from '../equirect.ts';

export type Rgb = [number, number, number];

/** Smooth on the whole sphere (no seam at ±180°, none at the poles) yet steep enough to expose half-pixel shifts. */
export function smoothColour([x, y, z]: Vec3): Rgb {
  const len = Math.hypot(x, y, z);
  const [ux, uy, uz] = [x / len, y / len, z / len];
  return [
    128 + 100 * Math.sin(12 * ux + 9 * uy),
    128 + 100 * Math.cos(9 * uz - 6 * ux),
    128 + 90 * Math.sin(15 * uy + 6 * uz),
  ];
}

/** An equirectangular RGB raster whose pixel centres carry colourAt(direction), rounded to 8 bits. */
export function equirectFrom(width: number, height: number, colourAt: (d: Vec3) => Rgb): Uint8Array {
  const pixels = new Uint8Array(width * height * 3);
  for (let j = 0; j < height; j++) {
    const pitch = Math.PI / 2 - ((j + 0.5) / height) * Math.PI;
    for (let i = 0; i < width; i++) {
      const yaw = ((i + 0.5) / width) * 2 * Math.PI - Math.PI;
      const colour = colourAt(yawPitchToDirection(yaw, pitch));
      for (let c = 0; c < 3; c++) pixels[(j * width + i) * 3 + c] = Math.max(0, Math.min(255, Math.round(colour[c]!)));
    }
  }
  return pixels;
}

/** A full-sphere EquirectSource in shared memory, as the build hands to its workers. */
export function fullSphere(pixels: Uint8Array, width: number, height: number): EquirectSource {
  const shared = new Uint8Array(new SharedArrayBuffer(pixels.length));
  shared.set(pixels);
  return { pixels: shared, width, height, fullWidth: width, fullHeight: height, left: 0, top: 0 };
}

/** Angle in radians between two directions. */
export function angleBetween(a: Vec3, b: Vec3): number {
  const dot = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  return Math.acos(Math.max(-1, Math.min(1, dot / (Math.hypot(...a) * Math.hypot(...b)))));
}

/** Encode a raw RGB raster as PNG (lossless, so tests know every pixel the pipeline will read). */
export function pngOf(pixels: Uint8Array, width: number, height: number): Promise<Buffer> {
  return sharp(pixels, { raw: { width, height, channels: 3 } }).png({ compressionLevel: 1 }).toBuffer();
}

/** Raw RGB of an encoded image. */
export async function decodeRgb(file: string | Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
