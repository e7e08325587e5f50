import { CUBE_FACES } from '../../viewer/geometry/cube.ts';
import type { PanoramaManifest } from '../../viewer/manifest.ts';
import type { PipelineSettings } from './settings.ts';
import type { SourceInfo } from './source.ts';
import { tileExtension, tileUrlTemplate } from './tiles.ts';

export interface ManifestInputs {
  id: string;
  sourceHash: string;
  source: SourceInfo;
  settings: PipelineSettings;
  levelSizes: number[];
  levelBytes: number[];
  preview: { url: string; faceSize: number; bytes: number };
  poster: { url: string; width: number; height: number; bytes: number };
  placeholder: string;
}

/** Assemble manifest.json: everything a viewer (ours or a third party's) needs to reassemble every face. */
export function buildManifest(inputs: ManifestInputs): PanoramaManifest {
  const { settings, levelSizes, levelBytes, source } = inputs;
  const { placement } = source;
  const tiles = levelBytes.reduce((sum, b) => sum + b, 0);
  const manifest: PanoramaManifest = {
    version: 1,
    id: inputs.id,
    sourceHash: inputs.sourceHash,
    projection: { type: 'cubemap', faceOrder: [...CUBE_FACES] },
    faceSize: levelSizes[levelSizes.length - 1]!,
    tileSize: settings.tileSize,
    levels: levelSizes.map((faceSize, index) => ({
      index,
      faceSize,
      tiles: Math.ceil(faceSize / settings.tileSize),
      bytes: levelBytes[index]!,
    })),
    tileUrl: tileUrlTemplate(tileExtension(settings.encoding)),
    format: settings.encoding.format,
    preview: inputs.preview,
    placeholder: inputs.placeholder,
    poster: inputs.poster,
    bytes: { tiles, total: tiles + inputs.preview.bytes + inputs.poster.bytes },
    source: {
      width: source.width,
      height: source.height,
      format: source.type,
      fullWidth: placement.fullWidth,
      fullHeight: placement.fullHeight,
      croppedLeft: placement.left,
      croppedTop: placement.top,
    },
    encoding: { quality: settings.encoding.quality, lossless: settings.encoding.lossless },
  };
  for (const key of ['poseHeadingDegrees', 'initialViewHeadingDegrees', 'initialViewPitchDegrees', 'initialHorizontalFovDegrees'] as const) {
    const value = placement[key];
    if (value !== undefined) manifest.source[key] = value;
  }
  if (placement.scale !== 1) Object.assign(manifest.source, { photoWidth: source.photoWidth, photoHeight: source.photoHeight });
  if (placement.warnings.length > 0) manifest.warnings = placement.warnings.map((w) => ({ ...w }));
  return manifest;
}
