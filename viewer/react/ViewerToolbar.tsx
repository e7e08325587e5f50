import type { CSSProperties, ReactNode } from 'react';
import type { Strings } from './strings.ts';

export interface ViewerToolbarProps {
  strings: Strings;
  onZoom: (factor: number) => void;
  fullscreen: { supported: boolean; active: boolean; toggle: () => void };
  gyro: { supported: boolean; active: boolean; toggle: () => void };
  vr: { supported: boolean; enter: () => void };
  /** A narrow (phone) stage: smaller buttons that wrap into rows at the top right. */
  compact?: boolean;
  children?: ReactNode;
}

// Wraps within the stage (left edge 8 px in) rather than running off it or under the floor plan.
const barStyle: CSSProperties = { position: 'absolute', top: 8, right: 8, left: 8, display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', gap: 6, pointerEvents: 'none' };
const regularButtonStyle: CSSProperties = {
  minWidth: 36, height: 36, font: '14px system-ui, sans-serif', color: '#fff', background: 'rgba(0,0,0,.55)',
  border: '1px solid rgba(255,255,255,.5)', borderRadius: 8, cursor: 'pointer', padding: '0 8px', pointerEvents: 'auto',
};
const compactButtonStyle: CSSProperties = { ...regularButtonStyle, minWidth: 32, height: 32, font: '13px system-ui, sans-serif', padding: '0 7px' };

/** Zoom, gyroscope, fullscreen and VR buttons; each is left out where the browser cannot do it. */
export function ViewerToolbar({ strings, onZoom, fullscreen, gyro, vr, compact = false, children }: ViewerToolbarProps) {
  const buttonStyle = compact ? compactButtonStyle : regularButtonStyle;
  return (
    <div role="toolbar" aria-label={strings.viewer} style={{ ...barStyle, gap: compact ? 4 : 6 }}>
      <button type="button" style={buttonStyle} aria-label={strings.zoomIn} title={strings.zoomIn} onClick={() => onZoom(0.8)}>+</button>
      <button type="button" style={buttonStyle} aria-label={strings.zoomOut} title={strings.zoomOut} onClick={() => onZoom(1.25)}>−</button>
      {gyro.supported && (
        <button type="button" style={buttonStyle} aria-pressed={gyro.active} onClick={gyro.toggle}>
          {gyro.active ? strings.gyroOff : strings.gyro}
        </button>
      )}
      {fullscreen.supported && (
        <button type="button" style={buttonStyle} aria-pressed={fullscreen.active} onClick={fullscreen.toggle}>
          {fullscreen.active ? strings.exitFullscreen : strings.fullscreen}
        </button>
      )}
      {vr.supported && (
        <button type="button" style={buttonStyle} onClick={vr.enter}>
          {strings.vr}
        </button>
      )}
      {children}
    </div>
  );
}
