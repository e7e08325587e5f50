import { describe, expect, it } from 'vitest';
import { deviceOrientationToYawPitch } from './gyro.ts';

describe('gyroscope orientation', () => {
  it('looks at the horizon when the phone is held upright, and down when it lies flat', () => {
    expect(deviceOrientationToYawPitch(0, 90, 0, 0).pitch).toBeCloseTo(0, 6);
    expect(deviceOrientationToYawPitch(0, 0, 0, 0).pitch).toBeCloseTo(-Math.PI / 2, 6);
    expect(deviceOrientationToYawPitch(0, 135, 0, 0).pitch).toBeCloseTo(Math.PI / 4, 6);
  });

  it('turns right when the phone turns clockwise seen from above (alpha decreases)', () => {
    const a = deviceOrientationToYawPitch(30, 90, 0, 0).yaw;
    const b = deviceOrientationToYawPitch(0, 90, 0, 0).yaw;
    expect(b - a).toBeCloseTo(30 * (Math.PI / 180), 6);
  });

  it('gives the same view in landscape when the screen angle compensates the roll', () => {
    // Landscape (screen turned 90°), phone upright: gamma -90 with screen angle 90 still looks at the horizon.
    expect(deviceOrientationToYawPitch(0, 0, -90, 90).pitch).toBeCloseTo(0, 6);
  });
});
