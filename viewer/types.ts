/** Public types shared by the React components and the island. Angles in the public API are degrees. */

export type HotspotKind = 'scene' | 'product' | 'job' | 'project' | 'info' | 'media';

/** A point of interest in a scene. */
export interface Hotspot {
  id: string;
  kind: HotspotKind;
  /** Degrees, yaw 0 = centre of the source image, growing to the right. */
  yaw: number;
  /** Degrees, growing upward. */
  pitch: number;
  label: string;
  /** Scene id for 'scene'; product/job/project id or media URL for the others. */
  target?: string;
  /** For 'scene' links: the view to open the target scene at. */
  targetView?: Partial<ViewDegrees>;
  /** Short text for 'info' hotspots and screen readers. */
  description?: string;
}

/** A view in degrees: what callbacks, props and deep links use. */
export interface ViewDegrees {
  yaw: number;
  pitch: number;
  /** Vertical field of view. */
  fov: number;
}
