/**
 * Mounts the hall viewer into `[data-hall-viewer]` elements. Loaded by HallStage's tiny inline script with a dynamic
 * import after the page's `load` event and an idle slot, so React, three.js and the viewer never compete with the
 * SSR poster (the LCP element). The poster stays until the panorama's first pixels are drawn.
 */
import { createRoot, type Root } from 'react-dom/client';
import { HallViewerIsland, type HallViewerIslandProps } from '../../viewer/react/HallViewerIsland.tsx';

/** Class put on the stage once the panorama shows; the stage's CSS reveals the viewer and lets the poster go. */
export const LIVE_CLASS = 'is-live';
/** If the first pixels never come (no WebGL, a failed preview), show the viewer's own fallback after this long. */
const REVEAL_ANYWAY_MS = 12_000;

function hasWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return !!(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** Mount one viewer from its element's `data-hall-viewer` JSON props; the element's closest `.stage` is revealed. */
export function mountHallViewer(el: HTMLElement): Root {
  const props = JSON.parse(el.dataset.hallViewer ?? '{}') as HallViewerIslandProps;
  const stage = el.closest<HTMLElement>('.stage') ?? el;
  const reveal = () => {
    stage.classList.add(LIVE_CLASS);
    stage.dispatchEvent(new Event('hall:viewer-live'));
  };
  if (!hasWebGL()) reveal();
  const timer = setTimeout(reveal, REVEAL_ANYWAY_MS);
  const root = createRoot(el);
  root.render(
    <HallViewerIsland
      {...props}
      onFirstPixels={() => {
        clearTimeout(timer);
        reveal();
      }}
    />,
  );
  return root;
}

/** Mount every viewer on the page that is not mounted yet. */
export function mountAll(): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-hall-viewer]:not([data-mounted])')) {
    el.dataset.mounted = '';
    mountHallViewer(el);
  }
}
