import { createRoot, type ReconcilerRoot, type RootState } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface PanoramaCanvasProps {
  children: ReactNode;
  /** Vertical fov in degrees for the initial camera. */
  fov: number;
  onCreated?: (state: RootState) => void;
}

/**
 * A lean stand-in for R3F's <Canvas>: the same createRoot/configure/render core, but without `extend(THREE)` (which
 * registers every three.js class and defeats tree-shaking, ~60 KB gzip) and without R3F's pointer-event raycasting,
 * which the viewer does not use (picking is done by angle). Children must not use JSX intrinsics like <mesh>;
 * the viewer builds its objects imperatively. React context does not cross into the children.
 */
export function PanoramaCanvas({ children, fov, onCreated }: PanoramaCanvasProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const root = useRef<ReconcilerRoot<HTMLCanvasElement> | null>(null);
  const [size, setSize] = useState<{ width: number; height: number; top: number; left: number } | null>(null);
  const created = useRef(onCreated);
  created.current = onCreated;

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      if (width > 0 && height > 0) setSize({ width, height, top: 0, left: 0 });
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (!size || !canvas.current) return;
    const r = (root.current ??= createRoot(canvas.current));
    r.configure({
      frameloop: 'demand',
      flat: true,
      dpr: [1, 2],
      size,
      gl: { antialias: false, powerPreference: 'high-performance' },
      camera: { fov, near: 0.1, far: 100, position: [0, 0, 0] },
      onCreated: (state) => created.current?.(state),
    })
      .then(() => {
        if (root.current === r) r.render(children);
      })
      .catch((error: unknown) => console.error('[viewer] WebGL setup failed', error));
  });

  // Unmount disposes the renderer and everything R3F owns; our own objects are disposed by their components first.
  useEffect(
    () => () => {
      root.current?.unmount();
      root.current = null;
    },
    [],
  );

  return (
    <div ref={wrap} style={{ position: 'absolute', inset: 0 }}>
      <canvas ref={canvas} style={{ display: 'block', width: '100%', height: '100%' }} />
    </div>
  );
}
