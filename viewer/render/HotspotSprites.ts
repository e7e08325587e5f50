import { CanvasTexture, Group, LinearFilter, SRGBColorSpace, Sprite, SpriteMaterial } from 'three';
import { yawPitchToDirection } from '../geometry/cube.ts';
import type { Hotspot } from '../types.ts';
import { DEG } from '../view/types.ts';
import { HOTSPOT_ICON_PX, HOTSPOT_STYLE } from './hotspotStyle.ts';

const SCALE = 2; // canvas pixels per CSS pixel, so icons stay crisp on phones
const LABEL_H = 22;
const MAX_LABEL_W = 180;
const RADIUS = 5; // inside the panorama cube (half-size 10), so hotspots are never hidden behind it

/** Draw icon + label into a canvas; the icon centre is the hotspot's anchor. */
function drawHotspot(h: Hotspot, highlighted: boolean): { canvas: HTMLCanvasElement; width: number; height: number } {
  const measure = document.createElement('canvas').getContext('2d')!;
  const font = '600 13px system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif';
  measure.font = font;
  const textW = Math.min(MAX_LABEL_W, Math.ceil(measure.measureText(h.label).width) + 16);
  const width = Math.max(HOTSPOT_ICON_PX, textW);
  const height = HOTSPOT_ICON_PX + 4 + LABEL_H;
  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(SCALE, SCALE);
  const { color, glyph } = HOTSPOT_STYLE[h.kind];
  const r = HOTSPOT_ICON_PX / 2 - 2;
  ctx.beginPath();
  ctx.arc(width / 2, HOTSPOT_ICON_PX / 2, r, 0, Math.PI * 2);
  ctx.fillStyle = color;
  ctx.fill();
  ctx.lineWidth = highlighted ? 4 : 2.5;
  ctx.strokeStyle = '#fff';
  ctx.stroke();
  ctx.fillStyle = '#fff';
  ctx.font = `700 ${Math.round(r)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(glyph, width / 2, HOTSPOT_ICON_PX / 2 + 1);
  const top = HOTSPOT_ICON_PX + 4;
  ctx.fillStyle = 'rgba(0,0,0,0.62)';
  ctx.beginPath();
  ctx.roundRect((width - textW) / 2, top, textW, LABEL_H, LABEL_H / 2);
  ctx.fill();
  ctx.fillStyle = '#fff';
  ctx.font = font;
  ctx.fillText(h.label, width / 2, top + LABEL_H / 2 + 1, MAX_LABEL_W - 12);
  return { canvas, width, height };
}

interface Entry {
  sprite: Sprite;
  material: SpriteMaterial;
  texture: CanvasTexture;
  width: number;
  height: number;
}

/**
 * Hotspots as sprites in the 3D scene, so they exist in VR and never lag the panorama (no DOM re-positioning).
 * Constant screen size: sizeAttenuation = false makes size independent of distance; `fit` rescales for the fov.
 */
export class HotspotSprites {
  readonly group = new Group();
  #entries = new Map<string, Entry>();

  /** Replace all sprites; `highlighted` draws one with a thicker ring (keyboard focus). */
  set(hotspots: readonly Hotspot[], highlighted: string | null): void {
    this.clear();
    for (const h of hotspots) {
      const { canvas, width, height } = drawHotspot(h, h.id === highlighted);
      const texture = new CanvasTexture(canvas);
      texture.colorSpace = SRGBColorSpace;
      texture.generateMipmaps = false;
      texture.minFilter = LinearFilter;
      const material = new SpriteMaterial({ map: texture, sizeAttenuation: false, depthTest: false, depthWrite: false, toneMapped: false });
      const sprite = new Sprite(material);
      const d = yawPitchToDirection(h.yaw * DEG, h.pitch * DEG);
      sprite.position.set(d[0] * RADIUS, d[1] * RADIUS, d[2] * RADIUS);
      // Anchor at the icon centre, not the canvas centre.
      sprite.center.set(0.5, 1 - HOTSPOT_ICON_PX / 2 / height);
      sprite.renderOrder = 100;
      sprite.name = h.id;
      this.group.add(sprite);
      this.#entries.set(h.id, { sprite, material, texture, width, height });
    }
  }

  /**
   * Size sprites for a perspective camera: with sizeAttenuation off, a sprite of scale k spans k / tan(fov/2) of the
   * viewport's half-height, so k = px · 2·tan(fov/2) / viewportHeight gives px CSS pixels at every zoom.
   */
  fit(fovRadians: number, viewportHeight: number): void {
    const k = (2 * Math.tan(fovRadians / 2)) / Math.max(1, viewportHeight);
    for (const e of this.#entries.values()) e.sprite.scale.set(e.width * k, e.height * k, 1);
  }

  clear(): void {
    for (const e of this.#entries.values()) {
      this.group.remove(e.sprite);
      e.material.dispose();
      e.texture.dispose();
    }
    this.#entries.clear();
  }
}
