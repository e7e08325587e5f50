import type { PanoramaManifest } from '../manifest.ts';
import { pitchRange, viewLimits, wrapAngle } from './limits.ts';
import { DEG } from './types.ts';

type Source = PanoramaManifest['source'];

/** The part of the sphere a photo covers, in radians: yaw from `minYaw` to `maxYaw` (max may pass π), pitch band. */
export interface CoveredArea {
  minYaw: number;
  maxYaw: number;
  minPitch: number;
  maxPitch: number;
  /** True when the photo goes all the way round. */
  fullTurn: boolean;
}

/** What a (possibly partial) photo covers of its sphere; yaw 0 is the full sphere's centre. */
export function coveredArea(source: Source): CoveredArea {
  const fullWidth = source.fullWidth > 0 ? source.fullWidth : source.width;
  const fullHeight = source.fullHeight > 0 ? source.fullHeight : source.height;
  const minYaw = (source.croppedLeft / fullWidth) * 2 * Math.PI - Math.PI;
  const maxYaw = ((source.croppedLeft + source.width) / fullWidth) * 2 * Math.PI - Math.PI;
  const maxPitch = Math.PI / 2 - (source.croppedTop / fullHeight) * Math.PI;
  const minPitch = Math.PI / 2 - ((source.croppedTop + source.height) / fullHeight) * Math.PI;
  return { minYaw, maxYaw, minPitch, maxPitch, fullTurn: source.width >= fullWidth - 1 };
}

/** Is this yaw (radians, any turn) inside the covered yaw range? */
function yawCovered(area: CoveredArea, yaw: number): boolean {
  if (area.fullTurn) return true;
  const centre = (area.minYaw + area.maxYaw) / 2;
  return Math.abs(wrapAngle(yaw - centre)) <= (area.maxYaw - area.minYaw) / 2;
}

/**
 * The view a new scene should open at, in degrees (the scenes table's units): the photo's own initial heading when
 * it gives one inside what it covers, else the centre of the covered area; pitch likewise, kept where the photo has
 * pixels; fov no wider than the covered band. A full sphere without GPano opens at yaw 0, pitch 0 as before.
 */
export function defaultStartView(manifest: Pick<PanoramaManifest, 'faceSize' | 'source'>, fovDegrees = 90): { yaw: number; pitch: number; fov: number } {
  const { source } = manifest;
  const area = coveredArea(source);
  const pose = source.poseHeadingDegrees ?? 0;
  const heading = source.initialViewHeadingDegrees;
  let yaw = area.fullTurn ? 0 : wrapAngle((area.minYaw + area.maxYaw) / 2);
  if (heading !== undefined && yawCovered(area, (heading - pose) * DEG)) yaw = wrapAngle((heading - pose) * DEG);
  const band = (area.maxPitch - area.minPitch) / DEG;
  const fov = Math.max(20, Math.min(fovDegrees, Math.floor(band)));
  // Keep the whole view inside the band (the same rule the viewer's limits apply), on a square viewport.
  const limits = viewLimits(manifest, { width: 1000, height: 1000 });
  const range = pitchRange(source, Math.max(limits.minFov, Math.min(limits.maxFov, fov * DEG)));
  const wanted = source.initialViewPitchDegrees !== undefined ? source.initialViewPitchDegrees * DEG : (area.minPitch + area.maxPitch) / 2;
  const pitch = Math.min(range.max, Math.max(range.min, wanted));
  const round = (v: number) => Math.round(v * 100) / 100;
  return { yaw: round(yaw / DEG), pitch: round(pitch / DEG), fov };
}
