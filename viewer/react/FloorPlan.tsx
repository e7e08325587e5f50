import { useEffect, useRef, type CSSProperties } from 'react';
import type { ViewDegrees } from '../types.ts';
import type { Strings } from './strings.ts';
import { useStageLayout } from './useStageLayout.ts';

/** A room placed on the hall's floor plan; x and y run 0..1 from the plan's top left. */
export interface FloorPlanScene {
  id: string;
  name: string;
  map: { x: number; y: number };
}

export interface FloorPlanProps {
  scenes: readonly FloorPlanScene[];
  currentId: string;
  /** Heading until the first view change arrives (degrees). */
  initialYaw: number;
  strings: Strings;
  /** Register for view changes; returns the unsubscribe. The cone follows without re-rendering React. */
  subscribe: (listener: (view: ViewDegrees) => void) => () => void;
  onSelect: (sceneId: string) => void;
}

const W = 132;
const H = 100;
const PAD = 10;
const CONE = 30;
/** The plan's size on a compact stage, relative to its regular 132×100 px. */
const COMPACT_SCALE = 0.75;
const boxStyle: CSSProperties = {
  position: 'absolute', top: 8, left: 8, width: W, height: H, background: 'rgba(0,0,0,.55)',
  border: '1px solid rgba(255,255,255,.5)', borderRadius: 8, margin: 0,
};
const markerStyle: CSSProperties = {
  position: 'absolute', width: 16, height: 16, margin: '-8px 0 0 -8px', padding: 0, borderRadius: '50%',
  border: '2px solid #fff', cursor: 'pointer',
};

/** The cone of a view as an SVG path with its apex at the origin, pointing up (yaw 0 = up on the plan). */
function conePath(fovDegrees: number): string {
  const half = (Math.min(fovDegrees, 120) / 2) * (Math.PI / 180);
  const x = CONE * Math.sin(half);
  const y = -CONE * Math.cos(half);
  return `M0 0 L${x.toFixed(1)} ${y.toFixed(1)} A${CONE} ${CONE} 0 0 0 ${(-x).toFixed(1)} ${y.toFixed(1)} Z`;
}

/**
 * A small floor plan: one button per placed room (Tab reaches them, Enter walks there) and a heading cone at the
 * current room. Yaw 0 points up the plan, a fair default while halls carry no compass heading.
 */
export function FloorPlan({ scenes, currentId, initialYaw, strings, subscribe, onSelect }: FloorPlanProps) {
  const cone = useRef<SVGPathElement>(null);
  const { compact, bottomInset } = useStageLayout();
  // On a phone the toolbar needs the top of the stage: the plan sits bottom left, above the hotspot chips, smaller.
  const placement: CSSProperties = compact
    ? { top: 'auto', bottom: 8 + bottomInset, transform: `scale(${COMPACT_SCALE})`, transformOrigin: 'bottom left' }
    : {};
  const current = scenes.find((s) => s.id === currentId);
  const at = (p: { x: number; y: number }) => ({ left: PAD + p.x * (W - 2 * PAD), top: PAD + p.y * (H - 2 * PAD) });

  useEffect(() => {
    if (!current) return;
    const { left, top } = at(current.map);
    return subscribe((view) => {
      const el = cone.current;
      if (!el) return;
      el.setAttribute('transform', `translate(${left} ${top}) rotate(${view.yaw.toFixed(1)})`);
      el.setAttribute('d', conePath(view.fov));
    });
  }, [current, subscribe]);

  return (
    <nav aria-label={strings.floorPlan} style={{ ...boxStyle, ...placement }} data-floor-plan>
      {current && (
        <svg width={W} height={H} aria-hidden="true" style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}>
          <path ref={cone} d={conePath(90)} transform={`translate(${at(current.map).left} ${at(current.map).top}) rotate(${initialYaw.toFixed(1)})`} fill="rgba(22,119,255,.55)" />
        </svg>
      )}
      {scenes.map((s) => {
        const here = s.id === currentId;
        return (
          <button
            key={s.id}
            type="button"
            data-scene-id={s.id}
            aria-label={`${here ? strings.youAreHere : strings.kinds.scene}：${s.name}`}
            aria-current={here ? 'location' : undefined}
            title={s.name}
            onClick={() => !here && onSelect(s.id)}
            style={{ ...markerStyle, ...at(s.map), background: here ? '#1677ff' : 'rgba(255,255,255,.35)' }}
          />
        );
      })}
    </nav>
  );
}
