import { Group, Mesh, type BufferGeometry, type MeshBasicMaterial, type Texture, type WebGLRenderer } from 'three';
import { CUBE_FACES } from '../geometry/cube.ts';
import type { PanoramaManifest } from '../manifest.ts';
import { LruBudget } from '../tiles/cache.ts';
import { tileBounds, tileGpuBytes, tileKey, tileUrl, type TileId } from '../tiles/grid.ts';
import { levelForView } from '../tiles/level.ts';
import { sortByPriority } from '../tiles/priority.ts';
import { planRequests } from '../tiles/scheduler.ts';
import { visibleTiles } from '../tiles/visibility.ts';
import { pixelsPerRadian } from '../view/projection.ts';
import type { View, Viewport } from '../view/types.ts';
import { equirectSphereGeometry, faceQuadGeometry } from './cubeGeometry.ts';
import { fetchBitmap, imageTexture, panoramaMaterial } from './textures.ts';

export const TEXTURE_BUDGET_BYTES = 192 * 1024 * 1024;
export const MAX_IN_FLIGHT = 6;
const RADIUS = 10;
/** Prefetch ring around the view, as a fraction of the half-extent, so small drags find their tiles loaded. */
const PREFETCH_MARGIN = 0.1;

interface Layer {
  mesh: Mesh<BufferGeometry, MeshBasicMaterial>;
  texture: Texture;
  bitmap?: ImageBitmap;
}

interface Decoded {
  tile: TileId;
  bitmap: ImageBitmap;
}

/** Counters for tests and the benchmark. */
export interface TiledCubeStats {
  requested: number;
  aborted: number;
  uploaded: number;
  evicted: number;
  inFlight: number;
  gpuBytes: number;
  level: number;
  previewReady: boolean;
  /** Every tile on screen at the level the view needs is uploaded (the prefetch ring may still be loading). */
  onScreenComplete: boolean;
}

/**
 * The GPU side of one panorama: placeholder sphere → preview cube → tiles, each tile its own texture on a sub-quad
 * (uploading a 512² tile is cheap; redrawing a per-face canvas would re-upload the whole face on every tile).
 * Call `update` when the view changes, `uploadOne` once per frame, `dispose` on scene change.
 */
export class TiledCube {
  readonly group = new Group();
  readonly stats: TiledCubeStats = { requested: 0, aborted: 0, uploaded: 0, evicted: 0, inFlight: 0, gpuBytes: 0, level: 0, previewReady: false, onScreenComplete: false };
  #manifest: PanoramaManifest;
  #baseUrl: string;
  #invalidate: () => void;
  #lru = new LruBudget<string>(TEXTURE_BUDGET_BYTES);
  #tiles = new Map<string, Layer>();
  #inFlight = new Map<string, AbortController>();
  #ready = new Map<string, Decoded>();
  #wanted: string[] = [];
  #onScreen: string[] = [];
  #base: Layer[] = [];
  /** Placeholder and preview wait here for their upload slot like tiles do, so no frame uploads two textures. */
  #pendingBase: Layer[][] = [];
  #disposed = false;
  #byKey = new Map<string, TileId>();
  #onPreview?: () => void;

  constructor(manifest: PanoramaManifest, baseUrl: string, invalidate: () => void, onPreview?: () => void) {
    this.#manifest = manifest;
    this.#baseUrl = baseUrl;
    this.#invalidate = invalidate;
    this.#onPreview = onPreview;
    this.#loadPlaceholder();
    this.#loadPreview();
  }

  #loadPlaceholder(): void {
    const image = new Image();
    image.onload = () => {
      if (this.#disposed) return;
      const texture = imageTexture(image);
      const mesh = new Mesh(equirectSphereGeometry(RADIUS * 1.5), panoramaMaterial(texture));
      mesh.renderOrder = 0;
      this.#pendingBase.push([{ mesh, texture }]);
      this.#invalidate();
    };
    image.src = this.#manifest.placeholder;
  }

