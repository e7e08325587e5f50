/**
 * Real-world input cases (/work/shared/fixtures/cases): each kind of fault once with its fixture, built through the
 * whole pipeline and checked by where the marker discs land, or by the refusal's code and words.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultStartView } from '../../viewer/view/start.ts';
import { AppError } from '../lib/errors.ts';
import { buildPanorama } from './index.ts';
import { inspectSource } from './source.ts';
import { CASES, colourDistance, markersFound, pyramidSampler, type MarkerName } from './testing/markers.ts';
import type { Rgb } from './testing/synthetic.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pano-cases-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const build = (name: string) => buildPanorama({ input: join(CASES, name), outRoot: join(root, 'out') });
const refusal = (input: string) =>
  buildPanorama({ input, outRoot: join(root, 'refused') }).then(
    () => null,
    (e: unknown) => e as AppError,
  );
const BAND_MARKERS: MarkerName[] = ['red', 'green', 'blue', 'yellow', 'white'];

describe('XMP is read as XML, by namespace', () => {
  it('builds gpano-prefix-ns1-2048x512.jpg (GPano bound to ns1:) exactly like the GPano: control', async () => {
    const control = await build('partial-strip-2048x512.jpg');
    const renamed = await build('gpano-prefix-ns1-2048x512.jpg');
    const placed = { width: 2048, height: 512, fullWidth: 2048, fullHeight: 1024, croppedLeft: 0, croppedTop: 256 };
    expect(control.manifest.source).toMatchObject(placed);
    expect(renamed.manifest.source).toMatchObject(placed);
    expect(await markersFound(renamed.dir, renamed.manifest)).toEqual(BAND_MARKERS);
  }, 120_000);

  const xmp = (description: string) =>
    `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">${description}</rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const crop = 'CroppedAreaImageWidthPixels="1024" CroppedAreaImageHeightPixels="256" FullPanoWidthPixels="1024" FullPanoHeightPixels="512" CroppedAreaTopPixels="128"';
  const attributes = (prefix: string) =>
    `<rdf:Description rdf:about="" xmlns:${prefix}="http://ns.google.com/photos/1.0/panorama/" ${crop.replace(/(\w+)=/g, `${prefix}:$1=`)}/>`;
  const elements = (prefix: string) =>
    `<rdf:Description rdf:about="" xmlns:${prefix}="http://ns.google.com/photos/1.0/panorama/">` +
    crop.split(' ').map((kv) => {
      const [k, v] = kv.split('=');
      return `<${prefix}:${k}>${v!.replace(/"/g, '')}</${prefix}:${k}>`;
    }).join('') +
    '</rdf:Description>';
  const band = () => sharp({ create: { width: 1024, height: 256, channels: 3, background: { r: 90, g: 90, b: 90 } } });
  const top = async (name: string, bytes: Buffer) => {
    await writeFile(join(root, name), bytes);
    return (await inspectSource(join(root, name))).placement.top;
  };

  /** A PNG chunk with its CRC. */
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const iTXt = (text: string) => chunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(text)]));

  it('finds GPano under any prefix in PNG, WebP and JPEG (standard and extended XMP), and after a large packet', async () => {
    expect(await top('ns1-attr.png', await band().withXmp(xmp(attributes('ns1'))).png().toBuffer())).toBe(128);
    expect(await top('pano-elements.webp', await band().withXmp(xmp(elements('pano'))).webp().toBuffer())).toBe(128);
    expect(await top('g-attr.jpg', await band().withXmp(xmp(attributes('g'))).jpeg().toBuffer())).toBe(128);

    // PNG: a 2 MB packet without GPano first (a long history), the GPano packet after it.
    const png = await band().png().toBuffer();
    const large = iTXt(xmp(`<rdf:Description rdf:about="">${'<!-- history -->'.repeat(130_000)}</rdf:Description>`));
    const twoPackets = Buffer.concat([png.subarray(0, 33), large, iTXt(xmp(elements('ns2'))), png.subarray(33)]);
    expect(await top('two-packets.png', twoPackets)).toBe(128);

    // JPEG extended XMP: GPano only in the extension, split over two APP1 segments (each ≤ 64 KB).
    const extended = Buffer.from(xmp(elements('GPano')) + ' '.repeat(70_000));
    const guid = Buffer.from('0123456789ABCDEF0123456789ABCDEF', 'latin1');
    const segment = (offset: number, part: Buffer) => {
      const head = Buffer.from('http://ns.adobe.com/xmp/extension/\0', 'latin1');
      const numbers = Buffer.alloc(8);
      numbers.writeUInt32BE(extended.length, 0);
      numbers.writeUInt32BE(offset, 4);
      const body = Buffer.concat([head, guid, numbers, part]);
      const marker = Buffer.from([0xff, 0xe1, 0, 0]);
      marker.writeUInt16BE(body.length + 2, 2);
      return Buffer.concat([marker, body]);
    };
    const jpeg = await band().jpeg().toBuffer();
    const half = 40_000;
    const withExtension = Buffer.concat([jpeg.subarray(0, 2), segment(0, extended.subarray(0, half)), segment(half, extended.subarray(half)), jpeg.subarray(2)]);
    expect(await top('extended.jpg', withExtension)).toBe(128);
  });
});

