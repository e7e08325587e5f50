import type { HotspotKind } from '../types.ts';

/** Colour and glyph per kind: distinguishable without colour (the glyph) and legible on any photo (the ring). */
export const HOTSPOT_STYLE: Record<HotspotKind, { color: string; glyph: string }> = {
  scene: { color: '#1677ff', glyph: '➜' },
  product: { color: '#fa8c16', glyph: '◆' },
  job: { color: '#52c41a', glyph: '✚' },
  project: { color: '#eb2f96', glyph: '★' },
  info: { color: '#13c2c2', glyph: 'i' },
  media: { color: '#722ed1', glyph: '▶' },
};

/** On-screen size of the hotspot icon, CSS px. Also the click radius used for picking. */
export const HOTSPOT_ICON_PX = 36;