  async #loadPreview(): Promise<void> {
    const controller = new AbortController();
    this.#inFlight.set('preview', controller);
    try {
      const bitmap = await fetchBitmap(new URL(this.#manifest.preview.url, this.#baseUrl).href, controller.signal);
      if (this.#disposed) return bitmap.close();
      const texture = imageTexture(bitmap);
      // One texture for the strip; each face's quad maps its sixth of it.
      const faces = CUBE_FACES.map((face, i): Layer => {
        const geometry = faceQuadGeometry(face, { s0: -1, s1: 1, t0: -1, t1: 1 }, { u0: i / 6, u1: (i + 1) / 6, v0: 0, v1: 1 }, RADIUS);
        const mesh = new Mesh(geometry, panoramaMaterial(texture));
        mesh.renderOrder = 1;
        return { mesh, texture, bitmap: i === 0 ? bitmap : undefined };
      });
      // The preview goes first: it covers the whole sphere, tiles only patches.
      this.#pendingBase.unshift(faces);
      this.#invalidate();
    } catch (error) {
      if (!controller.signal.aborted) console.warn('[viewer] preview failed', error);
    } finally {
      this.#inFlight.delete('preview');
    }
  }

  /** Recompute the wanted tiles for a view and start/abort requests. `dpr` is the device pixel ratio to honour. */
  update(view: View, viewport: Viewport, dpr: number): void {
    if (this.#disposed || viewport.height <= 0) return;
    const { levels, tileSize } = this.#manifest;
    const index = levelForView(levels, pixelsPerRadian(view, viewport) * dpr);
    const level = levels[index];
    if (!level) return;
    this.stats.level = level.index;
    // Skip levels no sharper than the preview: the preview already shows them.
    if (level.faceSize <= this.#manifest.preview.faceSize) {
      this.#wanted = [];
      this.#onScreen = [];
    } else {
      // Tiles on screen first; the prefetch ring around the edges only once every one of them has arrived, so on a
      // slow network the ring never takes bandwidth from what the visitor is looking at.
      const onScreen = sortByPriority(visibleTiles(level, tileSize, view, viewport, 0), levels, tileSize, view);
      let tiles = onScreen;
      this.#onScreen = onScreen.map(tileKey);
      if (onScreen.every((t) => this.#tiles.has(tileKey(t)) || this.#ready.has(tileKey(t)))) {
        const seen = new Set(onScreen.map(tileKey));
        const ring = visibleTiles(level, tileSize, view, viewport, PREFETCH_MARGIN).filter((t) => !seen.has(tileKey(t)));
        tiles = onScreen.concat(sortByPriority(ring, levels, tileSize, view));
      }
      for (const t of tiles) this.#byKey.set(tileKey(t), t);
      this.#wanted = tiles.map(tileKey);
    }
    const plan = planRequests(this.#wanted, new Set([...this.#inFlight.keys()].filter((k) => k !== 'preview')), (k) => this.#tiles.has(k) || this.#ready.has(k), MAX_IN_FLIGHT);
    for (const key of plan.abort) {
      this.#inFlight.get(key)?.abort();
      this.#inFlight.delete(key);
      this.stats.aborted++;
    }
    for (const key of plan.start) this.#request(this.#byKey.get(key)!);
    for (const key of this.#wanted) this.#lru.touch(key);
    this.#checkOnScreen();
    this.stats.inFlight = this.#inFlight.size;
  }

  #request(tile: TileId): void {
    const key = tileKey(tile);
    const controller = new AbortController();
    this.#inFlight.set(key, controller);
    this.stats.requested++;
    fetchBitmap(tileUrl(this.#manifest, this.#baseUrl, tile), controller.signal)
      .then((bitmap) => {
        if (this.#disposed || controller.signal.aborted) return bitmap.close();
        this.#ready.set(key, { tile, bitmap });
        this.#invalidate();
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) console.warn('[viewer] tile failed', key, error);
      })
      .finally(() => {
        if (this.#inFlight.get(key) === controller) this.#inFlight.delete(key);
        this.stats.inFlight = this.#inFlight.size;
        // A slot freed up: let the next frame start another request.
        if (!this.#disposed) this.#invalidate();
      });
  }

  /** True while decoded tiles wait for upload, so the frame loop keeps running until they are on screen. */
  get pending(): boolean {
    return this.#ready.size > 0 || this.#pendingBase.length > 0;
  }

  /** Upload at most one decoded tile (the most wanted) to the GPU: a texture upload blocks the main thread. */
  uploadOne(renderer: WebGLRenderer): boolean {
    const base = this.#pendingBase.shift();
    if (base) {
      renderer.initTexture(base[0]!.texture);
      for (const layer of base) {
        this.#base.push(layer);
        this.group.add(layer.mesh);
      }
      if (base.length === CUBE_FACES.length) {
        this.stats.previewReady = true;
        this.#onPreview?.();
      }
      return true;
    }
    if (this.#ready.size === 0) return false;
    const key = this.#wanted.find((k) => this.#ready.has(k)) ?? this.#ready.keys().next().value!;
    const { tile, bitmap } = this.#ready.get(key)!;
    this.#ready.delete(key);
    const level = this.#manifest.levels.find((l) => l.index === tile.level)!;
    const b = tileBounds(level, this.#manifest.tileSize, tile.x, tile.y);
    const texture = imageTexture(bitmap);
    const mesh = new Mesh(faceQuadGeometry(tile.face, b, { u0: 0, u1: 1, v0: 0, v1: 1 }, RADIUS), panoramaMaterial(texture));
    mesh.renderOrder = 2 + tile.level;
    renderer.initTexture(texture);
    this.group.add(mesh);
    this.#tiles.set(key, { mesh, texture, bitmap });
    this.#lru.add(key, tileGpuBytes(b));
    this.stats.uploaded++;
    for (const old of this.#lru.evict(new Set(this.#wanted))) {
      this.#disposeLayer(this.#tiles.get(old));
      this.#tiles.delete(old);
      this.stats.evicted++;
    }
    this.stats.gpuBytes = this.#lru.bytes;
    this.#checkOnScreen();
    return true;
  }

  #checkOnScreen(): void {
    this.stats.onScreenComplete = this.stats.previewReady && this.#onScreen.every((k) => this.#tiles.has(k));
  }

  #disposeLayer(layer: Layer | undefined): void {
    if (!layer) return;
    this.group.remove(layer.mesh);
    layer.mesh.geometry.dispose();
    layer.mesh.material.dispose();
    layer.texture.dispose();
    layer.bitmap?.close();
  }

  /** Abort every request and free every GPU object this panorama created. */
  dispose(): void {
    this.#disposed = true;
    for (const controller of this.#inFlight.values()) controller.abort();
    this.#inFlight.clear();
    for (const { bitmap } of this.#ready.values()) bitmap.close();
    this.#ready.clear();
    for (const layer of this.#tiles.values()) this.#disposeLayer(layer);
    this.#tiles.clear();
    this.#lru.clear();
    for (const layer of [...this.#base, ...this.#pendingBase.flat()]) this.#disposeLayer(layer);
    this.#base = [];
    this.#pendingBase = [];
  }
}
