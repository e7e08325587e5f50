import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Vector3, type PerspectiveCamera } from 'three';
import { directionToYawPitch } from '../geometry/cube.ts';
import type { PanoramaManifest } from '../manifest.ts';
import { HotspotSprites } from '../render/HotspotSprites.ts';
import { TiledCube, type TiledCubeStats } from '../render/TiledCube.ts';
import type { Hotspot } from '../types.ts';
import type { ViewController } from '../view/controller.ts';
import { viewLimits } from '../view/limits.ts';
import { DEG } from '../view/types.ts';

export interface PanoramaSceneProps {
  manifest: PanoramaManifest;
  baseUrl: string;
  controller: ViewController;
  hotspots: readonly Hotspot[];
  highlighted: string | null;
  onPreview: () => void;
  /** Receives the live counters of the current panorama (tests, benchmark). */
  onStats?: (stats: TiledCubeStats) => void;
}

/** The longest frame delta honoured: after an idle pause the first frame must not jump the inertia or autorotate. */
const MAX_DT = 1 / 15;
/** A VR eye buffer is roughly this dense; used to choose the tile level while presenting. */
const XR_VIEWPORT = { width: 1600, height: 1600 };
const XR_FOV = 100 * DEG;
const look = new Vector3();

/** Inside <Canvas>: drives the camera from the controller, streams tiles, and draws hotspots. */
export function PanoramaScene({ manifest, baseUrl, controller, hotspots, highlighted, onPreview, onStats }: PanoramaSceneProps) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  const invalidate = useThree((s) => s.invalidate);
  const size = useThree((s) => s.size);
  const dpr = useThree((s) => s.viewport.dpr);
  const previewRef = useRef(onPreview);
  previewRef.current = onPreview;
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Created in an effect (not useMemo) so StrictMode's mount-unmount-mount gets a fresh, undisposed instance.
  const cubeRef = useRef<TiledCube | null>(null);
  useEffect(() => {
    const cube = new TiledCube(manifest, baseUrl, invalidate, () => previewRef.current());
    cubeRef.current = cube;
    scene.add(cube.group);
    onStats?.(cube.stats);
    invalidate();
    return () => {
      scene.remove(cube.group);
      cube.dispose();
      if (cubeRef.current === cube) cubeRef.current = null;
    };
  }, [manifest, baseUrl, invalidate, scene, onStats]);

  const sprites = useMemo(() => new HotspotSprites(), []);
  useEffect(() => {
    scene.add(sprites.group);
    return () => {
      scene.remove(sprites.group);
      sprites.clear();
    };
  }, [sprites, scene]);
  useEffect(() => {
    sprites.set(hotspots, highlighted);
    invalidate();
  }, [sprites, hotspots, highlighted, invalidate]);

  useEffect(() => {
    controller.setLimits(viewLimits(manifest, size));
    invalidate();
  }, [controller, manifest, size, invalidate]);

  useEffect(() => controller.subscribe(() => invalidate()), [controller, invalidate]);
  useEffect(() => () => clearTimeout(idleTimer.current), []);

  useFrame((_, delta) => {
    const cube = cubeRef.current;
    if (!cube) return;
    const moving = controller.step(Math.min(delta, MAX_DT), delta);
    const { view } = controller;
    if (gl.xr.isPresenting) {
      // The headset owns the camera; follow it so the panorama stays centred on the eyes and pick tiles for its gaze.
      const xrCamera = gl.xr.getCamera();
      xrCamera.getWorldPosition(cube.group.position);
      sprites.group.position.copy(cube.group.position);
      xrCamera.getWorldDirection(look);
      const gaze = directionToYawPitch(look.x, look.y, look.z);
      cube.update({ ...gaze, fov: XR_FOV }, XR_VIEWPORT, 1);
      sprites.fit(XR_FOV, 900);
    } else {
      camera.rotation.order = 'YXZ';
      camera.rotation.set(view.pitch, -view.yaw, 0);
      if (Math.abs(camera.fov - view.fov / DEG) > 1e-9) {
        camera.fov = view.fov / DEG;
        camera.updateProjectionMatrix();
      }
      cube.update(view, size, dpr);
      sprites.fit(view.fov, size.height);
    }
    cube.uploadOne(gl);
    if (moving || cube.pending) invalidate();
    else if (Number.isFinite(controller.secondsUntilAutorotate)) {
      // Sleep until autorotate is due instead of rendering idle frames.
      clearTimeout(idleTimer.current);
      idleTimer.current = setTimeout(invalidate, controller.secondsUntilAutorotate * 1000 + 16);
    }
  });

  return null;
}
