import { createHash } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { AppError } from '../lib/errors.ts';
import { createStagingDir, publishStaged } from '../panorama/publish.ts';

/** Widths made of every photo (never wider than the original): phone card, phone full width, desktop. */
export const IMAGE_WIDTHS = [320, 640, 1280] as const;
/** Photos beyond this many pixels are refused before decoding (a 50 MP camera photo passes). */
const MAX_PIXELS = 60_000_000;
const VERSION = 1;

export interface PublishedImage {
  id: string;
  width: number;
  height: number;
  /** Widths actually made, ascending. Files: `w<width>.webp`, plus `w640.jpg` for social cards. */
  widths: number[];
  bytes: number;
}

export function imageRoot(mediaDir: string): string {
  return join(mediaDir, 'images');
}

const unreadable = () =>
  new AppError(422, 'image_unreadable', { zh: '图片无法读取或已损坏，请换一张 JPEG、PNG 或 WebP 图片', en: 'The image cannot be read or is damaged; use a JPEG, PNG or WebP' });

/**
 * Makes responsive WebP sizes (and a JPEG for social cards) of an uploaded photo, content-addressed and published
 * atomically: `<mediaDir>/images/<id>/`. The same photo twice gives the same folder.
 */
export async function publishImage(mediaDir: string, sourcePath: string): Promise<PublishedImage> {
  const source = await readFile(sourcePath);
  const id = createHash('sha256').update(`image-v${VERSION}\0`).update(source).digest('hex').slice(0, 32);
  const root = imageRoot(mediaDir);
  let meta: Metadata;
  try {
    meta = await sharp(source, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw unreadable();
  }
  if (!meta.width || !meta.height) throw unreadable();
  if (meta.width * meta.height > MAX_PIXELS) {
    throw new AppError(413, 'image_too_large', { zh: '图片像素过多（上限 6000 万像素）', en: 'The image has too many pixels (limit 60 MP)' });
  }
  // EXIF orientation decides which side is the width people see.
  const [width, height] = (meta.orientation ?? 1) >= 5 ? [meta.height, meta.width] : [meta.width, meta.height];
  // Every standard width below the original, plus the original's own width up to the largest standard one.
  const largest = IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!;
  const made = [...new Set([...IMAGE_WIDTHS.filter((w) => w < width), Math.min(width, largest)])].sort((a, b) => a - b);

  const existing = await stat(join(root, id, 'w640.jpg')).catch(() => null);
  if (!existing) {
    const staging = await createStagingDir(root);
    try {
      const base = sharp(source, { limitInputPixels: MAX_PIXELS }).rotate();
      await Promise.all([
        ...made.map((w) => base.clone().resize({ width: w }).webp({ quality: 78 }).toFile(join(staging, `w${w}.webp`))),
        base.clone().resize({ width: Math.min(640, width) }).flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }).toFile(join(staging, 'w640.jpg')),
      ]);
      if (!(await publishStaged(staging, root, id))) await rm(staging, { recursive: true, force: true });
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error instanceof AppError ? error : unreadable();
    }
  }
  const sizes = await Promise.all(made.map((w) => stat(join(root, id, `w${w}.webp`)).then((s) => s.size)));
  return { id, width, height, widths: made, bytes: sizes.reduce((a, b) => a + b, 0) };
}

/** URLs of a published image: a srcset of the WebP sizes and a JPEG for social cards. */
export function imageUrls(id: string, widths: readonly number[]) {
  const base = `/media/images/${id}/`;
  return {
    src: `${base}w${widths.find((w) => w >= 640) ?? widths.at(-1)}.webp`,
    srcset: widths.map((w) => `${base}w${w}.webp ${w}w`).join(', '),
    jpeg: `${base}w640.jpg`,
  };
}
