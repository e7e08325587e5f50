import { describe, expect, it } from 'vitest';
import { clampView, MAX_FOV, minFovForFace, pitchRange, viewLimits, wrapAngle } from './limits.ts';
import { pixelsPerRadian } from './projection.ts';
import { DEG } from './types.ts';

const fullSphere = { width: 8192, height: 4096, format: 'jpeg', fullWidth: 8192, fullHeight: 4096, croppedLeft: 0, croppedTop: 0 };

describe('view limits', () => {
  it('stops zooming where one top-level texel meets one screen pixel at the centre', () => {
    const viewport = { width: 400, height: 800 };
    const fov = minFovForFace(2560, viewport);
    // At that fov the screen density equals the face's N/2 texels per radian.
    expect(pixelsPerRadian({ yaw: 0, pitch: 0, fov }, viewport)).toBeCloseTo(1280, 6);
  });

  it('lets a sharper photo zoom further than a blurry one', () => {
    const viewport = { width: 1280, height: 720 };
    expect(minFovForFace(4096, viewport)).toBeLessThan(minFovForFace(1024, viewport));
    expect(minFovForFace(64, viewport)).toBe(MAX_FOV);
  });

  it('lets a full sphere look straight up and down', () => {
    const limits = viewLimits({ faceSize: 2560, source: fullSphere }, { width: 800, height: 600 });
    expect(limits.maxPitch).toBeCloseTo(Math.PI / 2);
    expect(limits.minPitch).toBeCloseTo(-Math.PI / 2);
  });

  it('keeps the view edges inside a cropped band', () => {
    // Band from +30° to -30°: the source covers a third of the sphere's height, centred on the horizon.
    const band = { ...fullSphere, height: 1365, croppedTop: 1365, fullHeight: 4096 };
    const r = pitchRange(band, 20 * DEG);
    expect(r.max / DEG).toBeCloseTo(30 - 10, 0);
    expect(r.min / DEG).toBeCloseTo(-30 + 10, 0);
    const limits = viewLimits({ faceSize: 2560, source: band }, { width: 800, height: 600 });
    expect(limits.maxFov / DEG).toBeCloseTo(60, 0);
  });

  it('clamps fov and pitch and wraps yaw; garbage falls back to defaults', () => {
    const limits = { minFov: 10 * DEG, maxFov: 90 * DEG, minPitch: -Math.PI / 2, maxPitch: Math.PI / 2 };
    const v = clampView({ yaw: 3 * Math.PI, pitch: 4, fov: 2 }, limits);
    expect(v.yaw).toBeCloseTo(Math.PI);
    expect(v.pitch).toBeCloseTo(Math.PI / 2);
    expect(v.fov).toBeCloseTo(90 * DEG);
    expect(clampView({ yaw: NaN, pitch: NaN, fov: 0 }, limits)).toEqual({ yaw: 0, pitch: 0, fov: 10 * DEG });
  });

  it('wraps angles into (-π, π]', () => {
    expect(wrapAngle(-Math.PI)).toBeCloseTo(Math.PI);
    expect(wrapAngle(190 * DEG) / DEG).toBeCloseTo(-170);
    expect(wrapAngle(0.5)).toBeCloseTo(0.5);
  });
});

describe('view limits of a photo that does not go all the way round', () => {
  // phone-pano-120x60-left0-683x342.jpg: yaw −180…−60, pitch ±30 of a 2048×1024 sphere.
  const phonePano = { width: 683, height: 342, format: 'jpeg', fullWidth: 2048, fullHeight: 1024, croppedLeft: 0, croppedTop: 341 };

  it('keeps the sides of the view on the photo: turning right stops before the grey fill', () => {
    const limits = viewLimits({ faceSize: 4096, source: phonePano }, { width: 390, height: 390 });
    expect(limits.yaw!.centre / DEG).toBeCloseTo(-120, 0);
    const turned = clampView({ yaw: 0, pitch: 0, fov: 40 * DEG }, limits);
    // A 40° square view: its right edge is at −60°, the photo's right edge.
    expect(turned.yaw / DEG).toBeCloseTo(-80, 0);
    const left = clampView({ yaw: 170 * DEG, pitch: 0, fov: 40 * DEG }, limits);
    expect(left.yaw / DEG).toBeCloseTo(-160, 0);
  });

  it('leaves a full sphere free to turn', () => {
    const limits = viewLimits({ faceSize: 2560, source: fullSphere }, { width: 800, height: 600 });
    expect(limits.yaw).toBeUndefined();
    expect(clampView({ yaw: 2, pitch: 0, fov: 60 * DEG }, limits).yaw).toBeCloseTo(2);
  });
});
