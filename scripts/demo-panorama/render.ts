import sharp from 'sharp';
import { CUBE_FACES, type CubeFace } from '../../viewer/geometry/cube.ts';
import { cubeToEquirect, faceSizeFor } from './equirect.ts';
import { showroomFaceSvgs } from './faces/index.ts';
import { INDUSTRY_LOOKS, resolvePalette } from './palettes.ts';
import { createRandom } from './random.ts';
import { DEFAULT_SIGNS, DEFAULT_WIDTH, type ShowroomSpec } from './spec.ts';

/** JPEG quality of the panoramas: they are re-encoded into tiles later, so keep detail. */
const JPEG_QUALITY = 88;

/**
 * Renders a demo showroom as an equirectangular 2:1 JPEG, width × width/2. Deterministic: the same spec
 * gives the same bytes (text is drawn from a bundled font, randomness is seeded from the spec).
 */
export async function renderShowroom(spec: ShowroomSpec): Promise<Buffer> {
  const width = spec.width ?? DEFAULT_WIDTH;
  if (!Number.isInteger(width) || width < 256 || width % 2 !== 0) throw new RangeError(`width must be an even integer ≥ 256, got ${width}`);
  const size = faceSizeFor(width);
  const svgs = showroomFaceSvgs(
    {
      firmName: spec.firmName,
      sceneTitle: spec.sceneTitle,
      kind: spec.kind,
      palette: resolvePalette(spec.industry, spec.palette),
      product: INDUSTRY_LOOKS[spec.industry].product,
      signs: spec.signs?.length ? spec.signs : DEFAULT_SIGNS[spec.kind],
      random: createRandom(`${spec.seed}|${spec.firmName}|${spec.kind}|${spec.sceneTitle}`),
    },
    size,
  );
  const rasters = await Promise.all(CUBE_FACES.map((face) => rasterizeFace(svgs[face])));
  const faces = Object.fromEntries(CUBE_FACES.map((face, i) => [face, rasters[i]!])) as Record<CubeFace, Uint8Array>;
  const pixels = cubeToEquirect({ size, faces }, width);
  return sharp(pixels, { raw: { width, height: width / 2, channels: 3 } }).jpeg({ quality: JPEG_QUALITY }).toBuffer();
}

/** The cube faces of a spec as SVG documents (for debugging and tests). */
export { showroomFaceSvgs };

async function rasterizeFace(svg: string): Promise<Uint8Array> {
  const { data } = await sharp(Buffer.from(svg)).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