describe('a sphere wider than 16384 is scaled down, not refused', () => {
  it('builds streetview-app-16896x3092.jpg (a crop of a 16896×8448 sphere) at 16384 wide, its pixels in their band', async () => {
    const { manifest, dir } = await build('streetview-app-16896x3092.jpg');
    // 16384/16896 of every GPano number: 3092 → 2998 rows starting at 2588 → 2510, in a 16384×8192 sphere.
    expect(manifest.source).toMatchObject({ width: 16384, height: 2998, fullWidth: 16384, fullHeight: 8192, croppedLeft: 0, croppedTop: 2510 });
    expect(manifest.source).toMatchObject({ photoWidth: 16896, photoHeight: 3092, poseHeadingDegrees: 76 });
    expect(manifest.warnings?.map((w) => w.code)).toEqual(['pano_scaled_down']);
    expect(manifest.warnings?.[0]?.messageEn).toContain('16896');
    // The fixture is one flat colour (120,140,160): every direction inside its band shows it.
    const sample = pyramidSampler(dir, manifest);
    for (const [yaw, pitch] of [[0, 0], [90, 20], [180, -25], [-90, 30], [-179, 0]] as const)
      expect(colourDistance(await sample(yaw, pitch), [120, 140, 160]), `yaw ${yaw} pitch ${pitch}`).toBeLessThan(12);
  }, 600_000);

  it('scales a small photo of a very large sphere; names the dimension and the limit when nothing would be left', async () => {
    const gpano = (fullWidth: number) =>
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:GPano="http://ns.google.com/photos/1.0/panorama/" GPano:CroppedAreaImageWidthPixels="1024" GPano:CroppedAreaImageHeightPixels="512" GPano:FullPanoWidthPixels="${fullWidth}" GPano:FullPanoHeightPixels="${fullWidth / 2}" GPano:CroppedAreaLeftPixels="${fullWidth / 2}" GPano:CroppedAreaTopPixels="${fullWidth / 4 - 256}"/></rdf:RDF></x:xmpmeta>`;
    const photo = (fullWidth: number) => sharp({ create: { width: 1024, height: 512, channels: 3, background: { r: 60, g: 90, b: 120 } } }).withXmp(gpano(fullWidth)).jpeg().toBuffer();
    await writeFile(join(root, 'small-of-40k.jpg'), await photo(40_000));
    const { placement } = await inspectSource(join(root, 'small-of-40k.jpg'));
    expect(placement).toMatchObject({ fullWidth: 16384, fullHeight: 8192, width: 419, height: 210, left: 8192 });

    await writeFile(join(root, 'small-of-4m.jpg'), await photo(4_000_000));
    const error = await refusal(join(root, 'small-of-4m.jpg'));
    expect(error?.code).toBe('pano_sphere_too_large');
    expect(error?.messageEn).toContain('4000000 pixels wide, over the limit of 16384');
    expect(error?.messageZh).toContain('全景球宽 4000000 像素，超过上限 16384 像素');
  });
});

describe('projections other than equirectangular', () => {
  it('refuses cylindrical-2to1-2048x1024.jpg with its own message, and any other declared projection by name', async () => {
    const error = await refusal(join(CASES, 'cylindrical-2to1-2048x1024.jpg'));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'pano_projection_cylindrical', status: 422 });
    expect(error!.messageZh).toMatch(/柱面投影.*不是 360° 球面全景.*照片球/);
    expect(error!.messageEn).toMatch(/cylindrical panorama.*not a 360° sphere.*photo sphere/);
    expect(await readdir(join(root, 'refused')).catch(() => [])).toEqual([]);

    const fisheye = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:p="http://ns.google.com/photos/1.0/panorama/" p:ProjectionType="fisheye"/></rdf:RDF></x:xmpmeta>`;
    await writeFile(join(root, 'fisheye.jpg'), await sharp({ create: { width: 1024, height: 512, channels: 3, background: 'grey' } }).withXmp(fisheye).jpeg().toBuffer());
    const other = await refusal(join(root, 'fisheye.jpg'));
    expect(other).toMatchObject({ code: 'pano_projection_unsupported', status: 422 });
    expect(other!.messageZh).toContain('“fisheye”');
    expect(other!.messageEn).toContain('"fisheye" projection');
  });
});

describe('partial panoramas open on the photo', () => {
  it('keeps phone-pano-120x60-left0-683x342.jpg heading and coverage, and starts a scene at yaw −120', async () => {
    const { manifest, dir } = await build('phone-pano-120x60-left0-683x342.jpg');
    expect(manifest.source).toMatchObject({ width: 683, height: 342, fullWidth: 2048, fullHeight: 1024, croppedLeft: 0, croppedTop: 341, initialViewHeadingDegrees: 240, poseHeadingDegrees: 0 });
    // Its own marker: an orange disc at the centre of what it covers (yaw −120°), where the heading points.
    const sample = pyramidSampler(dir, manifest);
    const orange: Rgb = [240, 140, 20];
    expect(colourDistance(await sample(-120, 0), orange)).toBeLessThan(40);
    expect(colourDistance(await sample(60, 0), orange)).toBeGreaterThan(60);
    const start = defaultStartView(manifest);
    expect(start.yaw).toBeCloseTo(-120, 0);
    expect(start.pitch).toBeCloseTo(0, 0);
    expect(start.fov).toBeLessThanOrEqual(60);
  }, 120_000);
});

describe('stale GPano on a full sphere', () => {
  it('builds stale-gpano-full-2048x1024.jpg as the full sphere and says the metadata was ignored', async () => {
    const { manifest, dir } = await build('stale-gpano-full-2048x1024.jpg');
    expect(manifest.source).toMatchObject({ width: 2048, height: 1024, fullWidth: 2048, fullHeight: 1024, croppedLeft: 0, croppedTop: 0 });
    expect(manifest.warnings?.map((w) => w.code)).toEqual(['pano_gpano_ignored']);
    expect(manifest.warnings?.[0]?.message).toContain('已忽略');
    expect(await markersFound(dir, manifest)).toEqual(['red', 'green', 'blue', 'yellow', 'white', 'magenta', 'cyan']);
  }, 120_000);
});
