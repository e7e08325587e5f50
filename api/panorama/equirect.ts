/**
 * Sampling an equirectangular photo at any continuous position of the full sphere, with the sphere's topology:
 * longitude wraps across the image's left/right edge, and stepping past a pole continues on the opposite meridian.
 * Areas a partial (GPano) photo does not cover get a soft vertical gradient between the mean colours of its top and
 * bottom rows, so a missing zenith reads as sky and a missing nadir as floor rather than as a hard grey hole.
 */
export interface EquirectSource {
  /** RGB, 8 bits per channel, row-major, width·height·3 bytes (may live in a SharedArrayBuffer). */
  pixels: Uint8Array;
  width: number;
  height: number;
  /** The photo's place in the full sphere, in photo pixels (see sphere.ts). */
  fullWidth: number;
  fullHeight: number;
  left: number;
  top: number;
}

export interface Sampler {
  /** Bilinear sample at full-sphere pixel coordinates (pixel centres at integer + 0.5); adds RGB into acc[0..2]. */
  addBilinear(fx: number, fy: number, acc: Float64Array): void;
}

function meanRowColour(src: EquirectSource, row: number): [number, number, number] {
  let r = 0;
  let g = 0;
  let b = 0;
  const base = row * src.width * 3;
  for (let i = 0; i < src.width; i++) {
    r += src.pixels[base + i * 3]!;
    g += src.pixels[base + i * 3 + 1]!;
    b += src.pixels[base + i * 3 + 2]!;
  }
  return [r / src.width, g / src.width, b / src.width];
}

/**
 * Colour for sphere areas the photo does not cover, by photo row `ly` (negative above it, ≥ height below it):
 * the mean of its top row above, of its bottom row below, and a blend of the two beside it.
 */
export function neutralFill(src: EquirectSource): (ly: number, out: number[]) => void {
  const topFill = meanRowColour(src, 0);
  const bottomFill = meanRowColour(src, src.height - 1);
  return (ly, out) => {
    const g = ly < 0 ? 0 : ly >= src.height ? 1 : ly / (src.height - 1);
    for (let c = 0; c < 3; c++) out[c] = topFill[c]! + g * (bottomFill[c]! - topFill[c]!);
  };
}

/** Build a sampler over a source; cheap (reads two rows for the fill colours of partial photos). */
export function createSampler(src: EquirectSource): Sampler {
  const { pixels, width, height, fullWidth, fullHeight, left, top } = src;
  const fill = neutralFill(src);
  const fillColour = [0, 0, 0];
  const halfTurn = Math.floor(fullWidth / 2);
  const stride = width * 3;

  /** Add weight·pixel(ix, iy) where (ix, iy) are integer full-sphere coordinates, possibly out of range. */
  function addPixel(ix: number, iy: number, weight: number, acc: Float64Array): void {
    if (iy < 0) {
      iy = -1 - iy;
      ix += halfTurn;
    } else if (iy >= fullHeight) {
      iy = 2 * fullHeight - 1 - iy;
      ix += halfTurn;
    }
    let lx = (ix - left) % fullWidth;
    if (lx < 0) lx += fullWidth;
    const ly = iy - top;
    if (lx < width && ly >= 0 && ly < height) {
      const o = ly * stride + lx * 3;
      acc[0]! += weight * pixels[o]!;
      acc[1]! += weight * pixels[o + 1]!;
      acc[2]! += weight * pixels[o + 2]!;
      return;
    }
    fill(ly, fillColour);
    acc[0]! += weight * fillColour[0]!;
    acc[1]! += weight * fillColour[1]!;
    acc[2]! += weight * fillColour[2]!;
  }

  function addBilinear(fx: number, fy: number, acc: Float64Array): void {
    const cx = fx - 0.5;
    const cy = fy - 0.5;
    const x0 = Math.floor(cx);
    const y0 = Math.floor(cy);
    const wx = cx - x0;
    const wy = cy - y0;
    const lx = x0 - left;
    const ly = y0 - top;
    if (lx >= 0 && lx < width - 1 && ly >= 0 && ly < height - 1) {
      // Fast path: all four neighbours are inside the photo.
      const o = ly * stride + lx * 3;
      const o2 = o + stride;
      // Unrolled by hand: a per-channel loop here made the whole reprojection ~2× slower.
      const a0 = pixels[o]!, a1 = pixels[o + 1]!, a2 = pixels[o + 2]!;
      const b0 = pixels[o + 3]!, b1 = pixels[o + 4]!, b2 = pixels[o + 5]!;
      const c0 = pixels[o2]!, c1 = pixels[o2 + 1]!, c2 = pixels[o2 + 2]!;
      const d0 = pixels[o2 + 3]!, d1 = pixels[o2 + 4]!, d2 = pixels[o2 + 5]!;
      const t0 = a0 + wx * (b0 - a0);
      const t1 = a1 + wx * (b1 - a1);
      const t2 = a2 + wx * (b2 - a2);
      acc[0]! += t0 + wy * (c0 + wx * (d0 - c0) - t0);
      acc[1]! += t1 + wy * (c1 + wx * (d1 - c1) - t1);
      acc[2]! += t2 + wy * (c2 + wx * (d2 - c2) - t2);
      return;
    }
    addPixel(x0, y0, (1 - wx) * (1 - wy), acc);
    addPixel(x0 + 1, y0, wx * (1 - wy), acc);
    addPixel(x0, y0 + 1, (1 - wx) * wy, acc);
    addPixel(x0 + 1, y0 + 1, wx * wy, acc);
  }

  return { addBilinear };
}
