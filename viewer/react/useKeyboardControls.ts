import { useEffect, type RefObject } from 'react';
import type { ViewController } from '../view/controller.ts';

/** Fraction of the fov one arrow key press turns. */
const KEY_TURN = 0.08;
const KEY_ZOOM = 0.85;

/**
 * Arrow keys look around, + and - zoom, when the viewer itself has focus (not a button inside it, so Tab/Enter on
 * the hotspot list keep their meaning).
 */
export function useKeyboardControls(ref: RefObject<HTMLElement | null>, controller: ViewController) {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.target !== el || e.altKey || e.ctrlKey || e.metaKey) return;
      const step = controller.view.fov * KEY_TURN;
      const actions: Record<string, () => void> = {
        ArrowLeft: () => controller.rotateBy(-step, 0),
        ArrowRight: () => controller.rotateBy(step, 0),
        ArrowUp: () => controller.rotateBy(0, step),
        ArrowDown: () => controller.rotateBy(0, -step),
        '+': () => controller.zoomBy(KEY_ZOOM),
        '=': () => controller.zoomBy(KEY_ZOOM),
        '-': () => controller.zoomBy(1 / KEY_ZOOM),
        _: () => controller.zoomBy(1 / KEY_ZOOM),
      };
      const action = actions[e.key];
      if (!action) return;
      e.preventDefault();
      controller.interact();
      action();
    };
    el.addEventListener('keydown', onKey);
    return () => el.removeEventListener('keydown', onKey);
  }, [ref, controller]);
}
