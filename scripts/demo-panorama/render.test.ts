import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderShowroom } from './render.ts';
import { resolvePalette } from './palettes.ts';
import type { ShowroomSpec } from './spec.ts';

const WIDTH = 1024;
const HEIGHT = WIDTH / 2;

const spec = (overrides: Partial<ShowroomSpec> = {}): ShowroomSpec => ({
  firmName: '临清华东精密轴承有限公司',
  sceneTitle: '产品展区',
  kind: 'products',
  industry: 'bearings',
  seed: 7,
  width: WIDTH,
  ...overrides,
});

interface Decoded {
  readonly jpeg: Buffer;
  readonly width: number;
  readonly height: number;
  readonly pixels: Buffer;
}

async function decode(jpeg: Buffer): Promise<Decoded> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  return { jpeg, width: info.width, height: info.height, pixels: data };
}

const pixel = (img: Decoded, x: number, y: number): [number, number, number] => {
  const i = (y * img.width + x) * 3;
  return [img.pixels[i]!, img.pixels[i + 1]!, img.pixels[i + 2]!];
};
const distance = (a: readonly number[], b: readonly number[]): number => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
const hex = (c: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number];
/** Equirect pixel at a yaw and pitch in degrees (yaw 0 = image centre). */
const at = (yaw: number, pitch: number): [number, number] => [
  Math.min(WIDTH - 1, Math.floor(((yaw + 180) / 360) * WIDTH)),
  Math.min(HEIGHT - 1, Math.floor(((90 - pitch) / 180) * HEIGHT)),
];

let base: Decoded;
beforeAll(async () => {
  base = await decode(await renderShowroom(spec()));
});

describe('renderShowroom', () => {
  it('is deterministic: the same spec gives the same bytes', async () => {
    expect((await renderShowroom(spec())).equals(base.jpeg)).toBe(true);
  });

  it('differs for another firm, another scene kind or another seed', async () => {
    const others = await Promise.all([
      renderShowroom(spec({ firmName: '阳谷金龙电缆集团有限公司' })),
      renderShowroom(spec({ kind: 'lab', sceneTitle: '研发中心' })),
      renderShowroom(spec({ seed: 8 })),
    ]);
    for (const other of others) expect(other.equals(base.jpeg)).toBe(false);
  });

  it('writes a 2:1 JPEG of the requested width', async () => {
    expect(base.jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect([base.width, base.height]).toEqual([WIDTH, HEIGHT]);
    const small = await sharp(await renderShowroom(spec({ width: 512 }))).metadata();
    expect([small.width, small.height, small.format]).toEqual([512, 256, 'jpeg']);
  });

  it('wraps around seamlessly: the left and right columns meet like neighbouring columns', () => {
    let edge = 0;
    let inner = 0;
    for (let y = 0; y < HEIGHT; y++) {
      edge += distance(pixel(base, 0, y), pixel(base, WIDTH - 1, y));
      inner += distance(pixel(base, WIDTH / 4, y), pixel(base, WIDTH / 4 + 1, y));
    }
    expect(edge / HEIGHT).toBeLessThan(Math.max(6, (inner / HEIGHT) * 2));
  });

  it('joins the floor to every wall without a seam line along the cube edge', () => {
    // The floor/wall edge runs at pitch −atan(cos(yaw − nearest wall yaw)); a seam shows as a line of pixels
    // unlike both the row above and the row below (the drawn baseboard is several pixels tall).
    let lines = 0;
    for (let x = 0; x < WIDTH; x += 3) {
      const yaw = ((x + 0.5) / WIDTH) * 360 - 180;
      const off = ((((yaw + 45) % 90) + 90) % 90) - 45;
      const pitch = (-Math.atan(Math.cos((off * Math.PI) / 180)) * 180) / Math.PI;
      const y = Math.floor(((90 - pitch) / 180) * HEIGHT);
      for (let dy = -2; dy <= 2; dy++) {
        const mid = pixel(base, x, y + dy);
        const above = pixel(base, x, y + dy - 1);
        const below = pixel(base, x, y + dy + 1);
        if (distance(mid, above) > 40 && distance(mid, below) > 40 && distance(above, below) < 30) lines++;
      }
    }
    expect(lines).toBe(0);
  });

  it('runs the carpet from the front wall to the back wall, not into the side walls', () => {
    const accent = hex(resolvePalette('bearings').accent);
    const floorColour = (yaw: number): [number, number, number] => pixel(base, ...at(yaw, -50));
    expect(distance(floorColour(0), accent)).toBeLessThan(45);
    expect(distance(floorColour(179), accent)).toBeLessThan(45);
    expect(distance(floorColour(90), accent)).toBeGreaterThan(100);
    expect(distance(floorColour(-90), accent)).toBeGreaterThan(100);
  });

  it('puts the firm-name board on the back wall and leaves the same spot on the front wall plain', () => {
    const palette = resolvePalette('bearings');
    const accentShare = (yawFrom: number, yawTo: number): number => {
      let hits = 0;
      let total = 0;
      for (let yaw = yawFrom; yaw <= yawTo; yaw += 1) {
        for (let pitch = 5; pitch <= 18; pitch += 1) {
          const [x, y] = at(yaw, pitch);
          total++;
          if (distance(pixel(base, x, y), hex(palette.accent)) < 60) hits++;
        }
      }
      return hits / total;
    };
    expect(accentShare(150, 179) + accentShare(-179, -150)).toBeGreaterThan(0.8);
    expect(accentShare(-15, 15)).toBeLessThan(0.2);
  });
});
