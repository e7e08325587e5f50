/**
 * The hall page's viewer start-up, in the order a visitor on a slow phone benefits from:
 * 1. the SSR poster (LCP) loads with the page, with a "enter the 3D hall" button over it; nothing heavy runs while
 *    the page itself is starting;
 * 2. at the visitor's first touch, wheel, key or focus on the stage — or by itself once the page has stayed quiet
 *    for a few seconds — the starting room's preview cube is painted with raw WebGL (viewer/first-paint, a few KB)
 *    at the view the viewer will open, and the on-screen tiles are downloaded and drawn over it. It can already be
 *    dragged (it redraws at the new view and keeps that view in the URL hash);
 * 3. at the same moment the full viewer (React + three.js, ≈260 KB) is imported; once it draws, it covers the first
 *    paint at the view the visitor turned to, and the first paint is released.
 * Phones without a GPU path (and Lighthouse's software WebGL) thus spend no main-thread time on WebGL while the page
 * loads. The bench (scripts/bench-viewer.ts) runs the same code with `wait: 'now'`.
 */
import type { PanoramaManifest } from '../../viewer/manifest.ts';
import type { HallViewerIslandProps } from '../../viewer/react/HallViewerIsland.tsx';
import { paintPreview, type FirstPaint } from '../../viewer/first-paint/paintPreview.ts';
import { onScreenTiles } from '../../viewer/first-paint/onScreenTiles.ts';
import { DEFAULT_VIEW } from '../../viewer/view/controller.ts';
import { decodeViewHash, encodeViewHash } from '../../viewer/view/hash.ts';
import { clampView, viewLimits, type ViewLimits } from '../../viewer/view/limits.ts';
import { DEG, type View } from '../../viewer/view/types.ts';

/** Fired on the `.stage` when the full viewer has drawn (ViewerLoader.tsx). */
export const VIEWER_LIVE_EVENT = 'hall:viewer-live';
/** How long the loaded page stays untouched before the 3D view starts by itself. */
const QUIET_MOUNT_MS = 4000;
/** What makes the full viewer load at once. */
const INTERACTIONS = ['pointerdown', 'touchstart', 'wheel', 'keydown', 'focusin'] as const;

/** The room and view the island will open (same rules as HallViewerIsland); the page inlines the first room's manifest. */
function firstRoom(props: HallViewerIslandProps): { id: string; manifest?: PanoramaManifest; url: string; view: View } | null {
  const scenes = props.scenes ?? [];
  const link = decodeViewHash(location.hash);
  const id = scenes.some((s) => s.id === link.scene) ? link.scene : (props.initialSceneId ?? scenes[0]?.id);
  const scene = scenes.find((s) => s.id === id);
  if (!scene) return null;
  const entry = link.scene === id ? link.view : undefined;
  const degrees = scene.initialView ?? {};
  const view: View = entry
    ? { ...DEFAULT_VIEW, ...entry }
    : {
        yaw: degrees.yaw !== undefined ? degrees.yaw * DEG : DEFAULT_VIEW.yaw,
        pitch: degrees.pitch !== undefined ? degrees.pitch * DEG : DEFAULT_VIEW.pitch,
        fov: degrees.fov !== undefined ? degrees.fov * DEG : DEFAULT_VIEW.fov,
      };
  return { id: scene.id, manifest: scene.manifest, url: new URL(scene.manifestUrl, location.href).href, view };
}

