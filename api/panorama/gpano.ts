/**
 * Google Photo Sphere (GPano) XMP: where a possibly partial equirectangular image sits in the full sphere.
 * Writers put the values either as attributes (GPano:FullPanoWidthPixels="8000") or as elements
 * (<GPano:FullPanoWidthPixels>8000</GPano:FullPanoWidthPixels>); both are read.
 */
export interface GPano {
  croppedWidth: number;
  croppedHeight: number;
  fullWidth: number;
  fullHeight: number;
  croppedLeft: number;
  croppedTop: number;
  projectionType?: string;
  poseHeadingDegrees?: number;
}

/** Real XMP packets are a few KB; anything past this is not worth scanning (and bounds the regex work). */
const MAX_XMP_SCAN = 1 << 20;

function readField(xmp: string, name: string): string | undefined {
  const attr = new RegExp(`GPano:${name}\\s*=\\s*["']([^"']*)["']`).exec(xmp);
  if (attr) return attr[1];
  const element = new RegExp(`<GPano:${name}>\\s*([^<]*?)\\s*</GPano:${name}>`).exec(xmp);
  return element?.[1];
}

function readNumber(xmp: string, name: string): number | undefined {
  const raw = readField(xmp, name);
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * Parse the GPano crop from an XMP packet. Returns null when the packet has no usable crop description
 * (no GPano at all, or only some of the six numbers), in which case the image must be a full 2:1 sphere.
 */
export function parseGPano(xmp: string | Uint8Array | undefined): GPano | null {
  if (!xmp) return null;
  const text = typeof xmp === 'string' ? xmp : Buffer.from(xmp.subarray(0, MAX_XMP_SCAN)).toString('utf8');
  if (!text.includes('GPano:')) return null;
  const croppedWidth = readNumber(text, 'CroppedAreaImageWidthPixels');
  const croppedHeight = readNumber(text, 'CroppedAreaImageHeightPixels');
  const fullWidth = readNumber(text, 'FullPanoWidthPixels');
  const fullHeight = readNumber(text, 'FullPanoHeightPixels');
  if (croppedWidth === undefined || croppedHeight === undefined || fullWidth === undefined || fullHeight === undefined)
    return null;
  const gpano: GPano = {
    croppedWidth,
    croppedHeight,
    fullWidth,
    fullHeight,
    croppedLeft: readNumber(text, 'CroppedAreaLeftPixels') ?? 0,
    croppedTop: readNumber(text, 'CroppedAreaTopPixels') ?? 0,
  };
  const projectionType = readField(text, 'ProjectionType');
  if (projectionType) gpano.projectionType = projectionType;
  const heading = readNumber(text, 'PoseHeadingDegrees');
  if (heading !== undefined) gpano.poseHeadingDegrees = heading;
  return gpano;
}
