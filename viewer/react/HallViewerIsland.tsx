import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Hotspot, ViewDegrees } from '../types.ts';
import { HotspotDialog } from './HotspotDialog.tsx';
import { PanoramaViewer } from './PanoramaViewer.tsx';
import { ShareButton } from './ShareButton.tsx';
import { STRINGS, type Locale } from './strings.ts';
import { readHashLink, useHashView } from './useHashView.ts';
import type { PanoramaManifest } from '../manifest.ts';
import type { TiledCubeStats } from '../render/TiledCube.ts';
import { loadManifest, preloadScene } from './manifestLoader.ts';
import { FloorPlan, type FloorPlanScene } from './FloorPlan.tsx';
import { viewerProbe } from './viewerProbe.ts';

/** One room of a hall, as the page passes it (JSON only). */
export interface HallScene {
  id: string;
  name: string;
  manifestUrl: string;
  initialView?: Partial<ViewDegrees>;
  hotspots?: Hotspot[];
  /** The manifest itself, inlined by the page for the first room: saves a round trip before the first pixels. */
  manifest?: PanoramaManifest;
  /** Position on the hall's floor plan (0..1); the plan shows when at least two rooms have one. */
  map?: { x: number; y: number } | null;
}

/** Props of the Astro island: serializable, no functions. */
export interface HallViewerIslandProps {
  /** Shorthand for a one-scene hall. */
  manifestUrl?: string;
  scenes?: HallScene[];
  initialSceneId?: string;
  title?: string;
  locale?: Locale;
  /** Server-sent events announcing edits of this hall (event `change`); with scenesUrl the viewer updates live. */
  liveUrl?: string;
  /** JSON `{ scenes: HallScene[] }` to refetch after a change. */
  scenesUrl?: string;
  /** Not for Astro props (a function): the page's loader uses it to drop the SSR poster once the panorama shows. */
  onFirstPixels?: () => void;
}

/** Detail of the `hall:hotspot` CustomEvent dispatched on window. Call preventDefault() to handle it yourself. */
export interface HallHotspotEventDetail {
  hotspot: Hotspot;
  sceneId: string;
}

/**
 * The hall page's island: scenes, deep links in the hash, a share button, and hotspots announced to the page as a
 * cancelable `hall:hotspot` event on window. Scene links switch scenes unless cancelled; other kinds open a small
 * dialog unless cancelled (the page usually cancels and shows its own SSR content).
 */
