/** What the first bytes of a file say it is; the file name and the client's Content-Type are never trusted. */
export type SniffedType = 'jpeg' | 'png' | 'webp' | 'gif' | 'svg' | 'heif' | 'avif' | 'tiff' | 'bmp' | 'unknown';

const startsWith = (head: Uint8Array, bytes: readonly number[], offset = 0): boolean =>
  head.length >= offset + bytes.length && bytes.every((b, i) => head[offset + i] === b);

const ascii = (head: Uint8Array, from: number, to: number): string =>
  String.fromCharCode(...head.subarray(from, Math.min(to, head.length)));

/** Identify an image container by magic bytes. Give it at least the first 512 bytes of the file. */
export function sniffImageType(head: Uint8Array): SniffedType {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (ascii(head, 0, 4) === 'GIF8') return 'gif';
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    return brand === 'avif' || brand === 'avis' ? 'avif' : 'heif';
  }
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(head, 0, 2) === 'BM') return 'bmp';
  // SVG is text: skip a BOM and whitespace, then look for an XML prolog or an <svg> element early on.
  const text = ascii(head, 0, 512).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (text.startsWith('<svg') || ((text.startsWith('<?xml') || text.startsWith('<!doctype svg')) && text.includes('<svg')))
    return 'svg';
  return 'unknown';
}

/** The input formats the pipeline decodes. */
export const ACCEPTED_TYPES = ['jpeg', 'png', 'webp'] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

export function isAcceptedType(type: SniffedType): type is AcceptedType {
  return (ACCEPTED_TYPES as readonly string[]).includes(type);
}
