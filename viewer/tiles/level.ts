import type { PanoramaLevel } from '../manifest.ts';

/**
 * Index into `levels` (sorted smallest first) of the level a view needs: the smallest whose texel density at the face
 * centre (faceSize / 2 texels per radian) reaches the screen's density. `pixelsPerRadian` should already include
 * the device pixel ratio the caller wants to honour. Falls back to the top level when none is dense enough.
 */
export function levelForView(levels: readonly PanoramaLevel[], pixelsPerRadian: number, tolerance = 0.9): number {
  for (let i = 0; i < levels.length; i++) {
    // The tolerance accepts a level a little short of 1:1 rather than pulling 4× the bytes of the next one.
    if (levels[i]!.faceSize / 2 >= pixelsPerRadian * tolerance) return i;
  }
  return Math.max(0, levels.length - 1);
}
