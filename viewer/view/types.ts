/** Where the camera looks: yaw and pitch of the view centre and the vertical field of view, all in radians. */
export interface View {
  yaw: number;
  pitch: number;
  fov: number;
}

/** Size of the drawing area in CSS pixels. */
export interface Viewport {
  width: number;
  height: number;
}

/** A point on the screen in CSS pixels from the viewport's top-left corner. */
export interface ScreenPoint {
  x: number;
  y: number;
}

export const DEG = Math.PI / 180;
