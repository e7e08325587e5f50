import type { CubeFace } from './geometry/cube.ts';

/**
 * manifest.json of a tiled panorama: written by the pipeline (api/panorama), read by the viewer.
 * All URLs are relative to the manifest's own URL. The cube convention is documented in geometry/cube.ts.
 */
export interface PanoramaManifest {
  version: 1;
  /** Content address of this pyramid: hash of the source bytes and the pipeline settings. */
  id: string;
  /** sha256 (hex) of the uploaded source file. */
  sourceHash: string;
  projection: {
    type: 'cubemap';
    /** Always ['f','r','b','l','u','d']; see geometry/cube.ts for each face's orientation. */
    faceOrder: readonly CubeFace[];
  };
  /** Edge length in pixels of a face at the top level. */
  faceSize: number;
  tileSize: number;
  /** Lowest (smallest) level first. Level 0 fits in one tile per face. */
  levels: PanoramaLevel[];
  /** Template with {level}, {face}, {x} (column), {y} (row), e.g. "tiles/{level}/{face}/{y}_{x}.webp". */
  tileUrl: string;
  format: 'webp' | 'jpeg' | 'avif';
  /** Low-resolution cube for the first paint: six faces side by side in faceOrder, each previewFaceSize wide. */
  preview: { url: string; faceSize: number; bytes: number };
  /** A tiny 2:1 equirectangular image as a data: URL, to inline in HTML. */
  placeholder: string;
  /** 2:1 equirectangular poster for listings, social cards and the hall page's LCP image. */
  poster: { url: string; width: number; height: number; bytes: number };
  bytes: { tiles: number; total: number };
  source: PanoramaSource;
  /** Optional (added by the pipeline, issue 3): how the tiles were encoded; see api/panorama/FORMATS.md. */
  encoding?: { quality: number; lossless: boolean };
  /** Optional (issue 13): what the firm was told about how the photo was accepted (metadata ignored, scaled down). */
  warnings?: PanoramaNotice[];
}

/** A note about an accepted photo, zh-CN and English. */
export interface PanoramaNotice {
  code: string;
  message: string;
  messageEn: string;
}

export interface PanoramaLevel {
  index: number;
  faceSize: number;
  /** Tiles per face along each axis; edge tiles may be smaller than tileSize. */
  tiles: number;
  bytes: number;
}

export interface PanoramaSource {
  width: number;
  height: number;
  format: string;
  /** Where the source sits in the full sphere (from GPano XMP; the whole sphere when absent). */
  fullWidth: number;
  fullHeight: number;
  croppedLeft: number;
  croppedTop: number;
  /** Optional (GPano PoseHeadingDegrees): compass heading of the image centre (yaw 0), for a north arrow. */
  poseHeadingDegrees?: number;
  /**
   * Optional (issue 13, GPano InitialView*): compass heading and pitch the photo asks a viewer to open at, and its
   * horizontal fov, all in degrees. The yaw of a heading is heading − poseHeadingDegrees (pose 0 when absent).
   */
  initialViewHeadingDegrees?: number;
  initialViewPitchDegrees?: number;
  initialHorizontalFovDegrees?: number;
  /** Optional (issue 13): the photo's own size when it was scaled down to fit the largest supported sphere. */
  photoWidth?: number;
  photoHeight?: number;
}
