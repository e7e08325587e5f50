import type { ProductShape, ShowroomPalette } from '../palettes.ts';
import type { SceneKind } from '../spec.ts';

/** Everything the face painters need; all face SVGs share a 1000×1000 viewBox. */
export interface FaceContext {
  readonly firmName: string;
  readonly sceneTitle: string;
  readonly kind: SceneKind;
  readonly palette: ShowroomPalette;
  readonly product: ProductShape;
  readonly signs: readonly string[];
  readonly random: () => number;
}

export const VIEW = 1000;
/** Wall faces: y of the floor line's baseboard top and of the cornice bottom. */
export const BASEBOARD_TOP = 960;
export const CORNICE_BOTTOM = 26;

/** Wraps face content in an SVG document of size × size pixels. */
export function svgDocument(size: number, body: string, defs = ''): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${VIEW} ${VIEW}"><defs>${defs}</defs>${body}</svg>`;
}

/** Mixes two #rrggbb colours: t = 0 → a, 1 → b. */
export function mix(a: string, b: string, t: number): string {
  const pa = parseInt(a.slice(1), 16);
  const pb = parseInt(b.slice(1), 16);
  let out = '#';
  for (const shift of [16, 8, 0]) {
    const ca = (pa >> shift) & 255;
    const cb = (pb >> shift) & 255;
    out += Math.round(ca + (cb - ca) * t).toString(16).padStart(2, '0');
  }
  return out;
}

export const darken = (c: string, t: number): string => mix(c, '#000000', t);
export const lighten = (c: string, t: number): string => mix(c, '#ffffff', t);
