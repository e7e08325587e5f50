import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveEncoding } from './build.ts';
import { DEFAULT_SETTINGS, pyramidId } from './settings.ts';
import { faceWorkerUrl } from './worker-pool.ts';

describe('tile encoding settings', () => {
  it('uses the measured overview quality only with the default WebP quality', () => {
    expect(resolveEncoding()).toEqual(DEFAULT_SETTINGS.encoding);
    expect(resolveEncoding({ quality: 80 })).toMatchObject({ quality: 80, overviewQuality: 80 });
    expect(resolveEncoding({ format: 'jpeg' })).toMatchObject({ format: 'jpeg', overviewQuality: DEFAULT_SETTINGS.encoding.quality });
    expect(resolveEncoding({ quality: 80, overviewQuality: 60 })).toMatchObject({ quality: 80, overviewQuality: 60 });
  });

  it('gives a pyramid built with another overview quality another content address', () => {
    const a = pyramidId('abc', { tileSize: 512, encoding: resolveEncoding() });
    const b = pyramidId('abc', { tileSize: 512, encoding: resolveEncoding({ overviewQuality: 70 }) });
    expect(a).not.toBe(b);
  });
});

describe('face worker location', () => {
  it('is found beside the pool, and from a bundled chunk of the built server', () => {
    expect(existsSync(faceWorkerUrl())).toBe(true);
    const root = join(import.meta.dirname, '..', '..');
    const chunk = pathToFileURL(join(root, 'dist', 'server', 'chunks', 'runtime_x.mjs')).href;
    expect(faceWorkerUrl(chunk).href).toBe(pathToFileURL(join(root, 'api', 'panorama', 'face-worker.ts')).href);
  });
});
