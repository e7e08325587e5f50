import type { ProductShape } from '../palettes.ts';
import { darken, lighten } from './context.ts';

/** An industry's product, standing on (cx, baseY), about `size` wide. Simple shading gives it volume. */
export function productIcon(shape: ProductShape, cx: number, baseY: number, size: number, color: string): string {
  const s = size / 100;
  const hi = lighten(color, 0.35);
  const lo = darken(color, 0.3);
  const g = (body: string): string => `<g transform="translate(${cx} ${baseY}) scale(${s})">${body}</g>`;
  switch (shape) {
    case 'bearing':
      return g(`<circle cx="0" cy="-50" r="48" fill="${lo}"/><circle cx="0" cy="-50" r="42" fill="${hi}"/><circle cx="0" cy="-50" r="30" fill="${lo}"/>` +
        [0, 1, 2, 3, 4, 5, 6, 7].map((i) => `<circle cx="${r(36 * Math.cos(i * 0.785))}" cy="${r(-50 + 36 * Math.sin(i * 0.785))}" r="6" fill="#e8ecef"/>`).join('') +
        `<circle cx="0" cy="-50" r="22" fill="${color}"/><circle cx="0" cy="-50" r="14" fill="#2b2f33"/>`);
    case 'pipe':
      return g([-30, 0, 30].map((x) => `<rect x="${x - 13}" y="-100" width="26" height="100" fill="${color}"/><rect x="${x - 13}" y="-100" width="8" height="100" fill="${hi}"/><ellipse cx="${x}" cy="-100" rx="13" ry="5" fill="${lo}"/>`).join(''));
    case 'ingot':
      return g(`<path d="M-50 0L-40 -22L40 -22L50 0Z" fill="${color}"/><path d="M-40 -22L-30 -40L30 -40L40 -22Z" fill="${hi}"/><path d="M-44 -40L-36 -60L36 -60L44 -40Z" fill="${color}"/><path d="M-36 -60L-28 -74L28 -74L36 -60Z" fill="${hi}"/>`);
    case 'giftBox':
      return g(`<rect x="-45" y="-70" width="90" height="70" fill="${color}"/><rect x="-45" y="-78" width="90" height="12" fill="${lo}"/><rect x="-6" y="-78" width="12" height="78" fill="#d4a017"/><circle cx="0" cy="-38" r="16" fill="#d4a017"/>`);
    case 'gear': {
      const teeth = [...Array(10).keys()].map((i) => `<rect x="-8" y="-98" width="16" height="20" fill="${color}" transform="rotate(${i * 36} 0 -50)"/>`).join('');
      return g(`${teeth}<circle cx="0" cy="-50" r="38" fill="${color}"/><circle cx="0" cy="-50" r="30" fill="${hi}"/><circle cx="0" cy="-50" r="12" fill="${lo}"/>`);
    }
    case 'coil':
      return g(`<ellipse cx="0" cy="-50" rx="50" ry="50" fill="${lo}"/>` + [44, 36, 28, 20].map((rr, i) => `<circle cx="0" cy="-50" r="${rr}" fill="none" stroke="${i % 2 ? hi : color}" stroke-width="7"/>`).join('') + `<circle cx="0" cy="-50" r="10" fill="#6d4c41"/>`);
    case 'produce':
      return g(`<path d="M-50 0L-44 -40L44 -40L50 0Z" fill="#a0784f"/>` + [[-26, -48, '#e74c3c'], [0, -54, color], [26, -48, '#f39c12'], [-12, -66, color], [14, -66, '#e74c3c']].map(([x, y, c]) => `<circle cx="${x}" cy="${y}" r="15" fill="${c}"/>`).join(''));
    case 'roll':
      return g(`<rect x="-40" y="-90" width="80" height="90" fill="${color}"/><ellipse cx="0" cy="-90" rx="40" ry="12" fill="${lighten(color, 0.5)}"/><ellipse cx="0" cy="-90" rx="10" ry="3" fill="#8d6e63"/><rect x="-40" y="-90" width="12" height="90" fill="${darken(color, 0.08)}"/>`);
    case 'bolt':
      return g([[-28, '#c0392b'], [0, '#2980b9'], [28, '#f1c40f']].map(([x, c]) => `<rect x="${Number(x) - 14}" y="-96" width="28" height="96" rx="6" fill="${c}"/><rect x="${Number(x) - 14}" y="-96" width="7" height="96" fill="${lighten(String(c), 0.3)}"/>`).join(''));
    case 'barrel':
      return g(`<rect x="-34" y="-92" width="68" height="92" rx="6" fill="${color}"/><rect x="-34" y="-66" width="68" height="6" fill="${lo}"/><rect x="-34" y="-30" width="68" height="6" fill="${lo}"/><rect x="-26" y="-92" width="10" height="92" fill="${hi}"/><ellipse cx="0" cy="-92" rx="34" ry="8" fill="${hi}"/>`);
    case 'hexTile':
      return g([[-26, -30], [26, -30], [0, -75]].map(([x, y]) => `<polygon points="${hex(x!, y!, 27)}" fill="${color}" stroke="${lighten(color, 0.5)}" stroke-width="4"/>`).join(''));
    case 'vial':
      return g([-30, 0, 30].map((x) => `<rect x="${x - 10}" y="-80" width="20" height="80" rx="8" fill="#eaf6f8" stroke="#9fb8bd" stroke-width="3"/><rect x="${x - 8}" y="-45" width="16" height="43" rx="6" fill="${color}"/><rect x="${x - 11}" y="-92" width="22" height="14" fill="${lo}"/>`).join(''));
  }
}

const r = (v: number): number => Math.round(v * 10) / 10;
const hex = (cx: number, cy: number, rad: number): string =>
  [0, 1, 2, 3, 4, 5].map((i) => `${r(cx + rad * Math.cos((i * Math.PI) / 3 + Math.PI / 6))},${r(cy + rad * Math.sin((i * Math.PI) / 3 + Math.PI / 6))}`).join(' ');
