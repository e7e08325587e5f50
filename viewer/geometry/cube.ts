/**
 * The cube-map convention shared by the panorama pipeline (which writes faces) and the viewer (which draws them).
 *
 * World axes follow three.js: +x right, +y up, the camera at yaw 0 looks down -z.
 * Yaw grows to the right (clockwise seen from above), pitch grows upwards, both in radians.
 * Yaw 0 / pitch 0 is the centre of the equirectangular source image; the image's left edge is yaw -180°.
 *
 * Faces, in manifest order: f (front, yaw 0), r (right, yaw 90°), b (back, yaw 180°), l (left, yaw -90°),
 * u (up), d (down). Each face image is what a viewer at the centre sees when turned toward it from the front:
 * for f/r/b/l image-up is world-up; u is seen by tilting up from the front (its bottom edge meets f's top edge);
 * d is seen by tilting down from the front (its top edge meets f's bottom edge).
 *
 * Face coordinates: (s, t) in [-1, 1], s toward the image's right edge, t toward its bottom edge.
 * Pixel (px, py) of an N×N face has its centre at s = (2·px + 1)/N − 1, t = (2·py + 1)/N − 1.
 */
export const CUBE_FACES = ['f', 'r', 'b', 'l', 'u', 'd'] as const;
export type CubeFace = (typeof CUBE_FACES)[number];

export type Vec3 = readonly [number, number, number];

/** Unnormalised world direction through face point (s, t). */
export function faceDirection(face: CubeFace, s: number, t: number): Vec3 {
  switch (face) {
    case 'f':
      return [s, -t, -1];
    case 'r':
      return [1, -t, s];
    case 'b':
      return [-s, -t, 1];
    case 'l':
      return [-1, -t, -s];
    case 'u':
      return [s, 1, -t];
    case 'd':
      return [s, -1, t];
  }
}

/** The face a world direction hits and the face coordinates (s, t) where it hits it. Inverse of faceDirection. */
export function directionToFace(x: number, y: number, z: number): { face: CubeFace; s: number; t: number } {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const az = Math.abs(z);
  if (az >= ax && az >= ay) {
    return z < 0 ? { face: 'f', s: x / az, t: -y / az } : { face: 'b', s: -x / az, t: -y / az };
  }
  if (ax >= ay) {
    return x > 0 ? { face: 'r', s: z / ax, t: -y / ax } : { face: 'l', s: -z / ax, t: -y / ax };
  }
  return y > 0 ? { face: 'u', s: x / ay, t: -z / ay } : { face: 'd', s: x / ay, t: z / ay };
}

/** Unit direction for a yaw and pitch (radians). */
export function yawPitchToDirection(yaw: number, pitch: number): Vec3 {
  const c = Math.cos(pitch);
  return [Math.sin(yaw) * c, Math.sin(pitch), -Math.cos(yaw) * c];
}

/** Yaw in (-π, π] and pitch in [-π/2, π/2] of a (not necessarily unit) direction. */
export function directionToYawPitch(x: number, y: number, z: number): { yaw: number; pitch: number } {
  return { yaw: Math.atan2(x, -z), pitch: Math.atan2(y, Math.hypot(x, z)) };
}
