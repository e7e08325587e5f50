import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { WebGLRenderer } from 'three';
import type { PanoramaManifest } from '../manifest.ts';
import { HOTSPOT_ICON_PX } from '../render/hotspotStyle.ts';
import type { TiledCubeStats } from '../render/TiledCube.ts';
import type { Hotspot, ViewDegrees } from '../types.ts';
import { DEFAULT_VIEW, ViewController } from '../view/controller.ts';
import { MAX_FOV } from '../view/limits.ts';
import { pickHotspot } from '../view/pick.ts';
import { pixelsPerRadian, screenToYawPitch } from '../view/projection.ts';
import { DEG, type View } from '../view/types.ts';
import { HotspotList } from './HotspotList.tsx';
import { PanoramaCanvas } from './PanoramaCanvas.tsx';
import { PanoramaScene } from './PanoramaScene.tsx';
import { STRINGS, type Locale } from './strings.ts';
import { useFullscreen } from './useFullscreen.ts';
import { useGyroscope } from './useGyroscope.ts';
import { useKeyboardControls } from './useKeyboardControls.ts';
import { usePointerControls, type Grab } from './usePointerControls.ts';
import { usePrefersReducedMotion } from './usePrefersReducedMotion.ts';
import { useXRSupport } from './useXRSupport.ts';
import { HOTSPOT_ROW_HEIGHT, StageLayoutContext, useCompactStage } from './useStageLayout.ts';
import { ViewerToolbar } from './ViewerToolbar.tsx';
import { viewerProbe } from './viewerProbe.ts';
import { XRControllers } from './XRControllers.tsx';
import { hasWebGL, toDegrees, toRadians } from './viewConversion.ts';

export interface PanoramaViewerProps {
  manifest: PanoramaManifest;
  /** Absolute URL of the manifest; tile and preview URLs resolve against it. */
  baseUrl: string;
  /** View to open each manifest at (degrees). */
  initialView?: Partial<ViewDegrees>;
  /** A "go to" request: applied whenever its value changes (deep links opened while the viewer is live). */
  view?: Partial<ViewDegrees>;
  hotspots?: readonly Hotspot[];
  /** Called on every view change (degrees); keep it cheap, do not store it in React state per frame. */
  onViewChange?: (view: ViewDegrees) => void;
  /** A hotspot was opened by click, tap, Enter or VR controller. Scene links arrive after the turn-and-fade. */
  onHotspotActivate?: (hotspot: Hotspot) => void;
  /** Editor mode: taps report a position for a new hotspot instead of opening hotspots. */
  editable?: boolean;
  onPlace?: (at: { yaw: number; pitch: number }) => void;
  /**
   * Editor mode: a hotspot was dragged to a new place (degrees). It stays there until the next `hotspots` arrive,
   * or goes back at once if this resolves to false (the move was refused).
   */
  onMoveHotspot?: (hotspot: Hotspot, at: { yaw: number; pitch: number }) => void | Promise<boolean>;
  /** Rotate slowly when idle (never under prefers-reduced-motion). Default true. */
  autorotate?: boolean;
  locale?: Locale;
  /** Accessible name of the viewer, e.g. the scene's name. */
  label?: string;
  /** Extra toolbar buttons (e.g. share). */
  toolbar?: ReactNode;
  /** Extra overlay inside the viewer (stays in fullscreen), e.g. the floor plan. */
  overlay?: ReactNode;
  /** The first panorama pixels (the preview cube) are on screen: a page can now drop its poster. */
  onFirstPixels?: () => void;
  onStats?: (stats: TiledCubeStats) => void;
  /** The three.js renderer once created (tests and benchmarks read renderer.info). */
  onRendererReady?: (renderer: WebGLRenderer) => void;
  className?: string;
  style?: CSSProperties;
}

const TURN_SECONDS = 0.6;
const FADE_MS = 300;
const fill: CSSProperties = { position: 'absolute', inset: 0 };

