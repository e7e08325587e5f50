import { useEffect, useMemo, useRef, useState } from 'react';
import type { PanoramaManifest } from '../../../viewer/manifest.ts';
import { PanoramaViewer } from '../../../viewer/react/PanoramaViewer.tsx';
import { loadManifest } from '../../../viewer/react/manifestLoader.ts';
import type { Hotspot, ViewDegrees } from '../../../viewer/types.ts';
import type { SceneRow } from '../types.ts';

export interface EditorStageProps {
  scene: SceneRow;
  hotspots: Hotspot[];
  locale: 'zh-CN' | 'en';
  hint: string | null;
  /** A "go to" view (e.g. turn toward the selected hotspot). */
  view?: Partial<ViewDegrees> | undefined;
  onPlace: (at: { yaw: number; pitch: number }) => void;
  onMoveHotspot: (hotspot: Hotspot, at: { yaw: number; pitch: number }) => Promise<boolean>;
  onViewChange: (view: ViewDegrees) => void;
}

/** The same viewer as the public hall, in editor mode: a click reports the yaw/pitch under the pointer,
 * and a hotspot dragged with the pointer reports where it was dropped. */
export function EditorStage({ scene, hotspots, locale, hint, view, onPlace, onMoveHotspot, onViewChange }: EditorStageProps) {
  const url = useMemo(() => (scene.panorama ? new URL(scene.panorama.manifestUrl, location.href).href : null), [scene.panorama]);
  // The room on show: until the next room's manifest arrives, the previous one stays, with its own name and view.
  const [loaded, setLoaded] = useState<{ url: string; manifest: PanoramaManifest; title: string; initialView: ViewDegrees } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(scene);
  latest.current = scene;

  useEffect(() => {
    if (!url) return;
    let live = true;
    loadManifest(url).then(
      (manifest) => live && setLoaded({ url, manifest, title: latest.current.title, initialView: latest.current.initialView }),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [url]);

  if (error) return <div className="editor-stage"><p className="empty" role="alert">{error}</p></div>;
  if (!loaded) return <div className="editor-stage" aria-busy="true" />;
  const current = loaded.url === url;
  return (
    <div className="editor-stage" data-testid="editor-stage">
      {hint && <p className="stage-hint" role="status">{hint}</p>}
      <PanoramaViewer
        manifest={loaded.manifest}
        baseUrl={loaded.url}
        initialView={current ? scene.initialView : loaded.initialView}
        view={view}
        hotspots={current ? hotspots : []}
        editable
        onPlace={onPlace}
        onMoveHotspot={onMoveHotspot}
        onViewChange={onViewChange}
        locale={locale}
        label={current ? scene.title : loaded.title}
      />
    </div>
  );
}
