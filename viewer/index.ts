/** Public surface of the hall viewer. Pure math is exported too, for the editor and the server (no DOM in it). */
export { PanoramaViewer, type PanoramaViewerProps } from './react/PanoramaViewer.tsx';
export { HallViewerIsland, type HallViewerIslandProps, type HallScene, type HallHotspotEventDetail } from './react/HallViewerIsland.tsx';
export type { Hotspot, HotspotKind, ViewDegrees } from './types.ts';
export type { PanoramaManifest, PanoramaLevel, PanoramaSource } from './manifest.ts';
export type { TiledCubeStats } from './render/TiledCube.ts';
export { TEXTURE_BUDGET_BYTES, MAX_IN_FLIGHT } from './render/TiledCube.ts';
export { STRINGS, type Locale } from './react/strings.ts';

export { projectToScreen, screenToYawPitch, angularDistance } from './view/projection.ts';
export { viewLimits, clampView, type ViewLimits } from './view/limits.ts';
export { encodeViewHash, decodeViewHash } from './view/hash.ts';
export type { View, Viewport, ScreenPoint } from './view/types.ts';
export { levelForView } from './tiles/level.ts';
export { visibleTiles } from './tiles/visibility.ts';
export { tileUrl, tileBounds, tileKey, type TileId } from './tiles/grid.ts';