async function firstPaint(el: HTMLElement): Promise<void> {
  const stage = el.closest<HTMLElement>('.stage');
  const room = firstRoom(JSON.parse(el.dataset.hallViewer ?? '{}') as HallViewerIslandProps);
  if (!stage || !room) return;
  // A deep link to another room: fetch its manifest (immutable, so the viewer gets it from the HTTP cache later).
  const manifest =
    room.manifest ??
    (await fetch(room.url, { credentials: 'same-origin' }).then((r) => (r.ok ? (r.json() as Promise<PanoramaManifest>) : null), () => null));
  if (!manifest || stage.classList.contains('is-live')) return;
  const canvas = document.createElement('canvas');
  canvas.setAttribute('aria-hidden', 'true');
  canvas.style.cssText = 'position:absolute;inset:0;width:100%;height:100%;display:block';
  el.before(canvas);
  const viewport = { width: canvas.clientWidth, height: canvas.clientHeight };
  if (viewport.width === 0 || viewport.height === 0) return canvas.remove();
  const limits = viewLimits(manifest, viewport);
  const view = clampView(room.view, limits);
  const painted = paintPreview(canvas, manifest, room.url, view).then((paint) => {
    if (!paint) canvas.remove();
    else if (window.__hallViewerProbe) window.__hallViewerProbe.firstPixelsAt ??= performance.now();
    return paint;
  });
  // The on-screen tiles load now, while the viewer's JS is still coming, and are drawn over the preview. The
  // viewer later asks for the same URLs and gets them from the HTTP cache (media is immutable).
  const tiles = onScreenTiles(manifest, room.url, view, viewport);
  let drawn = 0;
  for (const { tile, url, bounds } of tiles) {
    void fetch(url, { credentials: 'same-origin' })
      .then((r) => (r.ok ? r.blob() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((blob) => createImageBitmap(blob, { premultiplyAlpha: 'none' }))
      .then(async (bitmap) => {
        const paint = await painted;
        if (!paint || stage.classList.contains('is-live')) return bitmap.close();
        paint.addTile(tile.face, bounds, bitmap);
        if (++drawn === tiles.length && window.__hallViewerProbe) window.__hallViewerProbe.firstPaintTilesAt ??= performance.now();
      })
      .catch(() => undefined);
  }
  const looking = new AbortController();
  void painted.then((paint) => paint && lookAround(stage, paint, view, limits, room.id, looking.signal));
  stage.addEventListener(
    VIEWER_LIVE_EVENT,
    () => {
      looking.abort();
      void painted.then((paint) => (paint?.dispose(), canvas.remove()));
    },
    { once: true },
  );
}

/**
 * Dragging the first paint turns it; the view goes into the URL hash, where the full viewer picks it up when it
 * mounts, so the hand-over keeps the visitor's view.
 */
function lookAround(stage: HTMLElement, paint: FirstPaint, start: View, limits: ViewLimits, sceneId: string, signal: AbortSignal): void {
  let view = start;
  let from: { x: number; y: number } | null = null;
  let frame = 0;
  const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void) =>
    stage.addEventListener(type, fn, { signal, passive: true });
  on('pointerdown', (e) => (from = { x: e.clientX, y: e.clientY }));
  on('pointerup', () => (from = null));
  on('pointercancel', () => (from = null));
  on('pointermove', (e) => {
    if (!from) return;
    const radiansPerPixel = view.fov / Math.max(1, stage.clientHeight);
    view = clampView({ ...view, yaw: view.yaw - (e.clientX - from.x) * radiansPerPixel, pitch: view.pitch + (e.clientY - from.y) * radiansPerPixel }, limits);
    from = { x: e.clientX, y: e.clientY };
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      paint.setView(view);
      history.replaceState(history.state, '', encodeViewHash({ scene: sceneId, view }));
    });
  });
}

/**
 * Paint first and mount the viewers: on the hall page at the first interaction with a stage or after a quiet
 * spell once the page has loaded; at once in the bench.
 */
export function bootHallViewers(wait: 'load-idle' | 'now'): void {
  const elements = [...document.querySelectorAll<HTMLElement>('[data-hall-viewer]')];
  const stages = [...new Set(elements.map((el) => el.closest<HTMLElement>('.stage') ?? el))];
  let begun = false;
  /** Marks the stage with what started the 3D view (the visitor, the quiet timer, or the page), for tests and tools. */
  const begin = (startedBy: 'visitor' | 'quiet' | 'page') => {
    if (begun) return;
    begun = true;
    for (const stage of stages) {
      stage.classList.add('is-started');
      stage.dataset.startedBy = startedBy;
    }
    for (const el of elements) void firstPaint(el);
    void import('./ViewerLoader.tsx').then((m) => m.mountAll());
  };
  const start = () => {
    if (wait === 'now') return begin('page');
    const byVisitor = () => begin('visitor');
    const byQuiet = () => begin('quiet');
    for (const stage of stages) {
      stage.querySelector<HTMLButtonElement>('.stage-start')?.removeAttribute('hidden');
      for (const type of INTERACTIONS) stage.addEventListener(type, byVisitor, { once: true, passive: true });
    }
    setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(byQuiet, { timeout: 2000 }) : byQuiet()), QUIET_MOUNT_MS);
  };
  if (wait === 'now' || document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
}
