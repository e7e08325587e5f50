import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import sharp, { type Metadata, type Sharp } from 'sharp';
import { panoramaError } from './errors.ts';
import { parseGPano } from './gpano.ts';
import { readXmpPackets } from './xmp-packets.ts';
import { isAcceptedType, sniffImageType, type AcceptedType } from './sniff.ts';
import { MAX_PIXELS, placeOnSphere, type SpherePlacement } from './sphere.ts';

/** What the header of an accepted photo says, before any pixel is decoded. */
export interface SourceInfo {
  path: string;
  bytes: number;
  type: AcceptedType;
  /** Size of the raster that is built: after EXIF orientation, and scaled down when the sphere is too wide. */
  width: number;
  height: number;
  /** The photo's own size after EXIF orientation. */
  photoWidth: number;
  photoHeight: number;
  hasAlpha: boolean;
  placement: SpherePlacement;
}

async function readHead(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(length);
    const { bytesRead } = await handle.read(head, 0, length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** sha256 (hex) of the file, streamed so a 150 MB upload is never held in memory. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Decide from magic bytes and the header alone whether this file can become a panorama, and where it sits on the
 * sphere. Nothing is decoded here, so a header claiming 100000×50000 pixels costs nothing.
 */
export async function inspectSource(path: string): Promise<SourceInfo> {
  const { size } = await stat(path);
  if (size === 0) throw panoramaError('pano_empty_file');
  const type = sniffImageType(await readHead(path, 512));
  if (type === 'unknown') throw panoramaError('pano_not_an_image');
  if (type === 'gif') {
    const pages = await sharp(path, { limitInputPixels: false }).metadata().then((m) => m.pages ?? 1, () => 1);
    throw panoramaError(pages > 1 ? 'pano_animated' : 'pano_unsupported_format', { type });
  }
  if (!isAcceptedType(type)) throw panoramaError('pano_unsupported_format', { type });

  let metadata: Metadata;
  try {
    // limitInputPixels off here only: metadata reads the header, and the size check below must see the real claim.
    metadata = await sharp(path, { limitInputPixels: false }).metadata();
  } catch (cause) {
    throw panoramaError('pano_corrupt', { type, reason: String(cause) });
  }
  if (metadata.format !== type || !metadata.width || !metadata.height)
    throw panoramaError('pano_corrupt', { type, format: metadata.format });
  if ((metadata.pages ?? 1) > 1) throw panoramaError('pano_animated', { type, pages: metadata.pages });
  const swap = (metadata.orientation ?? 1) >= 5;
  const width = swap ? metadata.height : metadata.width;
  const height = swap ? metadata.width : metadata.height;
  const placement = placeOnSphere(width, height, parseGPano(await readXmpPackets(path, type)));
  return {
    path,
    bytes: size,
    type,
    width: placement.width,
    height: placement.height,
    photoWidth: width,
    photoHeight: height,
    hasAlpha: metadata.hasAlpha ?? false,
    placement,
  };
}

/** Neutral grey that transparent pixels are flattened onto. */
const FLATTEN_BACKGROUND = { r: 128, g: 128, b: 128 };

/**
 * Decode the photo to 8-bit sRGB RGB (EXIF orientation applied; CMYK, grey, 16-bit and alpha converted) into a
 * libvips `.v` file: libvips streams the decode to disk in strips, so the full-resolution raster is never held
 * twice in memory on its way into the shared buffer the reprojection workers read.
 */
export async function decodeToVipsFile(info: SourceInfo, vipsPath: string): Promise<void> {
  try {
    await openDecoded(info).toFile(vipsPath);
  } catch (cause) {
    throw panoramaError('pano_corrupt', { type: info.type, reason: String(cause) });
  }
}

/** The photo as 8-bit sRGB RGB, oriented and flattened: a lazy libvips pipeline the caller finishes. */
export function openDecoded(info: SourceInfo): Sharp {
  let pipeline = sharp(info.path, { limitInputPixels: MAX_PIXELS, failOn: 'error', sequentialRead: true }).rotate();
  if (info.hasAlpha) pipeline = pipeline.flatten({ background: FLATTEN_BACKGROUND });
  if (info.width !== info.photoWidth || info.height !== info.photoHeight)
    pipeline = pipeline.resize(info.width, info.height, { fit: 'fill', kernel: 'lanczos3' });
  return pipeline.toColourspace('srgb');
}

const VIPS_HEADER_BYTES = 64;
const VIPS_MAGIC_LE = 0x08f2a6b6;

/** Read a `.v` file written by decodeToVipsFile into shared memory, checking it is width×height 8-bit RGB. */
export async function readVipsRgb(vipsPath: string, width: number, height: number): Promise<Uint8Array> {
  const handle = await open(vipsPath, 'r');
  try {
    const header = Buffer.alloc(VIPS_HEADER_BYTES);
    await handle.read(header, 0, VIPS_HEADER_BYTES, 0);
    const [magic, w, h, bands, , bandFormat] = [0, 4, 8, 12, 16, 20].map((o) => header.readUInt32LE(o));
    if (magic !== VIPS_MAGIC_LE || w !== width || h !== height || bands !== 3 || bandFormat !== 0)
      throw new Error(`unexpected decoded raster ${w}x${h}x${bands} format ${bandFormat}`);
    const pixels = new Uint8Array(new SharedArrayBuffer(width * height * 3));
    const chunk = 1 << 26;
    for (let at = 0; at < pixels.length; at += chunk) {
      const length = Math.min(chunk, pixels.length - at);
      const { bytesRead } = await handle.read(pixels, at, length, VIPS_HEADER_BYTES + at);
      if (bytesRead !== length) throw new Error('decoded raster is shorter than its header says');
    }
    return pixels;
  } finally {
    await handle.close();
  }
}
