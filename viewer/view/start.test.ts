import { describe, expect, it } from 'vitest';
import { defaultStartView } from './start.ts';

const sphere = { width: 4096, height: 2048, format: 'jpeg', fullWidth: 4096, fullHeight: 2048, croppedLeft: 0, croppedTop: 0 };
// phone-pano-120x60-left0-683x342.jpg: yaw −180…−60, pitch ±30.
const phonePano = { width: 683, height: 342, format: 'jpeg', fullWidth: 2048, fullHeight: 1024, croppedLeft: 0, croppedTop: 341 };

describe('the view a new scene starts at', () => {
  it('is yaw 0, pitch 0 for a full sphere without a heading (as before)', () => {
    expect(defaultStartView({ faceSize: 1304, source: sphere })).toEqual({ yaw: 0, pitch: 0, fov: 90 });
  });

  it("follows the photo's heading relative to its pose", () => {
    const start = defaultStartView({ faceSize: 1304, source: { ...sphere, initialViewHeadingDegrees: 100, poseHeadingDegrees: 70 } });
    expect(start.yaw).toBeCloseTo(30, 5);
  });

  it('opens a partial photo on its centre, or at its heading when that lies on the photo', () => {
    expect(defaultStartView({ faceSize: 216, source: phonePano }).yaw).toBeCloseTo(-120, 0);
    expect(defaultStartView({ faceSize: 216, source: { ...phonePano, initialViewHeadingDegrees: 200 } }).yaw).toBeCloseTo(-160, 5);
    // A heading pointing at the fill (stale metadata) is not followed.
    expect(defaultStartView({ faceSize: 216, source: { ...phonePano, initialViewHeadingDegrees: 30 } }).yaw).toBeCloseTo(-120, 0);
  });

  it('keeps pitch and fov on a band above the horizon', () => {
    // Rows 100…400 of 1024: pitch +72.4° … +19.7°.
    const band = { width: 2048, height: 300, format: 'jpeg', fullWidth: 2048, fullHeight: 1024, croppedLeft: 0, croppedTop: 100 };
    const start = defaultStartView({ faceSize: 2048, source: band });
    expect(start.fov).toBeLessThanOrEqual(52);
    expect(start.pitch).toBeGreaterThan(40);
    expect(start.pitch).toBeLessThan(52);
  });
});
