import { createHash } from 'node:crypto';
import { DEFAULT_TILE_ENCODING, type TileEncoding } from './tiles.ts';

/** Bump when the pipeline's output changes for the same settings, so new builds get new content addresses. */
export const PIPELINE_VERSION = 3;

/** Everything besides the source bytes that decides a pyramid's bytes; hashed into its id. */
export interface PipelineSettings {
  tileSize: number;
  encoding: TileEncoding;
}

export const DEFAULT_SETTINGS: PipelineSettings = { tileSize: 512, encoding: DEFAULT_TILE_ENCODING };

/** Content address: the same photo built with the same settings always lands in the same directory. */
export function pyramidId(sourceHash: string, settings: PipelineSettings): string {
  const key = JSON.stringify({
    v: PIPELINE_VERSION,
    source: sourceHash,
    tileSize: settings.tileSize,
    format: settings.encoding.format,
    quality: settings.encoding.lossless ? null : settings.encoding.quality,
    overviewQuality: settings.encoding.lossless ? null : (settings.encoding.overviewQuality ?? settings.encoding.quality),
    lossless: settings.encoding.lossless,
  });
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
