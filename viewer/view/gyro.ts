import { Euler, Quaternion, Vector3 } from 'three';
import { directionToYawPitch } from '../geometry/cube.ts';

const euler = new Euler();
const q = new Quaternion();
const screenTurn = new Quaternion();
// The device frame looks out of the back of the screen: rotate -90° about x so "screen facing up" looks at the horizon.
const backOfScreen = new Quaternion(-Math.sqrt(0.5), 0, 0, Math.sqrt(0.5));
const zAxis = new Vector3(0, 0, 1);
const forward = new Vector3();

/**
 * Yaw/pitch (radians) the back camera of a phone points at, from DeviceOrientationEvent angles (degrees) and the
 * screen orientation angle (degrees). Yaw is relative to the compass's arbitrary zero; callers add an offset.
 * three.js math classes only — no DOM — so it is testable in node.
 */
export function deviceOrientationToYawPitch(
  alpha: number,
  beta: number,
  gamma: number,
  screenAngle: number,
): { yaw: number; pitch: number } {
  const rad = Math.PI / 180;
  euler.set(beta * rad, alpha * rad, -gamma * rad, 'YXZ');
  q.setFromEuler(euler);
  q.multiply(backOfScreen);
  q.multiply(screenTurn.setFromAxisAngle(zAxis, -screenAngle * rad));
  forward.set(0, 0, -1).applyQuaternion(q);
  return directionToYawPitch(forward.x, forward.y, forward.z);
}
