import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors.ts';
import { buildPanorama } from './index.ts';
import { decodeRgb } from './testing/synthetic.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pano-bad-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const solid = (width: number, height: number, colour = { r: 200, g: 60, b: 30 }) =>
  sharp({ create: { width, height, channels: 3, background: colour } });

/** A PNG whose IHDR claims any size, followed by a token IDAT: the header alone must get it refused. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00])), chunk('IEND', Buffer.alloc(0))]);
}

const gpanoXmp = (fields: Record<string, number>, padding = '') =>
  `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
  `<rdf:Description rdf:about="" xmlns:GPano="http://ns.google.com/photos/1.0/panorama/">${padding}` +
  Object.entries(fields)
    .map(([k, v]) => `<GPano:${k}>${v}</GPano:${k}>`)
    .join('') +
  `</rdf:Description></rdf:RDF></x:xmpmeta>`;

async function refuse(name: string, bytes: Buffer | string, code: string, status: number) {
  const input = join(root, name);
  await writeFile(input, bytes);
  const outRoot = join(root, `out-${name}`);
  const error = await buildPanorama({ input, outRoot }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, name).toBeInstanceOf(AppError);
  expect((error as AppError).code, name).toBe(code);
  expect((error as AppError).status, name).toBe(status);
  expect((error as AppError).messageZh).toMatch(/[\u4e00-\u9fff]/);
  expect((error as AppError).messageEn.length).toBeGreaterThan(20);
  expect(await readdir(outRoot).catch(() => []), `${name} left files behind`).toEqual([]);
}

describe('bad input is refused with a clear AppError and leaves nothing behind', () => {
  it('refuses what is not a usable image', async () => {
    await refuse('empty.jpg', Buffer.alloc(0), 'pano_empty_file', 400);
    await refuse('notes.jpg', 'just some text, not a photo\n'.repeat(50), 'pano_not_an_image', 415);
    await refuse('drawing.svg', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="2000" height="1000"/>', 'pano_unsupported_format', 415);
    const frames = [await solid(64, 32).png().toBuffer(), await solid(64, 32, { r: 0, g: 0, b: 255 }).png().toBuffer()];
    const gif = await sharp(frames, { join: { animated: true } }).gif().toBuffer();
    await refuse('moving.gif', gif, 'pano_animated', 415);
  });

  it('refuses damaged and wrongly sized photos', async () => {
    const jpeg = await solid(1024, 512).jpeg().toBuffer();
    await refuse('cut.jpg', jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'pano_corrupt', 422);
    await refuse('dot.png', await solid(1, 1).png().toBuffer(), 'pano_too_small', 422);
    await refuse('bomb.png', pngClaiming(100_000, 50_000), 'pano_too_large', 413);
    await refuse('wide.png', pngClaiming(16_386, 8_193), 'pano_too_large', 413);
    await refuse('photo-4x3.jpg', await solid(1024, 768).jpeg().toBuffer(), 'pano_not_equirectangular', 422);
    const badCrop = gpanoXmp({ CroppedAreaImageWidthPixels: 1024, CroppedAreaImageHeightPixels: 256, FullPanoWidthPixels: 1024, FullPanoHeightPixels: 512, CroppedAreaTopPixels: 400 });
    await refuse('bad-gpano.png', await solid(1024, 256).withXmp(badCrop).png().toBuffer(), 'pano_bad_gpano', 422);
  });
});

describe('awkward but valid input is converted', () => {
  const build = async (name: string, bytes: Buffer) => {
    const input = join(root, name);
    await writeFile(input, bytes);
    return buildPanorama({ input, outRoot: join(root, 'ok') });
  };

  it('trusts bytes over the extension, converts CMYK, grey, 16-bit and alpha to 8-bit sRGB', async () => {
    const png = await build('really-a-png.jpg', await solid(1024, 512).png().toBuffer());
    expect(png.manifest.source.format).toBe('png');
    const cmyk = await build('cmyk.jpg', await solid(1024, 512, { r: 40, g: 120, b: 200 }).toColourspace('cmyk').jpeg().toBuffer());
    const poster = await decodeRgb(join(cmyk.dir, cmyk.manifest.poster.url));
    expect(Math.abs(poster.data[0]! - 40) + Math.abs(poster.data[1]! - 120) + Math.abs(poster.data[2]! - 200)).toBeLessThan(45);
    await build('grey.png', await solid(1024, 512).toColourspace('b-w').png().toBuffer());
    const deep = new Uint16Array(1024 * 512 * 3).fill(40000);
    await build('deep.png', await sharp(deep, { raw: { width: 1024, height: 512, channels: 3 } }).toColourspace('rgb16').png().toBuffer());
    const alpha = await build('alpha.png', await sharp({ create: { width: 1024, height: 512, channels: 4, background: { r: 255, g: 0, b: 0, alpha: 0.5 } } }).png().toBuffer());
    const flat = await decodeRgb(join(alpha.dir, alpha.manifest.poster.url));
    expect(flat.data[0]).toBeGreaterThan(150); // half red over grey, not black
    expect(flat.data[1]).toBeGreaterThan(40);
  });

  it('applies EXIF orientation before checking the shape', async () => {
    const sideways = await solid(512, 1024).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const { manifest } = await build('sideways.jpg', sideways);
    expect([manifest.source.width, manifest.source.height]).toEqual([1024, 512]);
  });

  it('places a partial GPano photo (attributes or elements) and shrugs off a huge XMP packet', async () => {
    const crop = { CroppedAreaImageWidthPixels: 2048, CroppedAreaImageHeightPixels: 512, FullPanoWidthPixels: 2048, FullPanoHeightPixels: 1024, CroppedAreaLeftPixels: 0, CroppedAreaTopPixels: 256 };
    const band = await build('band.png', await solid(1024, 256).withXmp(gpanoXmp(crop)).png().toBuffer());
    expect(band.manifest.source).toMatchObject({ width: 1024, height: 256, fullWidth: 1024, fullHeight: 512, croppedTop: 128 });
    const huge = gpanoXmp({}, `<!--${'x'.repeat(3 << 20)}-->`);
    const big = await build('big-xmp.png', await solid(1024, 512).withXmp(huge).png().toBuffer());
    expect(big.manifest.source.fullWidth).toBe(1024);
  });
});
