import { panoramaError } from './errors.ts';
import type { GPano } from './gpano.ts';

/** Limits on the decoded photo (after EXIF rotation), checked from the header before any pixel is decoded. */
export const MAX_WIDTH = 16384;
export const MAX_HEIGHT = 8192;
export const MAX_PIXELS = MAX_WIDTH * MAX_HEIGHT;
export const MIN_WIDTH = 512;
export const MIN_HEIGHT = 256;
/** How far from exactly 2:1 a full sphere may be (cameras sometimes emit 2:1 ± a pixel or two). */
const RATIO_TOLERANCE = 0.01;

/**
 * Where the photo's pixels sit in the full equirectangular sphere, in the photo's own pixel units
 * (GPano numbers are rescaled: files are often downscaled without updating their XMP).
 */
export interface SpherePlacement {
  fullWidth: number;
  fullHeight: number;
  left: number;
  top: number;
  fromGPano: boolean;
  poseHeadingDegrees?: number;
}

/** Check the photo's size and work out its place on the sphere; throws a panorama AppError when it cannot be one. */
export function placeOnSphere(width: number, height: number, gpano: GPano | null): SpherePlacement {
  if (width > MAX_WIDTH || height > MAX_HEIGHT || width * height > MAX_PIXELS)
    throw panoramaError('pano_too_large', { width, height });
  if (width < MIN_WIDTH || height < MIN_HEIGHT) throw panoramaError('pano_too_small', { width, height });

  if (gpano && !(gpano.projectionType && gpano.projectionType.toLowerCase() !== 'equirectangular')) {
    const { croppedWidth, croppedHeight, fullWidth, fullHeight, croppedLeft, croppedTop } = gpano;
    const positive = [croppedWidth, croppedHeight, fullWidth, fullHeight].every((v) => v > 0);
    const inside =
      croppedWidth <= fullWidth && croppedHeight <= fullHeight && croppedTop >= 0 && croppedTop + croppedHeight <= fullHeight;
    if (!positive || !inside || croppedLeft < 0 || croppedLeft >= fullWidth)
      throw panoramaError('pano_bad_gpano', gpano);
    if (Math.abs(fullWidth / fullHeight - 2) > 2 * RATIO_TOLERANCE) throw panoramaError('pano_not_equirectangular', gpano);
    // The crop must have the photo's shape; its scale may differ (downscaled files keep the original numbers).
    if (Math.abs(croppedWidth / croppedHeight / (width / height) - 1) > RATIO_TOLERANCE)
      throw panoramaError('pano_bad_gpano', { gpano, width, height });
    const scale = width / croppedWidth;
    const full = Math.round(fullWidth * scale);
    const placement: SpherePlacement = {
      fullWidth: full < width + 2 ? width : full,
      fullHeight: Math.round(fullHeight * scale) < height + 2 ? height : Math.round(fullHeight * scale),
      left: Math.round(croppedLeft * scale),
      top: Math.round(croppedTop * scale),
      fromGPano: true,
    };
    if (gpano.poseHeadingDegrees !== undefined) placement.poseHeadingDegrees = gpano.poseHeadingDegrees;
    if (placement.fullWidth > MAX_WIDTH) throw panoramaError('pano_too_large', { gpano, width, height });
    return placement;
  }
  if (Math.abs(width / height - 2) > 2 * RATIO_TOLERANCE) throw panoramaError('pano_not_equirectangular', { width, height });
  return { fullWidth: width, fullHeight: height, left: 0, top: 0, fromGPano: false };
}

/**
 * Cube face edge for a sphere `fullWidth` pixels around: a face pixel then spans the same angle as a source pixel at
 * the face centre (90° of face over width/4 source pixels ⇒ width/π), so no detail is invented or thrown away.
 */
export function faceSizeFor(fullWidth: number): number {
  return Math.max(8, 8 * Math.round(fullWidth / Math.PI / 8));
}

/** Face size of each pyramid level, smallest first; the smallest fits one tile. */
export function levelFaceSizes(faceSize: number, tileSize: number): number[] {
  const sizes = [faceSize];
  while (sizes[0]! > tileSize) sizes.unshift(Math.ceil(sizes[0]! / 2));
  return sizes;
}
