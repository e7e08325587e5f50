import { textToSvg } from '../font/textPath.ts';
import { productIcon } from './products.ts';
import { BASEBOARD_TOP, darken, lighten, type FaceContext } from './context.ts';

/** A brand-coloured sign board with centred text and a drop shadow on the wall. */
export function signBoard(text: string, cx: number, y: number, width: number, height: number, ctx: FaceContext, size = height * 0.56): string {
  const x = cx - width / 2;
  const { accent, accentText } = ctx.palette;
  return `<rect x="${x + 6}" y="${y + 8}" width="${width}" height="${height}" rx="6" fill="#000" opacity="0.16"/>` +
    `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="6" fill="${accent}"/>` +
    `<rect x="${x}" y="${y + height - 6}" width="${width}" height="6" fill="${darken(accent, 0.25)}"/>` +
    textToSvg(text, { x: cx, y: y + height / 2 + size * 0.36, size, weight: 700, anchor: 'middle', maxWidth: width * 0.9 }, `fill="${accentText}"`);
}

/** A framed display panel with a title strip (blank when title is ''); `content` is drawn inside (x, y, w, h) by the caller. */
export function displayPanel(title: string, x: number, y: number, w: number, h: number, ctx: FaceContext, content: string): string {
  const { fixture, accent } = ctx.palette;
  return `<rect x="${x + 8}" y="${y + 10}" width="${w}" height="${h}" fill="#000" opacity="0.14"/>` +
    `<rect x="${x - 6}" y="${y - 6}" width="${w + 12}" height="${h + 12}" fill="${darken(fixture, 0.35)}"/>` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fixture}"/>` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h * 0.16}" fill="${accent}"/>` +
    (title === '' ? '' : textToSvg(title, { x: x + w / 2, y: y + h * 0.118, size: h * 0.095, weight: 700, anchor: 'middle', maxWidth: w * 0.9 }, `fill="${ctx.palette.accentText}"`)) +
    content;
}

/** Grey text lines, as a brochure panel's body copy reads from a distance. */
export function textLines(x: number, y: number, w: number, h: number, ctx: FaceContext): string {
  let out = '';
  for (let ly = y; ly < y + h - 10; ly += 26) {
    const len = ly === y ? 0.55 : 0.7 + ctx.random() * 0.3;
    out += `<rect x="${x}" y="${ly}" width="${Math.round(w * len)}" height="9" rx="4" fill="#9aa1a9"/>`;
  }
  return out;
}

/** A bar chart, for R&D and results panels. */
export function barChart(x: number, y: number, w: number, h: number, ctx: FaceContext): string {
  let out = `<line x1="${x}" y1="${y + h}" x2="${x + w}" y2="${y + h}" stroke="#7f8790" stroke-width="3"/>`;
  const bars = 6;
  for (let i = 0; i < bars; i++) {
    const bh = h * (0.3 + 0.1 * i + ctx.random() * 0.15);
    out += `<rect x="${x + (i + 0.2) * (w / bars)}" y="${y + h - bh}" width="${(w / bars) * 0.6}" height="${bh}" fill="${i === bars - 1 ? ctx.palette.accent : lighten(ctx.palette.accent, 0.45)}"/>`;
  }
  return out;
}

/** A plinth standing on the floor against the wall, with its top drawn as a lighter slab and a product on it. */
export function plinth(cx: number, width: number, height: number, ctx: FaceContext): string {
  const top = BASEBOARD_TOP - height;
  const x = cx - width / 2;
  const { fixture } = ctx.palette;
  return `<ellipse cx="${cx}" cy="${BASEBOARD_TOP + 10}" rx="${width * 0.62}" ry="14" fill="#000" opacity="0.18"/>` +
    `<rect x="${x}" y="${top}" width="${width}" height="${height + 20}" fill="${darken(fixture, 0.08)}"/>` +
    `<path d="M${x - 10} ${top}L${x + width + 10} ${top}L${x + width} ${top + 14}L${x} ${top + 14}Z" fill="${lighten(fixture, 0.4)}"/>` +
    `<rect x="${x}" y="${top + 14}" width="${width}" height="5" fill="${darken(fixture, 0.2)}"/>` +
    `<rect x="${x + width * 0.8}" y="${top + 14}" width="${width * 0.2}" height="${height + 6}" fill="#000" opacity="0.06"/>` +
    productIcon(ctx.product, cx, top + 2, width * 0.78, ctx.palette.product);
}

/** A production machine cabinet with a window, a control screen and a warning stripe. */
export function machine(x: number, width: number, height: number, ctx: FaceContext): string {
  const top = BASEBOARD_TOP - height;
  const body = ctx.palette.fixture === '#ffffff' ? '#dfe4e8' : lighten(ctx.palette.fixture, 0.1);
  const stripes = [...Array(Math.floor(width / 24)).keys()].map((i) => `<path d="M${x + i * 24} ${BASEBOARD_TOP}l12 -16h12l-12 16Z" fill="#222"/>`).join('');
  return `<rect x="${x + 10}" y="${top + 12}" width="${width}" height="${height}" fill="#000" opacity="0.15"/>` +
    `<rect x="${x}" y="${top}" width="${width}" height="${height}" rx="8" fill="${body}" stroke="#8a939c" stroke-width="3"/>` +
    `<rect x="${x}" y="${top}" width="${width}" height="22" rx="8" fill="${ctx.palette.accent}"/>` +
    `<rect x="${x + width * 0.08}" y="${top + 50}" width="${width * 0.55}" height="${height * 0.45}" rx="6" fill="#37474f" stroke="#90a4ae" stroke-width="4"/>` +
    `<rect x="${x + width * 0.12}" y="${top + 60}" width="${width * 0.12}" height="${height * 0.45 - 20}" fill="#fff" opacity="0.15"/>` +
    productIcon(ctx.product, x + width * 0.355, top + 40 + height * 0.45, width * 0.25, ctx.palette.product) +
    `<rect x="${x + width * 0.72}" y="${top + 56}" width="${width * 0.2}" height="${width * 0.14}" fill="#0b2a3a"/>` +
    `<rect x="${x + width * 0.74}" y="${top + 64}" width="${width * 0.12}" height="6" fill="#4dd0e1"/>` +
    `<circle cx="${x + width * 0.78}" cy="${top + 80 + width * 0.14}" r="9" fill="#2ecc71"/><circle cx="${x + width * 0.86}" cy="${top + 80 + width * 0.14}" r="9" fill="#e74c3c"/>` +
    `<rect x="${x}" y="${BASEBOARD_TOP - 16}" width="${width}" height="16" fill="#f1c40f"/>${stripes}`;
}

/** A counter or bench along the wall's foot: worktop slab over a cabinet front. */
export function counter(x: number, width: number, height: number, ctx: FaceContext, front = darken(ctx.palette.fixture, 0.06)): string {
  const top = BASEBOARD_TOP - height;
  return `<rect x="${x + 8}" y="${top + 10}" width="${width}" height="${height}" fill="#000" opacity="0.12"/>` +
    `<rect x="${x}" y="${top}" width="${width}" height="${height + 20}" fill="${front}"/>` +
    `<path d="M${x - 14} ${top - 16}L${x + width + 14} ${top - 16}L${x + width} ${top}L${x} ${top}Z" fill="${lighten(ctx.palette.fixture, 0.5)}"/>` +
    `<rect x="${x}" y="${top}" width="${width}" height="8" fill="${ctx.palette.accent}"/>`;
}
