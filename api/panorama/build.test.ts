import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CUBE_FACES } from '../../viewer/geometry/cube.ts';
import { buildPanorama, cleanupPartial } from './index.ts';
import { reprojectFace } from './reproject.ts';
import { decodeRgb, equirectFrom, fullSphere, pngOf, smoothColour } from './testing/synthetic.ts';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures/panoramas');
let root: string;
const W = 1024;
const H = 512;
const pixels = equirectFrom(W, H, smoothColour);
let photo: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'pano-build-'));
  photo = join(root, 'photo.png');
  await writeFile(photo, await pngOf(pixels, W, H));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('buildPanorama', () => {
  it('writes a pyramid whose top-level tiles reassemble each face exactly', async () => {
    const outRoot = join(root, 'lossless');
    const tileSize = 128;
    const { id, dir, manifest, reused } = await buildPanorama({
      input: photo,
      outRoot,
      tileSize,
      encoding: { lossless: true },
    });
    expect(reused).toBe(false);
    expect(dir).toBe(join(outRoot, id));
    expect(manifest.faceSize).toBe(328); // 8·round(1024 / π / 8)
    expect(manifest.levels.map((l) => [l.faceSize, l.tiles])).toEqual([
      [82, 1],
      [164, 2],
      [328, 3],
    ]);
    expect(await readdir(outRoot)).toEqual([id]);

    const top = manifest.levels.at(-1)!;
    const source = fullSphere(pixels, W, H);
    for (const face of CUBE_FACES) {
      const expected = reprojectFace(source, face, top.faceSize);
      const reassembled = new Uint8Array(expected.length);
      for (let y = 0; y < top.tiles; y++) {
        for (let x = 0; x < top.tiles; x++) {
          const url = manifest.tileUrl
            .replace('{level}', String(top.index))
            .replace('{face}', face)
            .replace('{x}', String(x))
            .replace('{y}', String(y));
          const tile = await decodeRgb(join(dir, url));
          expect(tile.width).toBe(Math.min(tileSize, top.faceSize - x * tileSize));
          for (let row = 0; row < tile.height; row++) {
            const at = ((y * tileSize + row) * top.faceSize + x * tileSize) * 3;
            reassembled.set(tile.data.subarray(row * tile.width * 3, (row + 1) * tile.width * 3), at);
          }
        }
      }
      expect(Buffer.compare(Buffer.from(reassembled), Buffer.from(expected)), `face ${face}`).toBe(0);
    }

    // Lower levels: every tile exists with the size the manifest implies.
    for (const level of manifest.levels) {
      for (const face of CUBE_FACES) {
        const files = await readdir(join(dir, 'tiles', String(level.index), face));
        expect(files).toHaveLength(level.tiles * level.tiles);
      }
    }
    const preview = await decodeRgb(join(dir, manifest.preview.url));
    expect([preview.width, preview.height]).toEqual([6 * manifest.preview.faceSize, manifest.preview.faceSize]);
    const poster = await decodeRgb(join(dir, manifest.poster.url));
    expect([poster.width, poster.height]).toEqual([1024, 512]);
    expect(manifest.placeholder).toMatch(/^data:image\/webp;base64,/);
    expect(manifest.placeholder.length).toBeLessThan(600);
    expect(manifest.bytes.total).toBe(manifest.bytes.tiles + manifest.preview.bytes + manifest.poster.bytes);
  });

  it('returns the existing pyramid for the same photo, and one directory for two concurrent builds', async () => {
    const outRoot = join(root, 'dedupe');
    const [a, b] = await Promise.all([buildPanorama({ input: photo, outRoot }), buildPanorama({ input: photo, outRoot })]);
    expect(a.id).toBe(b.id);
    const again = await buildPanorama({ input: photo, outRoot });
    expect(again).toMatchObject({ id: a.id, reused: true });
    expect(await readdir(outRoot)).toEqual([a.id]);
  });

  it('keeps the first published pyramid when another process published the same id meanwhile', async () => {
    // Two separate output roots stand in for two processes: build in one, then pre-create the target in the other.
    const outRoot = join(root, 'race');
    const first = await buildPanorama({ input: photo, outRoot: join(root, 'race-other') });
    await mkdir(join(outRoot, first.id), { recursive: true });
    await writeFile(join(outRoot, first.id, 'manifest.json'), JSON.stringify({ ...first.manifest, id: 'theirs' }));
    const result = await buildPanorama({ input: photo, outRoot });
    expect(result.manifest.id).toBe('theirs');
    expect(await readdir(outRoot)).toEqual([first.id]);
  });

  it('cleanupPartial removes stale staging directories and nothing else', async () => {
    const outRoot = join(root, 'cleanup');
    await mkdir(join(outRoot, '.tmp-123-abc', 'tiles'), { recursive: true });
    await mkdir(join(outRoot, 'abcdef'), { recursive: true });
    expect(await cleanupPartial(outRoot, { olderThanMs: 60_000 })).toEqual([]);
    expect(await cleanupPartial(outRoot)).toEqual(['.tmp-123-abc']);
    expect(await readdir(outRoot)).toEqual(['abcdef']);
    expect(await cleanupPartial(join(root, 'missing'))).toEqual([]);
  });

  it('builds a real GPano photo end to end (its XMP describes a 5× larger file: ratios, not pixels, count)', async () => {
    const outRoot = join(root, 'real');
    const { manifest, dir } = await buildPanorama({ input: join(FIXTURES, 'egjs-veste-oberhaus-gpano-2000.jpg'), outRoot });
    expect(manifest.source).toMatchObject({ width: 2000, height: 1000, fullWidth: 2000, fullHeight: 1000, croppedLeft: 0 });
    expect(manifest.source.poseHeadingDegrees).toBe(295);
    expect(manifest.faceSize).toBe(640);
    expect(manifest.levels.map((l) => l.faceSize)).toEqual([320, 640]);
    expect(manifest.format).toBe('webp');
    const tile = await decodeRgb(join(dir, 'tiles/1/f/0_0.webp'));
    expect([tile.width, tile.height]).toEqual([512, 512]);
  });
});
