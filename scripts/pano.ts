/**
 * npm run pano -- <input> --out <dir> [--format webp|jpeg|avif] [--quality N] [--overview-quality N] [--lossless]
 * Builds a cube tile pyramid from an equirectangular photo and prints where it went.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../api/lib/errors.ts';
import { buildPanorama } from '../api/panorama/index.ts';
import type { TileEncoding } from '../api/panorama/index.ts';

const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      format: { type: 'string' },
      quality: { type: 'string' },
      'overview-quality': { type: 'string' },
      lossless: { type: 'boolean' },
    },
  });
  const input = positionals[0];
  if (!input || !values.out) throw new Error('usage: npm run pano -- <input> --out <dir> [--format webp|jpeg|avif] [--quality N] [--overview-quality N] [--lossless]');
  const encoding: Partial<TileEncoding> = {};
  if (values.format) {
    if (!['webp', 'jpeg', 'avif'].includes(values.format)) throw new Error(`unknown format ${values.format}`);
    encoding.format = values.format as TileEncoding['format'];
  }
  if (values.quality) encoding.quality = Number(values.quality);
  if (values['overview-quality']) encoding.overviewQuality = Number(values['overview-quality']);
  if (values.lossless) encoding.lossless = true;

  const started = performance.now();
  const { id, dir, manifest, reused } = await buildPanorama({ input, outRoot: values.out, encoding });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const s = manifest.source;
  console.log(`id   ${id}`);
  console.log(`dir  ${dir}`);
  console.log(
    `${reused ? 'already built' : `built in ${seconds} s`}: ${s.width}×${s.height} ${s.format}` +
      (s.fullWidth !== s.width || s.fullHeight !== s.height ? ` (placed in ${s.fullWidth}×${s.fullHeight} sphere)` : '') +
      ` → faces ${manifest.faceSize} px, levels ${manifest.levels.map((l) => l.faceSize).join('/')}, ` +
      `${manifest.levels.reduce((n, l) => n + 6 * l.tiles * l.tiles, 0)} ${manifest.format} tiles, ` +
      `tiles ${kib(manifest.bytes.tiles)}, preview ${kib(manifest.preview.bytes)}, poster ${kib(manifest.poster.bytes)}, ` +
      `placeholder ${manifest.placeholder.length} chars`,
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof AppError) console.error(`error [${error.code}]: ${error.messageZh} / ${error.messageEn}`);
  else console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
