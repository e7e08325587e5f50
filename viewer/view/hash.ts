import { DEG, type View } from './types.ts';
import { wrapAngle } from './limits.ts';

/** A deep link: the scene and, when present, the view within it. */
export interface ViewLink {
  scene?: string;
  view: Partial<View>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** `#s=<scene>&y=<yaw°>&p=<pitch°>&f=<fov°>`, angles in degrees rounded to 0.1°. */
export function encodeViewHash(link: { scene?: string; view: View }): string {
  const params = new URLSearchParams();
  if (link.scene) params.set('s', link.scene);
  // `+ 0` turns -0 into 0 so a view straight ahead does not produce "y=-0".
  params.set('y', String(round1(wrapAngle(link.view.yaw) / DEG) + 0));
  params.set('p', String(round1(link.view.pitch / DEG) + 0));
  params.set('f', String(round1(link.view.fov / DEG) + 0));
  return `#${params.toString()}`;
}

function degrees(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) return undefined;
  return n * DEG;
}

/**
 * Parse a hash written by encodeViewHash. Anything malformed is dropped field by field rather than rejected whole,
 * so a link mangled by a chat app still opens the right scene.
 */
export function decodeViewHash(hash: string): ViewLink {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const view: Partial<View> = {};
  const yaw = degrees(params.get('y'), -1e6, 1e6);
  if (yaw !== undefined) view.yaw = wrapAngle(yaw);
  const pitch = degrees(params.get('p'), -90, 90);
  if (pitch !== undefined) view.pitch = pitch;
  const fov = degrees(params.get('f'), 1, 179);
  if (fov !== undefined) view.fov = fov;
  const scene = params.get('s')?.trim();
  // Scene ids are slugs; refuse anything that could be markup or a path.
  return scene && /^[\w-]{1,100}$/.test(scene) ? { scene, view } : { view };
}
