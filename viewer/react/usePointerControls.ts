import { useEffect, useRef, type RefObject } from 'react';
import type { ViewController } from '../view/controller.ts';
import { dragRotation } from '../view/motion.ts';

const TAP_SLOP_PX = 6;
const TAP_MAX_MS = 500;
/** A drag released after resting this long gets no inertia (the finger stopped before lifting). */
const FLING_WINDOW_MS = 80;
const WHEEL_ZOOM = 0.0015;

/** Something a pointer picked up at pointerdown (e.g. a hotspot in the editor), moved instead of the view. */
export interface Grab {
  move: (x: number, y: number) => void;
  /** Released after a real drag (not a tap). */
  drop: (x: number, y: number) => void;
  /** Released as a tap, or the gesture became a pinch: put it back. */
  cancel: () => void;
}

/**
 * Drag to look (with inertia on release), pinch and wheel to zoom, tap to pick. Listeners go on `ref`'s element and
 * are removed on unmount. `onTap` receives element-relative CSS pixels. With `onGrab`, a single pointer that goes
 * down on something grabbable drags that instead of the view.
 */
export function usePointerControls(
  ref: RefObject<HTMLElement | null>,
  controller: ViewController,
  onTap: (x: number, y: number) => void,
  onGrab?: (x: number, y: number) => Grab | null,
) {
  const tapRef = useRef(onTap);
  tapRef.current = onTap;
  const grabRef = useRef(onGrab);
  grabRef.current = onGrab;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const pointers = new Map<number, { x: number; y: number }>();
    let start = { x: 0, y: 0, time: 0, moved: 0 };
    let pinch: { distance: number; fov: number } | null = null;
    let velocity = { yaw: 0, pitch: 0 };
    let lastMove = 0;
    let grab: Grab | null = null;
    const local = (e: PointerEvent) => {
      const box = el.getBoundingClientRect();
      return [e.clientX - box.left, e.clientY - box.top] as const;
    };

    const spread = () => {
      const [a, b] = [...pointers.values()];
      return a && b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
    };

    const onDown = (e: PointerEvent) => {
      if (e.button !== 0 && e.pointerType === 'mouse') return;
      el.setPointerCapture(e.pointerId);
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      controller.interact();
      controller.velocity = { yaw: 0, pitch: 0 };
      velocity = { yaw: 0, pitch: 0 };
      if (pointers.size === 1) {
        start = { x: e.clientX, y: e.clientY, time: performance.now(), moved: 0 };
        grab = grabRef.current?.(...local(e)) ?? null;
      }
      if (pointers.size === 2) {
        grab?.cancel();
        grab = null;
        pinch = { distance: spread(), fov: controller.view.fov };
      }
    };

    const onMove = (e: PointerEvent) => {
      const prev = pointers.get(e.pointerId);
      if (!prev) return;
      const now = performance.now();
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      controller.interact();
      if (pinch && pointers.size >= 2) {
        const d = spread();
        if (d > 0) controller.set({ fov: 2 * Math.atan(Math.tan(pinch.fov / 2) * (pinch.distance / d)) });
        return;
      }
      const dx = e.clientX - prev.x;
      const dy = e.clientY - prev.y;
      start.moved += Math.hypot(dx, dy);
      if (grab) {
        if (start.moved >= TAP_SLOP_PX) grab.move(...local(e));
        return;
      }
      const r = dragRotation(dx, dy, controller.view, el.clientHeight);
      controller.rotateBy(r.yaw, r.pitch);
      const dt = Math.max(1, now - lastMove) / 1000;
      // Smooth the release velocity over the last few events; single events are noisy on touch screens.
      velocity = { yaw: velocity.yaw * 0.5 + (r.yaw / dt) * 0.5, pitch: velocity.pitch * 0.5 + (r.pitch / dt) * 0.5 };
      lastMove = now;
    };

    const onUp = (e: PointerEvent) => {
      if (!pointers.delete(e.pointerId)) return;
      if (pointers.size < 2) pinch = null;
      if (pointers.size > 0) return;
      const now = performance.now();
      const tap = start.moved < TAP_SLOP_PX;
      const held = grab;
      grab = null;
      if (held && !tap && e.type === 'pointerup') return held.drop(...local(e));
      held?.cancel();
      if (tap && now - start.time < TAP_MAX_MS) {
        tapRef.current(...local(e));
      } else if (!held && now - lastMove < FLING_WINDOW_MS) {
        controller.velocity = velocity;
        controller.wake();
      }
    };

    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      controller.interact();
      const lines = e.deltaMode === 1 ? 16 : 1;
      controller.zoomBy(Math.exp(e.deltaY * lines * WHEEL_ZOOM));
    };

    el.addEventListener('pointerdown', onDown);
    el.addEventListener('pointermove', onMove);
    el.addEventListener('pointerup', onUp);
    el.addEventListener('pointercancel', onUp);
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      el.removeEventListener('pointerdown', onDown);
      el.removeEventListener('pointermove', onMove);
      el.removeEventListener('pointerup', onUp);
      el.removeEventListener('pointercancel', onUp);
      el.removeEventListener('wheel', onWheel);
    };
  }, [ref, controller]);
}
