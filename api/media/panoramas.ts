import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PanoramaManifest } from '../../viewer/manifest.ts';
import type { DbLike } from '../db/client.ts';
import { enterprisePanoramas, panoramas, type Panorama } from '../db/schema/index.ts';
import { buildPanorama, type BuildProgress } from '../panorama/index.ts';

/** Folder of all panorama pyramids inside the media directory; each pyramid is `<id>/`. */
export function panoramaRoot(mediaDir: string): string {
  return join(mediaDir, 'panoramas');
}

/**
 * Turns a 360° photo into a published tile pyramid and records it. The same photo twice gives the same
 * pyramid and row, so callers may retry freely.
 */
export async function publishPanorama(
  db: DbLike,
  mediaDir: string,
  sourceFile: string,
  onProgress?: (progress: BuildProgress) => void,
): Promise<Panorama> {
  const { id, manifest } = await buildPanorama({ input: sourceFile, outRoot: panoramaRoot(mediaDir), onProgress });
  const [row] = await db
    .insert(panoramas)
    .values({
      id,
      sourceHash: manifest.sourceHash,
      faceSize: manifest.faceSize,
      placeholder: manifest.placeholder,
      posterFile: manifest.poster.url,
      posterWidth: manifest.poster.width,
      posterHeight: manifest.poster.height,
      bytes: manifest.bytes.total,
    })
    .onConflictDoUpdate({ target: panoramas.id, set: { updatedAt: new Date() } })
    .returning();
  return row!;
}

/** Records that a firm may use a panorama in its hall (idempotent). */
export async function grantPanorama(db: DbLike, enterpriseId: number, panoramaId: string): Promise<void> {
  await db.insert(enterprisePanoramas).values({ enterpriseId, panoramaId }).onConflictDoNothing();
}

// Manifests never change (the folder name is their content address), so a read one is kept.
const manifests = new Map<string, Promise<PanoramaManifest | null>>();

/** A pyramid's manifest from disk, read once per process; null when missing or unreadable. */
export function readPanoramaManifest(mediaDir: string, panoramaId: string): Promise<PanoramaManifest | null> {
  const path = join(panoramaRoot(mediaDir), panoramaId, 'manifest.json');
  let manifest = manifests.get(path);
  if (!manifest) {
    manifest = readFile(path, 'utf8').then((text) => JSON.parse(text) as PanoramaManifest, () => null);
    manifest.then((m) => m === null && manifests.delete(path));
    if (manifests.size >= 1_000) manifests.delete(manifests.keys().next().value!);
    manifests.set(path, manifest);
  }
  return manifest;
}
