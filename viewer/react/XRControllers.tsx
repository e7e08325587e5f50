import { useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { BufferGeometry, Float32BufferAttribute, Line, LineBasicMaterial, Quaternion, Vector3, type XRTargetRaySpace } from 'three';
import { directionToYawPitch } from '../geometry/cube.ts';
import type { Hotspot } from '../types.ts';
import { pickHotspot } from '../view/pick.ts';
import { DEG } from '../view/types.ts';

/** Generous in VR: controller rays shake more than a mouse. */
const XR_PICK_ANGLE = 4 * DEG;

/**
 * WebXR controllers (and screen/gaze transient inputs, which three exposes the same way) with a visible ray;
 * `select` picks the hotspot nearest the ray by angle. Uses three's renderer.xr directly.
 */
export function XRControllers({ hotspots, onSelect }: { hotspots: readonly Hotspot[]; onSelect: (h: Hotspot) => void }) {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const latest = useRef({ hotspots, onSelect });
  latest.current = { hotspots, onSelect };

  useEffect(() => {
    gl.xr.enabled = true;
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new Float32BufferAttribute([0, 0, 0, 0, 0, -4], 3));
    const material = new LineBasicMaterial({ color: 0xffffff, transparent: true, opacity: 0.7, depthTest: false });
    const quaternion = new Quaternion();
    const direction = new Vector3();
    const controllers: { space: XRTargetRaySpace; line: Line; onSelect: () => void }[] = [];
    for (let i = 0; i < 2; i++) {
      const space = gl.xr.getController(i);
      const line = new Line(geometry, material);
      line.renderOrder = 200;
      space.add(line);
      const select = () => {
        space.getWorldQuaternion(quaternion);
        direction.set(0, 0, -1).applyQuaternion(quaternion);
        const { yaw, pitch } = directionToYawPitch(direction.x, direction.y, direction.z);
        const hit = pickHotspot(
          latest.current.hotspots.map((h) => ({ h, yaw: h.yaw * DEG, pitch: h.pitch * DEG })),
          { yaw, pitch },
          XR_PICK_ANGLE,
        );
        if (hit) latest.current.onSelect(hit.h);
      };
      space.addEventListener('select', select);
      scene.add(space);
      controllers.push({ space, line, onSelect: select });
    }
    return () => {
      for (const c of controllers) {
        c.space.removeEventListener('select', c.onSelect);
        c.space.remove(c.line);
        scene.remove(c.space);
      }
      geometry.dispose();
      material.dispose();
    };
  }, [gl, scene]);

  return null;
}
