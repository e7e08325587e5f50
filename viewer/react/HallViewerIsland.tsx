import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Hotspot, ViewDegrees } from '../types.ts';
import { HotspotDialog } from './HotspotDialog.tsx';
import { PanoramaViewer } from './PanoramaViewer.tsx';
import { ShareButton } from './ShareButton.tsx';
import { STRINGS, type Locale } from './strings.ts';
import { readHashLink, useHashView } from './useHashView.ts';
import type { PanoramaManifest } from '../manifest.ts';
import { loadManifest, preloadScene } from './manifestLoader.ts';

/** One room of a hall, as the page passes it (JSON only). */
export interface HallScene {
  id: string;
  name: string;
  manifestUrl: string;
  initialView?: Partial<ViewDegrees>;
  hotspots?: Hotspot[];
}

/** Props of the Astro island: serializable, no functions. */
export interface HallViewerIslandProps {
  /** Shorthand for a one-scene hall. */
  manifestUrl?: string;
  scenes?: HallScene[];
  initialSceneId?: string;
  title?: string;
  locale?: Locale;
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
export function HallViewerIsland({ manifestUrl, scenes: sceneList, initialSceneId, title, locale = 'zh-CN' }: HallViewerIslandProps) {
  const strings = STRINGS[locale];
  const scenes = useMemo<HallScene[]>(
    () => sceneList ?? (manifestUrl ? [{ id: 'main', name: title ?? strings.viewer, manifestUrl, hotspots: [] }] : []),
    [sceneList, manifestUrl, title, strings],
  );
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

  // Load the requested scene; keep showing the previous one until its manifest arrives so the canvas survives.
  useEffect(() => {
    const scene = scenes.find((s) => s.id === request.sceneId) ?? scenes[0];
    if (!scene) return;
    let live = true;
    const url = new URL(scene.manifestUrl, location.href).href;
    loadManifest(url).then(
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
  }, [request, scenes]);

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
  const current = shown.scene;
  return (
    <>
      <PanoramaViewer
        manifest={shown.manifest}
        baseUrl={shown.url}
        initialView={shown.entryView}
        view={goTo}
        hotspots={current.hotspots ?? []}
        label={current.name}
        locale={locale}
        onViewChange={(view) => writeHash(sceneId, view)}
        onHotspotActivate={onHotspotActivate}
        toolbar={<ShareButton strings={strings} title={title ?? current.name} />}
      />
      <HotspotDialog hotspot={dialog} strings={strings} onClose={() => setDialog(null)} />
    </>
  );
}
