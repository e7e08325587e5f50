import sharp, { type Sharp } from 'sharp';
import { neutralFill, type EquirectSource } from './equirect.ts';

/**
 * Edge of each face in the preview strip. It is only the blurry first paint (a 1280×720 view needs ~4× its density
 * either way) and counts in every first view's bytes: 192 px at q50 is ~24 KB against ~40 KB at 256 (FORMATS.md).
 */
export const PREVIEW_FACE_SIZE = 192;
export const POSTER_WIDTH = 1200;
const PLACEHOLDER_WIDTH = 32;

/** The six preview faces side by side in manifest face order, as one WebP. */
export async function encodePreviewStrip(faces: Buffer[], faceSize: number): Promise<Buffer> {
  const strip = Buffer.alloc(faces.length * faceSize * faceSize * 3);
  const rowBytes = faceSize * 3;
  faces.forEach((face, i) => {
    for (let y = 0; y < faceSize; y++) face.copy(strip, (y * faces.length + i) * rowBytes, y * rowBytes, (y + 1) * rowBytes);
  });
  return sharp(strip, { raw: { width: faces.length * faceSize, height: faceSize, channels: 3 } })
    .webp({ quality: 50, effort: 4 })
    .toBuffer();
}

/**
 * The 2:1 poster (listings, social cards, LCP image): the photo reduced by libvips (antialiased; JPEG shrink-on-load
 * keeps this cheap, and reading the original avoids mapping the big decoded raster into memory a second time), placed
 * where it belongs on the full sphere, over the same neutral fill the cube faces use for uncovered areas.
 * JPEG rather than WebP because social networks' card crawlers still do not all take WebP.
 */
export async function renderPoster(
  decoded: Sharp,
  src: EquirectSource,
): Promise<{ jpeg: Buffer; raw: Buffer; width: number; height: number }> {
  const width = Math.min(POSTER_WIDTH, 2 * Math.floor(src.fullWidth / 2));
  const height = width / 2;
  const scaleX = width / src.fullWidth;
  const scaleY = height / src.fullHeight;
  const photoWidth = Math.max(1, Math.min(width, Math.round(src.width * scaleX)));
  const photoHeight = Math.max(1, Math.min(height, Math.round(src.height * scaleY)));
  const photo = await decoded.resize(photoWidth, photoHeight, { fit: 'fill' }).raw().toBuffer();

  // Row-wide copies rather than per-pixel ones: this runs on the server's event loop (per-pixel: ~60 ms stall).
  const canvas = Buffer.alloc(width * height * 3);
  const fill = neutralFill(src);
  const colour = [0, 0, 0];
  const rowBytes = width * 3;
  const left = Math.round(src.left * scaleX) % width;
  const top = Math.round(src.top * scaleY);
  for (let y = 0; y < height; y++) {
    const row = y * rowBytes;
    const photoRow = y - top;
    const covered = photoRow >= 0 && photoRow < photoHeight;
    if (!covered || photoWidth < width) {
      fill(Math.floor((y + 0.5) / scaleY - src.top), colour);
      canvas.set(colour, row);
      // Doubling copies fill the row from its first pixel.
      for (let filled = 3; filled < rowBytes; filled *= 2) canvas.copyWithin(row + filled, row, row + Math.min(filled, rowBytes - filled));
    }
    if (!covered) continue;
    // Crops may wrap past the right edge of the sphere: at most two runs, the second from column 0.
    const from = photoRow * photoWidth * 3;
    const firstRun = Math.min(photoWidth, width - left);
    photo.copy(canvas, row + left * 3, from, from + firstRun * 3);
    if (firstRun < photoWidth) photo.copy(canvas, row, from + firstRun * 3, from + photoWidth * 3);
  }
  const raw = { raw: { width, height, channels: 3 as const } };
  const jpeg = await sharp(canvas, raw).jpeg({ quality: 80, mozjpeg: true }).toBuffer();
  return { jpeg, raw: canvas, width, height };
}

/** A few-hundred-byte 32×16 WebP data URL of the poster, to inline in HTML before anything loads. */
export async function renderPlaceholder(poster: { raw: Buffer; width: number; height: number }): Promise<string> {
  const raw = { raw: { width: poster.width, height: poster.height, channels: 3 as const } };
  const tiny = await sharp(poster.raw, raw)
    .resize(PLACEHOLDER_WIDTH, PLACEHOLDER_WIDTH / 2, { fit: 'fill' })
    .webp({ quality: 40, effort: 6 })
    .toBuffer();
  return `data:image/webp;base64,${tiny.toString('base64')}`;
}
