import type { CSSProperties } from 'react';
import type { Hotspot } from '../types.ts';
import { HOTSPOT_STYLE } from '../render/hotspotStyle.ts';
import type { Strings } from './strings.ts';

export interface HotspotListProps {
  hotspots: readonly Hotspot[];
  strings: Strings;
  onFocusHotspot: (h: Hotspot | null) => void;
  onActivate: (h: Hotspot) => void;
}

const listStyle: CSSProperties = {
  position: 'absolute', left: 0, right: 0, bottom: 0, margin: 0, padding: '8px', listStyle: 'none',
  display: 'flex', gap: '6px', overflowX: 'auto', background: 'linear-gradient(transparent, rgba(0,0,0,.45))',
};
const buttonStyle: CSSProperties = {
  font: '13px system-ui, sans-serif', color: '#fff', background: 'rgba(0,0,0,.55)', border: '1px solid rgba(255,255,255,.5)',
  borderRadius: '16px', padding: '5px 10px', whiteSpace: 'nowrap', cursor: 'pointer',
};

/**
 * The accessible mirror of the 3D hotspots: a labelled list of real buttons, reachable with Tab, opened with Enter
 * or Space, usable by a screen reader without the canvas. Focusing one turns the view toward it.
 */
export function HotspotList({ hotspots, strings, onFocusHotspot, onActivate }: HotspotListProps) {
  if (hotspots.length === 0) return null;
  return (
    <nav aria-label={strings.hotspots}>
      <ul style={listStyle}>
        {hotspots.map((h) => (
          <li key={h.id}>
            <button
              type="button"
              style={{ ...buttonStyle, borderColor: HOTSPOT_STYLE[h.kind].color }}
              data-hotspot-id={h.id}
              aria-description={h.description}
              onFocus={() => onFocusHotspot(h)}
              onBlur={() => onFocusHotspot(null)}
              onClick={() => onActivate(h)}
            >
              <span aria-hidden="true">{HOTSPOT_STYLE[h.kind].glyph} </span>
              <span>{strings.kinds[h.kind]}：</span>
              {h.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
