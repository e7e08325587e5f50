import { open, type FileHandle } from 'node:fs/promises';
import { inflateSync } from 'node:zlib';
import type { AcceptedType } from './sniff.ts';

/**
 * XMP packets of a photo, read from its container without decoding a pixel: JPEG APP1 (standard XMP and extended
 * XMP reassembled), PNG iTXt/zTXt/tEXt `XML:com.adobe.xmp`, WebP `XMP ` chunks. Every packet is returned on its own, so a
 * large first packet never hides a later one.
 */

/** One packet above this is skipped (real packets are a few KB; extended XMP with thumbnails a few hundred). */
export const MAX_XMP_PACKET = 4 << 20;
/** All packets of one file together: bounds the work a hostile file can cause. */
const MAX_XMP_TOTAL = 16 << 20;

const JPEG_XMP = Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1');
const JPEG_EXTENDED_XMP = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1');
const PNG_XMP_KEYWORD = 'XML:com.adobe.xmp';

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

class PacketBudget {
  #total = 0;
  readonly packets: string[] = [];
  /** May a packet of this size still be read? */
  fits(bytes: number): boolean {
    return bytes <= MAX_XMP_PACKET && this.#total + bytes <= MAX_XMP_TOTAL;
  }
  add(packet: Buffer): void {
    this.#total += packet.length;
    this.packets.push(packet.toString('utf8'));
  }
}

async function jpegPackets(file: FileHandle, size: number, budget: PacketBudget): Promise<void> {
  const extended = new Map<string, { total: number; parts: Map<number, Buffer> }>();
  let at = 2;
  while (at + 4 <= size) {
    const head = await readAt(file, at, 4);
    if (head.length < 4 || head[0] !== 0xff) break;
    const marker = head[1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // image data follows: no metadata segments after it matter
    const length = head.readUInt16BE(2);
    if (marker === 0xe1 && length > 2) {
      const body = await readAt(file, at + 4, length - 2);
      if (body.subarray(0, JPEG_XMP.length).equals(JPEG_XMP)) {
        const packet = body.subarray(JPEG_XMP.length);
        if (budget.fits(packet.length)) budget.add(packet);
      } else if (body.subarray(0, JPEG_EXTENDED_XMP.length).equals(JPEG_EXTENDED_XMP)) {
        const from = JPEG_EXTENDED_XMP.length;
        const guid = body.subarray(from, from + 32).toString('latin1');
        const total = body.readUInt32BE(from + 32);
        const offset = body.readUInt32BE(from + 36);
        const entry = extended.get(guid) ?? { total, parts: new Map() };
        extended.set(guid, entry);
        entry.parts.set(offset, body.subarray(from + 40));
      }
    }
    at += 2 + length;
  }
  for (const { total, parts } of extended.values()) {
    if (!budget.fits(total)) continue;
    const whole = Buffer.alloc(total);
    let filled = 0;
    for (const [offset, part] of parts) {
      if (offset + part.length > total) continue;
      part.copy(whole, offset);
      filled += part.length;
    }
    if (filled === total) budget.add(whole);
  }
}

/**
 * The text of a PNG text chunk after its keyword: tEXt is plain; zTXt is zlib after a method byte (libvips writes
 * XMP this way); iTXt has a compression flag, method, language tag and translated keyword before the text.
 */
function pngText(type: string, body: Buffer, keywordEnd: number): Buffer | null {
  try {
    if (type === 'tEXt') return body.subarray(keywordEnd + 1);
    if (type === 'zTXt') return inflateSync(body.subarray(keywordEnd + 2), { maxOutputLength: MAX_XMP_PACKET });
    const compressed = body[keywordEnd + 1] === 1;
    const languageEnd = body.indexOf(0, keywordEnd + 3);
    const translatedEnd = languageEnd < 0 ? -1 : body.indexOf(0, languageEnd + 1);
    if (translatedEnd < 0) return null;
    const text = body.subarray(translatedEnd + 1);
    return compressed ? inflateSync(text, { maxOutputLength: MAX_XMP_PACKET }) : text;
  } catch {
    return null; // too large once inflated, or not inflatable: skipped like a missing packet
  }
}

async function pngPackets(file: FileHandle, size: number, budget: PacketBudget): Promise<void> {
  let at = 8;
  while (at + 12 <= size) {
    const head = await readAt(file, at, 8);
    if (head.length < 8) break;
    const length = head.readUInt32BE(0);
    const type = head.toString('latin1', 4, 8);
    if (type === 'IEND') break;
    if ((type === 'iTXt' || type === 'zTXt' || type === 'tEXt') && length <= MAX_XMP_PACKET + 1024) {
      const body = await readAt(file, at + 8, length);
      const keywordEnd = body.indexOf(0);
      if (keywordEnd > 0 && body.toString('latin1', 0, keywordEnd) === PNG_XMP_KEYWORD) {
        const text = pngText(type, body, keywordEnd);
        if (text && budget.fits(text.length)) budget.add(text);
      }
    }
    at += 12 + length;
  }
}

async function webpPackets(file: FileHandle, size: number, budget: PacketBudget): Promise<void> {
  let at = 12;
  while (at + 8 <= size) {
    const head = await readAt(file, at, 8);
    if (head.length < 8) break;
    const type = head.toString('latin1', 0, 4);
    const length = head.readUInt32LE(4);
    if (type === 'XMP ' && budget.fits(length)) budget.add(await readAt(file, at + 8, length));
    at += 8 + length + (length & 1);
  }
}

/** Every XMP packet in the photo, in file order (extended JPEG XMP after the standard packet). */
export async function readXmpPackets(path: string, type: AcceptedType): Promise<string[]> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const budget = new PacketBudget();
    const read = { jpeg: jpegPackets, png: pngPackets, webp: webpPackets }[type];
    try {
      await read(file, size, budget);
    } catch {
      // A malformed container: keep the packets found before the damage; the decoder judges the rest.
    }
    return budget.packets;
  } finally {
    await file.close();
  }
}