/** A multiresolution cube panorama with hotspots, controls, accessible mirror, transitions and WebXR. */
export function PanoramaViewer(props: PanoramaViewerProps) {
  const { manifest, baseUrl, hotspots: given = [], editable = false, locale = 'zh-CN', autorotate = true } = props;
  const strings = STRINGS[locale];
  const container = useRef<HTMLDivElement>(null);
  const surface = useRef<HTMLDivElement>(null);
  const renderer = useRef<WebGLRenderer | null>(null);
  const reducedMotion = usePrefersReducedMotion();
  const [webgl] = useState(hasWebGL);
  const [highlighted, setHighlighted] = useState<string | null>(null);
  const [fading, setFading] = useState(false);
  const [previewReady, setPreviewReady] = useState(false);
  // A hotspot being dragged in the editor shows where the pointer is until the parent's next hotspot list arrives.
  const [dragged, setDragged] = useState<{ id: string; yaw: number; pitch: number } | null>(null);
  useEffect(() => setDragged(null), [given]);
  const hotspots = useMemo(
    () => (dragged ? given.map((h) => (h.id === dragged.id ? { ...h, yaw: dragged.yaw, pitch: dragged.pitch } : h)) : given),
    [given, dragged],
  );
  const latest = useRef(props);
  latest.current = props;

  const [controller] = useState(
    () => new ViewController(toRadians(props.initialView, DEFAULT_VIEW), { minFov: 1 * DEG, maxFov: MAX_FOV, minPitch: -Math.PI / 2, maxPitch: Math.PI / 2 }),
  );
  controller.autorotate = autorotate && !reducedMotion && !editable;

  // A new manifest is a new scene: open it at its initial view and fade back in once its preview is up.
  useEffect(() => {
    setPreviewReady(false);
    controller.velocity = { yaw: 0, pitch: 0 };
    controller.set(toRadians(latest.current.initialView, DEFAULT_VIEW));
  }, [controller, manifest.id]);
  const viewKey = JSON.stringify(props.view ?? null);
  useEffect(() => {
    if (latest.current.view) controller.set(toRadians(latest.current.view, controller.view));
  }, [controller, viewKey]);
  useEffect(() => {
    const probe = viewerProbe();
    if (probe) probe.view = toDegrees(controller.view);
    return controller.subscribe((v: View) => {
      const view = toDegrees(v);
      if (probe) probe.view = view;
      latest.current.onViewChange?.(view);
    });
  }, [controller]);
  useEffect(() => {
    if (!previewReady) return;
    setFading(false);
    latest.current.onFirstPixels?.();
  }, [previewReady]);

  const activate = useCallback(
    async (h: Hotspot) => {
      controller.interact();
      if (h.kind === 'scene' && !reducedMotion) {
        await controller.animateTo({ yaw: h.yaw * DEG, pitch: h.pitch * DEG, fov: controller.view.fov * 0.7 }, TURN_SECONDS);
        setFading(true);
        await new Promise((r) => setTimeout(r, FADE_MS));
        // If the parent does not switch scenes, do not leave the viewer black.
        setTimeout(() => setFading(false), 2000);
      }
      latest.current.onHotspotActivate?.(h);
    },
    [controller, reducedMotion],
  );

  /** The view direction under element pixel (x, y), and the hotspot drawn there, if any. */
  const pointAt = useCallback(
    (x: number, y: number) => {
      const el = surface.current!;
      const viewport = { width: el.clientWidth, height: el.clientHeight };
      const at = screenToYawPitch({ x, y }, controller.view, viewport);
      const reach = (HOTSPOT_ICON_PX / 2 + 6) / pixelsPerRadian(controller.view, viewport);
      const hit = pickHotspot(hotspots.map((h) => ({ h, yaw: h.yaw * DEG, pitch: h.pitch * DEG })), at, reach);
      return { yaw: at.yaw / DEG, pitch: at.pitch / DEG, hotspot: hit?.h };
    },
    [controller, hotspots],
  );

  const onTap = useCallback(
    (x: number, y: number) => {
      const { yaw, pitch, hotspot } = pointAt(x, y);
      if (editable) return latest.current.onPlace?.({ yaw, pitch });
      if (hotspot) void activate(hotspot);
    },
    [pointAt, editable, activate],
  );

  const onGrab = useCallback(
    (x: number, y: number): Grab | null => {
      const { hotspot } = pointAt(x, y);
      if (!editable || !hotspot || !latest.current.onMoveHotspot) return null;
      return {
        move: (mx, my) => {
          const { yaw, pitch } = pointAt(mx, my);
          setDragged({ id: hotspot.id, yaw, pitch });
        },
        drop: (dx, dy) => {
          const { yaw, pitch } = pointAt(dx, dy);
          setDragged({ id: hotspot.id, yaw, pitch });
          void Promise.resolve(latest.current.onMoveHotspot?.(hotspot, { yaw, pitch })).then((ok) => ok === false && setDragged(null));
        },
        cancel: () => setDragged(null),
      };
    },
    [pointAt, editable],
  );

  usePointerControls(surface, controller, onTap, onGrab);
  // In the editor the pointer shows what a press would do: move a hotspot, or place one.
  useEffect(() => {
    const el = surface.current;
    if (!el || !editable) return;
    const onHover = (e: PointerEvent) => {
      if (e.buttons !== 0) return;
      const box = el.getBoundingClientRect();
      const movable = !!latest.current.onMoveHotspot && !!pointAt(e.clientX - box.left, e.clientY - box.top).hotspot;
      el.style.cursor = movable ? 'move' : 'crosshair';
    };
    el.addEventListener('pointermove', onHover);
    return () => el.removeEventListener('pointermove', onHover);
  }, [editable, pointAt]);
  useKeyboardControls(container, controller);
  const fullscreen = useFullscreen(container);
  const gyro = useGyroscope(controller);
  const xrSupported = useXRSupport();
  const enterVR = useCallback(async () => {
    const gl = renderer.current;
    if (!gl || !navigator.xr) return;
    const session = await navigator.xr.requestSession('immersive-vr', { optionalFeatures: ['local-floor'] });
    await gl.xr.setSession(session);
  }, []);

  const focusHotspot = useCallback(
    (h: Hotspot | null) => {
      setHighlighted(h?.id ?? null);
      if (h) void controller.animateTo({ yaw: h.yaw * DEG, pitch: h.pitch * DEG }, reducedMotion ? 0 : 0.4);
    },
    [controller, reducedMotion],
  );

  const [initialFov] = useState(() => controller.view.fov / DEG);
  const compact = useCompactStage(container);
  const layout = useMemo(() => ({ compact, bottomInset: hotspots.length > 0 ? HOTSPOT_ROW_HEIGHT : 0 }), [compact, hotspots.length]);

  return (
    <div
      ref={container}
      className={props.className}
      style={{ position: 'relative', overflow: 'hidden', background: '#111', width: '100%', height: '100%', ...props.style }}
      role="application"
      aria-label={props.label ?? strings.viewer}
      aria-roledescription={strings.viewer}
      aria-busy={!previewReady}
      tabIndex={0}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && e.target !== container.current) container.current?.focus();
      }}
    >
      <p style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clipPath: 'inset(50%)' }}>{editable ? strings.placeHint : strings.viewerHelp}</p>
      {webgl ? (
        <div ref={surface} style={{ ...fill, touchAction: 'none', cursor: editable ? 'crosshair' : 'grab' }}>
          <PanoramaCanvas
            fov={initialFov}
            onCreated={({ gl }) => {
              renderer.current = gl;
              latest.current.onRendererReady?.(gl);
            }}
          >
            <PanoramaScene
              manifest={manifest}
              baseUrl={baseUrl}
              controller={controller}
              hotspots={hotspots}
              highlighted={highlighted}
              onPreview={() => setPreviewReady(true)}
              onStats={props.onStats}
            />
            <XRControllers hotspots={hotspots} onSelect={(h) => void activate(h)} />
          </PanoramaCanvas>
        </div>
      ) : (
        <p style={{ ...fill, color: '#fff', padding: 16 }}>{strings.noWebgl}</p>
      )}
      <div aria-hidden="true" style={{ ...fill, background: '#000', pointerEvents: 'none', opacity: fading ? 1 : 0, transition: reducedMotion ? 'none' : `opacity ${FADE_MS}ms` }} />
      <StageLayoutContext.Provider value={layout}>
      {props.overlay}
      <HotspotList hotspots={hotspots} strings={strings} onFocusHotspot={focusHotspot} onActivate={(h) => void activate(h)} />
      <ViewerToolbar
        strings={strings}
        compact={compact}
        onZoom={(f) => {
          controller.interact();
          controller.zoomBy(f);
        }}
        fullscreen={fullscreen}
        gyro={{ ...gyro, toggle: () => void gyro.toggle() }}
        vr={{ supported: xrSupported && webgl, enter: () => void enterVR() }}
      >
        {props.toolbar}
      </ViewerToolbar>
      </StageLayoutContext.Provider>
    </div>
  );
}
