import { XMLParser } from 'fast-xml-parser';
import { MAX_XMP_PACKET } from './xmp-packets.ts';

/**
 * Google Photo Sphere (GPano) XMP: where a possibly partial equirectangular image sits in the full sphere, how it
 * is projected and where a viewer should start. XMP is parsed as XML and properties are found by their namespace
 * URI, whatever prefix the packet binds to it (`GPano:`, `ns1:`, ...), as attributes of rdf:Description
 * (GPano:FullPanoWidthPixels="8000") or as elements (<GPano:FullPanoWidthPixels>8000</GPano:FullPanoWidthPixels>).
 */
export const GPANO_NS = 'http://ns.google.com/photos/1.0/panorama/';

/** The six numbers that place a crop on the full sphere (GPano's own pixel units). */
export interface GPanoCrop {
  croppedWidth: number;
  croppedHeight: number;
  fullWidth: number;
  fullHeight: number;
  croppedLeft: number;
  croppedTop: number;
}

export interface GPano {
  /** Null when the packet lacks some of the four size numbers: the image must then be a full 2:1 sphere. */
  crop: GPanoCrop | null;
  projectionType?: string;
  /** Compass heading of the full sphere's centre (yaw 0). */
  poseHeadingDegrees?: number;
  /** Compass heading, pitch and horizontal fov a viewer should open at. */
  initialViewHeadingDegrees?: number;
  initialViewPitchDegrees?: number;
  initialHorizontalFovDegrees?: number;
}

// Entities are never expanded (no DOCTYPE tricks, no external entities); values stay strings.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
});

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** GPano properties (local name → text) of one packet, found by namespace URI in attribute and element form. */
function gpanoProperties(packet: string): Map<string, string> {
  const found = new Map<string, string>();
  let tree: OrderedNode[];
  try {
    tree = parser.parse(packet) as OrderedNode[];
  } catch {
    return found; // not well-formed XML: no usable metadata
  }
  const visit = (nodes: OrderedNode[], scope: Map<string, string>, depth: number) => {
    if (depth > 64) return;
    for (const node of nodes) {
      const attributes = node[':@'] ?? {};
      let inner = scope;
      for (const [name, value] of Object.entries(attributes)) {
        if (name === 'xmlns' || name.startsWith('xmlns:')) {
          if (inner === scope) inner = new Map(scope);
          inner.set(name === 'xmlns' ? '' : name.slice(6), value);
        }
      }
      for (const [name, value] of Object.entries(attributes)) {
        const colon = name.indexOf(':');
        if (colon > 0 && inner.get(name.slice(0, colon)) === GPANO_NS && !found.has(name.slice(colon + 1)))
          found.set(name.slice(colon + 1), String(value));
      }
      for (const [tag, children] of Object.entries(node)) {
        if (tag === ':@' || tag === '#text' || !Array.isArray(children)) continue;
        const colon = tag.indexOf(':');
        const uri = inner.get(colon > 0 ? tag.slice(0, colon) : '');
        const local = colon > 0 ? tag.slice(colon + 1) : tag;
        if (uri === GPANO_NS) {
          const text = (children as OrderedNode[]).find((c) => '#text' in c)?.['#text'];
          if (text !== undefined && !found.has(local)) found.set(local, String(text));
        }
        visit(children as OrderedNode[], inner, depth + 1);
      }
    }
  };
  visit(tree, new Map(), 0);
  return found;
}

const numberOf = (raw: string | undefined): number | undefined => {
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
};

/**
 * Read GPano from a photo's XMP packets (each parsed on its own; the first packet naming a property wins).
 * Returns null when no packet carries any GPano property.
 */
export function parseGPano(packets: string | Uint8Array | readonly (string | Uint8Array)[] | undefined): GPano | null {
  if (!packets) return null;
  const list = Array.isArray(packets) ? packets : [packets as string | Uint8Array];
  const props = new Map<string, string>();
  for (const packet of list) {
    if (packet.length > MAX_XMP_PACKET) continue;
    const text = typeof packet === 'string' ? packet : Buffer.from(packet).toString('utf8');
    if (!text.includes(GPANO_NS)) continue;
    for (const [name, value] of gpanoProperties(text)) if (!props.has(name)) props.set(name, value);
  }
  if (props.size === 0) return null;
  const n = (name: string) => numberOf(props.get(name));
  const [croppedWidth, croppedHeight, fullWidth, fullHeight] = [
    n('CroppedAreaImageWidthPixels'),
    n('CroppedAreaImageHeightPixels'),
    n('FullPanoWidthPixels'),
    n('FullPanoHeightPixels'),
  ];
  const crop =
    croppedWidth === undefined || croppedHeight === undefined || fullWidth === undefined || fullHeight === undefined
      ? null
      : { croppedWidth, croppedHeight, fullWidth, fullHeight, croppedLeft: n('CroppedAreaLeftPixels') ?? 0, croppedTop: n('CroppedAreaTopPixels') ?? 0 };
  const gpano: GPano = { crop };
  const projectionType = props.get('ProjectionType')?.trim();
  if (projectionType) gpano.projectionType = projectionType;
  const optional = [
    ['poseHeadingDegrees', 'PoseHeadingDegrees'],
    ['initialViewHeadingDegrees', 'InitialViewHeadingDegrees'],
    ['initialViewPitchDegrees', 'InitialViewPitchDegrees'],
    ['initialHorizontalFovDegrees', 'InitialHorizontalFOVDegrees'],
  ] as const;
  for (const [key, name] of optional) {
    const value = n(name);
    if (value !== undefined) gpano[key] = value;
  }
  return gpano;
}
