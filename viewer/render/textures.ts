import { LinearFilter, MeshBasicMaterial, DoubleSide, SRGBColorSpace, Texture } from 'three';

/**
 * A texture for a decoded image, ready for a single upload: no mipmaps (tiles are drawn near 1:1, and mipmaps cost a
 * third more memory and upload time), no flip (geometry uvs already put row 0 at v = 0; ImageBitmaps ignore flipY).
 */
export function imageTexture(image: ImageBitmap | HTMLImageElement): Texture {
  const texture = new Texture(image);
  texture.colorSpace = SRGBColorSpace;
  texture.flipY = false;
  texture.generateMipmaps = false;
  texture.minFilter = LinearFilter;
  texture.magFilter = LinearFilter;
  texture.needsUpdate = true;
  return texture;
}

/** Unlit, depth-free material: layers are ordered with renderOrder, higher levels painted over lower ones. */
export function panoramaMaterial(map: Texture, opacity = 1): MeshBasicMaterial {
  return new MeshBasicMaterial({
    map,
    side: DoubleSide,
    depthTest: false,
    depthWrite: false,
    transparent: opacity < 1,
    opacity,
    toneMapped: false,
  });
}

/** Fetch and decode an image off the main thread. Rejects with an AbortError when the signal fires. */
export async function fetchBitmap(url: string, signal?: AbortSignal): Promise<ImageBitmap> {
  const response = await fetch(url, { signal, credentials: 'same-origin' });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);
  const blob = await response.blob();
  signal?.throwIfAborted();
  return createImageBitmap(blob, { premultiplyAlpha: 'none' });
}