export function HallViewerIsland({
  manifestUrl,
  scenes: sceneList,
  initialSceneId,
  title,
  locale = 'zh-CN',
  liveUrl,
  scenesUrl,
  onFirstPixels,
}: HallViewerIslandProps) {
  const strings = STRINGS[locale];
  const fromProps = useMemo<HallScene[]>(
    () => sceneList ?? (manifestUrl ? [{ id: 'main', name: title ?? strings.viewer, manifestUrl, hotspots: [] }] : []),
    [sceneList, manifestUrl, title, strings],
  );
  const liveScenes = useLiveScenes(liveUrl, scenesUrl);
  const scenes = liveScenes ?? fromProps;
  const [start] = useState(() => {
    const link = readHashLink();
    const id = scenes.some((s) => s.id === link.scene) ? link.scene! : (initialSceneId ?? scenes[0]?.id ?? '');
    return { id, view: link.scene === id ? link.view : undefined };
  });
  const [request, setRequest] = useState<{ sceneId: string; entryView?: Partial<ViewDegrees> }>({ sceneId: start.id, entryView: start.view });
  const [shown, setShown] = useState<{ scene: HallScene; manifest: PanoramaManifest; url: string; entryView?: Partial<ViewDegrees> } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [goTo, setGoTo] = useState<Partial<ViewDegrees> | undefined>(undefined);
  const [dialog, setDialog] = useState<Hotspot | null>(null);
  const views = useViewChannel();
  // The hash follows the view once the visitor has touched the viewer: a page just opened (or clamping its view)
  // keeps its plain URL and history entry.
  const engaged = useRef(false);
  const engage = () => void (engaged.current = true);
  // Floor plan positions come with the page; live scene lists may not carry them, so keep the page's.
  const planScenes = useMemo<FloorPlanScene[]>(() => {
    const placed = new Map(fromProps.flatMap((s) => (s.map ? [[s.id, s.map] as const] : [])));
    return scenes.flatMap((s) => {
      const map = s.map ?? placed.get(s.id);
      return map ? [{ id: s.id, name: s.name, map }] : [];
    });
  }, [fromProps, scenes]);

  // Load the requested scene; keep showing the previous one until its manifest arrives so the canvas survives.
  // Reload only when the requested room or its photo changes, not when a hotspot or a name is edited.
  const requested = scenes.find((s) => s.id === request.sceneId) ?? scenes[0];
  useEffect(() => {
    const scene = requested;
    if (!scene) return;
    let live = true;
    const url = new URL(scene.manifestUrl, location.href).href;
    (scene.manifest ? Promise.resolve(scene.manifest) : loadManifest(url)).then(
      (manifest) => {
        if (!live) return;
        setError(null);
        setShown({ scene, manifest, url, entryView: request.entryView ?? scene.initialView });
      },
      (e: Error) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [request, requested?.id, requested?.manifestUrl]);

  const writeHash = useHashView((link) => {
    if (link.scene && link.scene !== shown?.scene.id && scenes.some((s) => s.id === link.scene)) {
      setRequest({ sceneId: link.scene, entryView: link.view });
    } else {
      setGoTo(link.view);
    }
  });

  useEffect(() => {
    if (!shown) return;
    // Preload the rooms this one links to once the current one has had a head start.
    const t = setTimeout(() => {
      for (const h of shown.scene.hotspots ?? []) {
        const target = h.kind === 'scene' ? scenes.find((s) => s.id === h.target) : undefined;
        if (target) preloadScene(new URL(target.manifestUrl, location.href).href);
      }
    }, 1500);
    return () => clearTimeout(t);
  }, [shown, scenes]);

  const sceneId = shown?.scene.id ?? '';
  const probe = viewerProbe();
  if (probe) probe.sceneId = sceneId;
  // Stable: a new onStats identity would rebuild the panorama (it is an effect dependency of the scene).
  const onStats = useMemo(() => (probe ? (stats: TiledCubeStats) => void (probe.stats = stats) : undefined), [probe]);
  const onHotspotActivate = useCallback(
    (hotspot: Hotspot) => {
      const event = new CustomEvent<HallHotspotEventDetail>('hall:hotspot', { detail: { hotspot, sceneId }, cancelable: true });
      if (!window.dispatchEvent(event)) return;
      const target = hotspot.kind === 'scene' ? scenes.find((s) => s.id === hotspot.target) : undefined;
      if (target) {
        setGoTo(undefined);
        setRequest({ sceneId: target.id, entryView: hotspot.targetView });
      } else if (hotspot.kind !== 'scene') {
        setDialog(hotspot);
      }
    },
    [sceneId, scenes],
  );

  if (error && !shown) return <p role="alert">{error.message}</p>;
  if (!shown) return <div aria-busy="true" style={{ width: '100%', height: '100%' }}>{strings.loading}</div>;
  // The latest edit of the room on show (live updates change hotspots and names in place).
  const current = scenes.find((s) => s.id === shown.scene.id) ?? shown.scene;
  return (
    <div style={{ display: 'contents' }} onPointerDownCapture={engage} onKeyDownCapture={engage} onWheelCapture={engage}>
      <PanoramaViewer
        manifest={shown.manifest}
        baseUrl={shown.url}
        initialView={shown.entryView}
        view={goTo}
        hotspots={current.hotspots ?? []}
        label={current.name}
        locale={locale}
        onViewChange={(view) => {
          if (engaged.current) writeHash(sceneId, view);
          views.publish(view);
        }}
        onHotspotActivate={onHotspotActivate}
        onFirstPixels={() => {
          if (probe) {
            probe.viewerPixelsAt ??= performance.now();
            probe.firstPixelsAt ??= probe.viewerPixelsAt;
          }
          onFirstPixels?.();
        }}
        onStats={onStats}
        onRendererReady={probe ? (gl) => (probe.renderer = gl) : undefined}
        toolbar={<ShareButton strings={strings} title={title ?? current.name} />}
        overlay={
          planScenes.length > 1 && planScenes.some((s) => s.id === sceneId) ? (
            <FloorPlan
              scenes={planScenes}
              currentId={sceneId}
              initialYaw={shown.entryView?.yaw ?? 0}
              strings={strings}
              subscribe={views.subscribe}
              onSelect={(id) => {
                setGoTo(undefined);
                setRequest({ sceneId: id });
              }}
            />
          ) : undefined
        }
      />
      <HotspotDialog hotspot={dialog} strings={strings} onClose={() => setDialog(null)} />
    </div>
  );
}

/** Fan-out of view changes to components that follow the view without React re-renders (the floor plan's cone). */
function useViewChannel() {
  const listeners = useRef(new Set<(view: ViewDegrees) => void>());
  const last = useRef<ViewDegrees | null>(null);
  return useMemo(
    () => ({
      publish(view: ViewDegrees) {
        last.current = view;
        for (const l of listeners.current) l(view);
      },
      subscribe(listener: (view: ViewDegrees) => void) {
        listeners.current.add(listener);
        if (last.current) listener(last.current);
        return () => void listeners.current.delete(listener);
      },
    }),
    [],
  );
}

/**
 * The hall's scenes as last announced by the server: null until the first change arrives. EventSource
 * reconnects by itself after network drops; each change refetches the whole (small) scene list.
 */
function useLiveScenes(liveUrl: string | undefined, scenesUrl: string | undefined): HallScene[] | null {
  const [scenes, setScenes] = useState<HallScene[] | null>(null);
  useEffect(() => {
    if (!liveUrl || !scenesUrl || typeof EventSource === 'undefined') return;
    const source = new EventSource(liveUrl);
    let latest = 0;
    const refresh = async () => {
      const ticket = ++latest;
      const res = await fetch(scenesUrl, { cache: 'no-store' }).catch(() => null);
      if (!res?.ok || ticket !== latest) return;
      const body = (await res.json()) as { scenes: HallScene[] };
      if (ticket === latest) setScenes(body.scenes);
    };
    source.addEventListener('change', () => void refresh());
    // Also on every (re)connect: edits saved before the stream opened, or while a phone was offline, are not missed.
    source.addEventListener('open', () => void refresh());
    return () => source.close();
  }, [liveUrl, scenesUrl]);
  return scenes;
}
