import sharp, { type Sharp } from 'sharp';
import { neutralFill, type EquirectSource } from './equirect.ts';

/** Edge of each face in the preview strip: enough for a sharp-ish first paint, small enough to arrive at once. */
export const PREVIEW_FACE_SIZE = 256;
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

  const canvas = Buffer.alloc(width * height * 3);
  const fill = neutralFill(src);
  const colour = [0, 0, 0];
  const left = Math.round(src.left * scaleX);
  const top = Math.round(src.top * scaleY);
  for (let y = 0; y < height; y++) {
    fill(Math.floor((y + 0.5) / scaleY - src.top), colour);
    for (let x = 0; x < width; x++) canvas.set(colour, (y * width + x) * 3);
    const photoRow = y - top;
    if (photoRow < 0 || photoRow >= photoHeight) continue;
    // Crops may wrap past the right edge of the sphere: copy column by column modulo the poster width.
    for (let x = 0; x < photoWidth; x++) {
      const o = (photoRow * photoWidth + x) * 3;
      canvas.set(photo.subarray(o, o + 3), (y * width + ((left + x) % width)) * 3);
    }
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
