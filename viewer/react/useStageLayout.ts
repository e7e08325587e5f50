import { createContext, useContext, useEffect, useState, type RefObject } from 'react';

/** How the viewer's overlays share a stage: on a narrow one (a phone) they stack instead of sitting side by side. */
export interface StageLayout {
  /** Narrower than COMPACT_BELOW CSS px: smaller buttons, the floor plan moves to the bottom left. */
  compact: boolean;
  /** Space the hotspot chips take along the bottom edge (0 when there are none). */
  bottomInset: number;
}

/** Below this stage width the toolbar and the floor plan no longer fit side by side at the top. */
export const COMPACT_BELOW = 600;
/** Height of the hotspot chip row (8 px padding, 30 px chip, 8 px padding). */
export const HOTSPOT_ROW_HEIGHT = 46;

export const StageLayoutContext = createContext<StageLayout>({ compact: false, bottomInset: 0 });

/** The layout overlays should follow, from the nearest viewer stage. */
export function useStageLayout(): StageLayout {
  return useContext(StageLayoutContext);
}

/** Whether the element is narrower than COMPACT_BELOW, kept current as it resizes (rotation, fullscreen). */
export function useCompactStage(element: RefObject<HTMLElement | null>): boolean {
  const [compact, setCompact] = useState(false);
  useEffect(() => {
    const el = element.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setCompact(el.clientWidth < COMPACT_BELOW));
    observer.observe(el);
    setCompact(el.clientWidth < COMPACT_BELOW);
    return () => observer.disconnect();
  }, [element]);
  return compact;
}
