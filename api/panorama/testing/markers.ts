/**
 * The marker sphere of /work/shared/fixtures/cases (see its README): coloured discs at known directions, and a way
 * to read a built pyramid's colour at any direction, so tests check where the pipeline put each marker.
 */
import { join } from 'node:path';
import { directionToFace, yawPitchToDirection } from '../../../viewer/geometry/cube.ts';
import type { PanoramaManifest } from '../../../viewer/manifest.ts';
import { decodeRgb, type Rgb } from './synthetic.ts';

export const CASES = join(import.meta.dirname, '../../../../shared/fixtures/cases');

/** Marker name → direction (degrees) and colour as sampled from base-markers-2048.jpg. */
export const MARKERS = {
  red: { yaw: 0, pitch: 0, rgb: [230, 20, 20] },
  green: { yaw: 90, pitch: 0, rgb: [20, 200, 20] },
  blue: { yaw: 180, pitch: 0, rgb: [20, 20, 230] },
  yellow: { yaw: -90, pitch: 0, rgb: [230, 230, 20] },
  white: { yaw: 30, pitch: 20, rgb: [250, 250, 250] },
  magenta: { yaw: 0, pitch: 90, rgb: [220, 20, 220] },
  cyan: { yaw: 0, pitch: -90, rgb: [20, 220, 220] },
} as const satisfies Record<string, { yaw: number; pitch: number; rgb: Rgb }>;
export type MarkerName = keyof typeof MARKERS;

/** Reads colours of a built pyramid by direction, from its top level (tiles decoded once each). */
export function pyramidSampler(dir: string, manifest: PanoramaManifest) {
  const top = manifest.levels.at(-1)!;
  const tiles = new Map<string, Promise<{ data: Buffer; width: number }>>();
  return async (yawDeg: number, pitchDeg: number): Promise<Rgb> => {
    const [x, y, z] = yawPitchToDirection((yawDeg * Math.PI) / 180, (pitchDeg * Math.PI) / 180);
    const { face, s, t } = directionToFace(x, y, z);
    const px = Math.min(top.faceSize - 1, Math.floor(((s + 1) / 2) * top.faceSize));
    const py = Math.min(top.faceSize - 1, Math.floor(((t + 1) / 2) * top.faceSize));
    const [tx, ty] = [Math.floor(px / manifest.tileSize), Math.floor(py / manifest.tileSize)];
    const url = manifest.tileUrl.replace('{level}', String(top.index)).replace('{face}', face).replace('{x}', String(tx)).replace('{y}', String(ty));
    let tile = tiles.get(url);
    if (!tile) tiles.set(url, (tile = decodeRgb(join(dir, url))));
    const { data, width } = await tile;
    const at = ((py - ty * manifest.tileSize) * width + (px - tx * manifest.tileSize)) * 3;
    return [data[at]!, data[at + 1]!, data[at + 2]!];
  };
}

/** Largest channel difference between two colours. */
export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
}

/** The marker names whose colour a pyramid shows at their direction (within a JPEG/WebP tolerance). */
export async function markersFound(dir: string, manifest: PanoramaManifest): Promise<MarkerName[]> {
  const sample = pyramidSampler(dir, manifest);
  const found: MarkerName[] = [];
  for (const [name, m] of Object.entries(MARKERS) as [MarkerName, (typeof MARKERS)[MarkerName]][]) {
    if (colourDistance(await sample(m.yaw, m.pitch), m.rgb) < 40) found.push(name);
  }
  return found;
}
