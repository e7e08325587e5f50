import type { WebGLRenderer } from 'three';
import type { TiledCubeStats } from '../render/TiledCube.ts';
import type { ViewDegrees } from '../types.ts';

/**
 * Test and benchmark hook. A page that defines `window.__hallViewerProbe = {}` before the viewer loads (Playwright's
 * addInitScript) gets it filled with the live renderer, tile counters and view. Nothing happens when it is absent,
 * so production pages pay one property read.
 */
export interface ViewerProbe {
  renderer?: WebGLRenderer;
  /** Live counters of the panorama on show (the same object the viewer mutates). */
  stats?: TiledCubeStats;
  view?: ViewDegrees;
  sceneId?: string;
  /** performance.now() when the first panorama pixels were drawn (the page's first paint, else the viewer's). */
  firstPixelsAt?: number;
  /** performance.now() when the page's first paint had drawn every on-screen tile. */
  firstPaintTilesAt?: number;
  /** performance.now() when the full viewer first drew its panorama. */
  viewerPixelsAt?: number;
}

declare global {
  interface Window {
    __hallViewerProbe?: ViewerProbe;
  }
}

/** The probe when a test installed one. */
export function viewerProbe(): ViewerProbe | undefined {
  return typeof window === 'undefined' ? undefined : window.__hallViewerProbe;
}
