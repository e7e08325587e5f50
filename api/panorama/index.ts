/** The panorama pipeline: equirectangular photo → content-addressed cube tile pyramid (issue 3). */
export { buildPanorama, type BuildPanoramaOptions, type BuildPanoramaResult, type BuildProgress } from './build.ts';
export { cleanupPartial, type CleanupOptions } from './publish.ts';
export { buildInBackground } from './thread-priority.ts';
export { panoramaError, PANORAMA_ERROR_CODES, type PanoramaErrorCode } from './errors.ts';
export { MAX_WIDTH, MAX_HEIGHT, MIN_WIDTH, MIN_HEIGHT } from './sphere.ts';
export { DEFAULT_SETTINGS, type PipelineSettings } from './settings.ts';
export type { TileEncoding } from './tiles.ts';
