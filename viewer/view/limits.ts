import type { PanoramaManifest } from '../manifest.ts';
import type { View, Viewport } from './types.ts';
import { DEG } from './types.ts';

/** The range a view may take for one panorama on one viewport. */
export interface ViewLimits {
  minFov: number;
  maxFov: number;
  minPitch: number;
  maxPitch: number;
  /**
   * Optional: a photo that does not go all the way round. The view's left and right edges stay within
   * yawCentre ± yawHalfWidth (radians), using the viewport's aspect (width / height) to know the horizontal fov.
   */
  yaw?: { centre: number; halfWidth: number; aspect: number };
}

/** Wider than this and straight lines bend visibly at the screen edges (rectilinear projection). */
export const MAX_FOV = 100 * DEG;
/** Never narrower than this, even on a huge photo: beyond it dragging becomes unusably twitchy. */
export const FLOOR_FOV = 5 * DEG;

/**
 * Narrowest vertical fov before one texel of the top level spans more than one CSS pixel at the view centre.
 * At the face centre a face of N texels covers 2 units of tan(angle), so N/2 texels per radian; the screen shows
 * (h/2)/tan(fov/2) pixels per radian. Equal when tan(fov/2) = h/N.
 */
export function minFovForFace(topFaceSize: number, viewport: Viewport): number {
  const fov = 2 * Math.atan(viewport.height / Math.max(1, topFaceSize));
  return Math.min(MAX_FOV, Math.max(FLOOR_FOV, fov));
}

/**
 * Pitch range covered by the source: a cropped (partial) panorama must not show the empty sphere above or below.
 * The view's top and bottom edges stay inside the covered band, so the range shrinks by half the fov.
 */
export function pitchRange(source: PanoramaManifest['source'], fov: number): { min: number; max: number } {
  const full = source.fullHeight > 0 ? source.fullHeight : source.height;
  const top = Math.PI / 2 - (source.croppedTop / full) * Math.PI;
  const bottom = Math.PI / 2 - ((source.croppedTop + source.height) / full) * Math.PI;
  // A full sphere lets the centre reach the poles; otherwise keep the edge of the view inside the photo.
  const max = top >= Math.PI / 2 - 1e-9 ? Math.PI / 2 : top - fov / 2;
  const min = bottom <= -Math.PI / 2 + 1e-9 ? -Math.PI / 2 : bottom + fov / 2;
  if (min > max) return { min: (min + max) / 2, max: (min + max) / 2 };
  return { min, max };
}

/** Limits for a manifest on a viewport. maxFov also shrinks for short cropped bands so the view stays inside. */
export function viewLimits(manifest: Pick<PanoramaManifest, 'faceSize' | 'source'>, viewport: Viewport): ViewLimits {
  const minFov = minFovForFace(manifest.faceSize, viewport);
  const { source } = manifest;
  const full = source.fullHeight > 0 ? source.fullHeight : source.height;
  const band = (source.height / full) * Math.PI;
  const maxFov = Math.max(minFov, Math.min(MAX_FOV, band >= Math.PI - 1e-9 ? MAX_FOV : band));
  const { min, max } = pitchRange(source, minFov);
  const limits: ViewLimits = { minFov, maxFov, minPitch: min, maxPitch: max };
  const fullWidth = source.fullWidth > 0 ? source.fullWidth : source.width;
  if (source.width < fullWidth - 1) {
    // A partial photo: keep the sides of the view on it too, and never wider than it is.
    const halfWidth = (source.width / fullWidth) * Math.PI;
    const aspect = viewport.width / Math.max(1, viewport.height);
    const centre = ((source.croppedLeft + source.width / 2) / fullWidth) * 2 * Math.PI - Math.PI;
    limits.yaw = { centre: wrapAngle(centre), halfWidth, aspect };
    if (halfWidth < Math.PI / 2) limits.maxFov = Math.max(minFov, Math.min(maxFov, 2 * Math.atan(Math.tan(halfWidth) / aspect)));
  }
  return limits;
}

/** Horizontal fov of a view with vertical fov `fov` on a viewport of this aspect (width / height). */
export function horizontalFov(fov: number, aspect: number): number {
  return 2 * Math.atan(Math.tan(fov / 2) * aspect);
}

/** Wrap an angle into (-π, π]. */
export function wrapAngle(a: number): number {
  const wrapped = a - 2 * Math.PI * Math.floor((a + Math.PI) / (2 * Math.PI));
  return wrapped === -Math.PI ? Math.PI : wrapped;
}

/** The nearest allowed view: fov first (it decides the pitch range), then pitch; yaw wraps. */
export function clampView(view: View, limits: ViewLimits, source?: PanoramaManifest['source']): View {
  const fov = Math.min(limits.maxFov, Math.max(limits.minFov, Number.isFinite(view.fov) ? view.fov : limits.maxFov));
  const range = source ? pitchRange(source, fov) : { min: limits.minPitch, max: limits.maxPitch };
  const pitch = Math.min(range.max, Math.max(range.min, Number.isFinite(view.pitch) ? view.pitch : 0));
  let yaw = wrapAngle(Number.isFinite(view.yaw) ? view.yaw : 0);
  if (limits.yaw) {
    const { centre, halfWidth, aspect } = limits.yaw;
    const room = Math.max(0, halfWidth - horizontalFov(fov, aspect) / 2);
    yaw = wrapAngle(centre + Math.min(room, Math.max(-room, wrapAngle(yaw - centre))));
  }
  return { yaw, pitch, fov };
}
