import { panoramaError } from './errors.ts';
import type { GPano, GPanoCrop } from './gpano.ts';
import { panoramaWarning, type PanoramaWarning } from './warnings.ts';

/**
 * Limits. The photo as uploaded (after EXIF rotation) may have at most MAX_PIXELS pixels: that bounds decoding.
 * The sphere it is built into may be at most MAX_WIDTH×MAX_HEIGHT: a larger sphere (a full photo, or the sphere
 * a partial photo's GPano places it in) is scaled down to fit, never refused for it.
 */
export const MAX_WIDTH = 16384;
export const MAX_HEIGHT = 8192;
export const MAX_PIXELS = MAX_WIDTH * MAX_HEIGHT;
export const MIN_WIDTH = 512;
export const MIN_HEIGHT = 256;
/** How far from exactly 2:1 a full sphere may be (cameras sometimes emit 2:1 ± a pixel or two). */
const RATIO_TOLERANCE = 0.01;
/** Below this a scaled-down photo no longer shows anything. */
const MIN_SCALED = 8;

/**
 * Where the photo's pixels sit in the full equirectangular sphere, in the pixel units of the raster that is built
 * (`width`×`height`: the photo's own size, or scaled down by `scale` so the sphere fits MAX_WIDTH). GPano numbers
 * are rescaled: files are often downscaled without updating their XMP.
 */
export interface SpherePlacement {
  fullWidth: number;
  fullHeight: number;
  left: number;
  top: number;
  fromGPano: boolean;
  /** Size of the raster to build from; equals the photo's size unless scaled down. */
  width: number;
  height: number;
  /** width / the photo's width (1 when not scaled). */
  scale: number;
  poseHeadingDegrees?: number;
  initialViewHeadingDegrees?: number;
  initialViewPitchDegrees?: number;
  initialHorizontalFovDegrees?: number;
  /** What the firm should be told about how the photo was accepted. */
  warnings: PanoramaWarning[];
}

const isTwoToOne = (width: number, height: number) => Math.abs(width / height - 2) <= 2 * RATIO_TOLERANCE;

/** Why a GPano crop cannot place this photo, or null when it can. */
function cropProblem(crop: GPanoCrop, width: number, height: number): 'pano_bad_gpano' | 'pano_not_equirectangular' | null {
  const { croppedWidth, croppedHeight, fullWidth, fullHeight, croppedLeft, croppedTop } = crop;
  const positive = [croppedWidth, croppedHeight, fullWidth, fullHeight].every((v) => v > 0);
  const inside = croppedWidth <= fullWidth && croppedHeight <= fullHeight && croppedTop >= 0 && croppedTop + croppedHeight <= fullHeight;
  if (!positive || !inside || croppedLeft < 0 || croppedLeft >= fullWidth) return 'pano_bad_gpano';
  if (!isTwoToOne(fullWidth, fullHeight)) return 'pano_not_equirectangular';
  // The crop must have the photo's shape; its scale may differ (downscaled files keep the original numbers).
  if (Math.abs(croppedWidth / croppedHeight / (width / height) - 1) > RATIO_TOLERANCE) return 'pano_bad_gpano';
  return null;
}

/** Refuse any declared projection but equirectangular: it is not a sphere and would be built wrong. */
function checkProjection(gpano: GPano | null): void {
  const projection = gpano?.projectionType;
  if (!projection || projection.toLowerCase() === 'equirectangular') return;
  if (projection.toLowerCase() === 'cylindrical') throw panoramaError('pano_projection_cylindrical', { projection });
  throw panoramaError('pano_projection_unsupported', { projection }, { projection: projection.slice(0, 40) });
}

/** Check the photo's size and work out its place on the sphere; throws a panorama AppError when it cannot be one. */
export function placeOnSphere(width: number, height: number, gpano: GPano | null): SpherePlacement {
  if (width * height > MAX_PIXELS) {
    const params = { width, height, pixels: (width * height).toLocaleString('en-US'), limit: MAX_PIXELS.toLocaleString('en-US') };
    throw panoramaError('pano_too_large', { width, height }, params);
  }
  if (width < MIN_WIDTH || height < MIN_HEIGHT) throw panoramaError('pano_too_small', { width, height });
  checkProjection(gpano);

  const warnings: PanoramaWarning[] = [];
  let placed: Pick<SpherePlacement, 'fullWidth' | 'fullHeight' | 'left' | 'top' | 'fromGPano'> | null = null;
  const crop = gpano?.crop;
  if (crop) {
    const problem = cropProblem(crop, width, height);
    if (problem && isTwoToOne(width, height)) {
      // The pixels are a whole sphere; the metadata is stale (e.g. kept from the partial capture it was cut from).
      warnings.push(panoramaWarning('pano_gpano_ignored'));
    } else if (problem) {
      throw panoramaError(problem, { gpano, width, height });
    } else {
      const scale = width / crop.croppedWidth;
      const full = Math.round(crop.fullWidth * scale);
      const fullH = Math.round(crop.fullHeight * scale);
      placed = {
        fullWidth: full < width + 2 ? width : full,
        fullHeight: fullH < height + 2 ? height : fullH,
        left: Math.round(crop.croppedLeft * scale),
        top: Math.round(crop.croppedTop * scale),
        fromGPano: true,
      };
    }
  }
  if (!placed) {
    if (!isTwoToOne(width, height)) throw panoramaError('pano_not_equirectangular', { width, height });
    placed = { fullWidth: width, fullHeight: height, left: 0, top: 0, fromGPano: false };
  }
  const placement: SpherePlacement = { ...placed, width, height, scale: 1, warnings };
  if (placed.fullWidth > MAX_WIDTH) scaleToFit(placement);
  for (const key of ['poseHeadingDegrees', 'initialViewHeadingDegrees', 'initialViewPitchDegrees', 'initialHorizontalFovDegrees'] as const) {
    const value = gpano?.[key];
    if (value !== undefined) placement[key] = value;
  }
  return placement;
}

/** Scale a placement whose sphere is wider than MAX_WIDTH down to the largest supported sphere (in place). */
function scaleToFit(p: SpherePlacement): void {
  const scale = MAX_WIDTH / p.fullWidth;
  const photoWidth = p.width;
  const fullHeight = Math.min(MAX_HEIGHT, Math.round(p.fullHeight * scale));
  const width = Math.min(MAX_WIDTH, Math.max(1, Math.round(p.width * scale)));
  const height = Math.min(fullHeight, Math.max(1, Math.round(p.height * scale)));
  const params = { fullWidth: p.fullWidth, limit: MAX_WIDTH, width, height };
  if (width < MIN_SCALED || height < MIN_SCALED) throw panoramaError('pano_sphere_too_large', { placement: p }, params);
  p.warnings.push(panoramaWarning('pano_scaled_down', params));
  p.left = Math.round(p.left * scale) % MAX_WIDTH;
  p.top = Math.min(fullHeight - height, Math.round(p.top * scale));
  p.fullWidth = MAX_WIDTH;
  p.fullHeight = fullHeight;
  p.width = width;
  p.height = height;
  p.scale = width / photoWidth;
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
