import type { PanoramaManifest } from '../manifest.ts';

/** Manifests are immutable (content-addressed), so one fetch per URL per page is enough. */
const cache = new Map<string, Promise<PanoramaManifest>>();

/** Fetch (once) and cache a manifest by absolute URL. */
export function loadManifest(url: string): Promise<PanoramaManifest> {
  let pending = cache.get(url);
  if (!pending) {
    pending = fetch(url, { credentials: 'same-origin' }).then((r) => {
      if (!r.ok) throw new Error(`HTTP ${r.status} for ${url}`);
      return r.json() as Promise<PanoramaManifest>;
    });
    // A failed fetch must not poison the cache for a retry.
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}

/** Warm the HTTP cache with a linked scene's manifest and preview so walking there shows it at once. */
export function preloadScene(url: string): void {
  loadManifest(url)
    .then((m) => {
      const image = new Image();
      image.src = new URL(m.preview.url, url).href;
    })
    .catch(() => {});
}
