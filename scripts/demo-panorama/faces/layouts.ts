import { textToSvg } from '../font/textPath.ts';
import { BASEBOARD_TOP, darken, lighten, type FaceContext } from './context.ts';
import { barChart, counter, displayPanel, machine, plinth, signBoard, textLines } from './fixtures.ts';
import { productIcon } from './products.ts';

/** Front wall (yaw 0, the first view): the scene's title sign over the kind's centrepiece. */
export function frontWall(ctx: FaceContext): string {
  const hanger = `<rect x="330" y="32" width="4" height="90" fill="#7f8790"/><rect x="666" y="32" width="4" height="90" fill="#7f8790"/>`;
  return hanger + signBoard(ctx.sceneTitle, 500, 120, 560, 110, ctx) + centrepiece(ctx);
}

function centrepiece(ctx: FaceContext): string {
  const { palette } = ctx;
  switch (ctx.kind) {
    case 'entrance':
      return screen(250, 290, 500, 290, ctx, '欢迎莅临指导') + counter(300, 400, 200, ctx) +
        textToSvg(ctx.firmName, { x: 500, y: BASEBOARD_TOP - 100, size: 40, weight: 700, anchor: 'middle', maxWidth: 360 }, `fill="${palette.accent}"`);
    case 'products':
      return displayPanel('', 230, 290, 540, 330, ctx, productRow(230, 560, 540, 4, ctx)) +
        plinth(280, 130, 230, ctx) + plinth(500, 150, 270, ctx) + plinth(720, 130, 230, ctx);
    case 'workshop':
      return machine(60, 400, 520, ctx) + machine(540, 400, 520, ctx);
    case 'lab':
      return screen(260, 280, 480, 260, ctx, '研发数据') + barChart(320, 360, 360, 150, ctx) + counter(120, 760, 250, ctx, '#e9eef1') + labGlass(ctx);
    case 'meeting':
      return screen(230, 280, 540, 300, ctx, '招商引资 合作共赢') + meetingTable(ctx);
  }
}

/** Back wall (yaw 180°): the firm's name on a brand band, the hall's tagline, a low display counter. */
export function backWall(ctx: FaceContext): string {
  const { accent, accentText } = ctx.palette;
  const emblem = [...ctx.firmName][0] ?? '企';
  return `<rect x="40" y="212" width="920" height="200" fill="#000" opacity="0.15"/>` +
    `<rect x="30" y="200" width="940" height="200" fill="${accent}"/><rect x="30" y="388" width="940" height="12" fill="${darken(accent, 0.3)}"/>` +
    `<circle cx="120" cy="300" r="62" fill="${accentText}"/>` +
    textToSvg(emblem, { x: 120, y: 326, size: 72, weight: 800, anchor: 'middle' }, `fill="${accent}"`) +
    textToSvg(ctx.firmName, { x: 560, y: 332, size: 92, weight: 700, anchor: 'middle', maxWidth: 740 }, `fill="${accentText}"`) +
    textToSvg('千企在线展馆 · 专精特新 · 创新发展', { x: 500, y: 480, size: 40, weight: 500, anchor: 'middle', tracking: 0.1 }, `fill="${darken(ctx.palette.wallShade, 0.5)}"`) +
    counter(180, 640, 210, ctx) + productIcon(ctx.product, 330, BASEBOARD_TOP - 226, 90, ctx.palette.product) +
    productIcon(ctx.product, 670, BASEBOARD_TOP - 226, 90, ctx.palette.product);
}

/** A side wall (right or left): two display panels titled with zone signs, furnished by kind. */
export function sideWall(ctx: FaceContext, signs: readonly [string, string]): string {
  let out = '';
  for (const [i, sign] of signs.entries()) {
    const x = 90 + i * 440;
    out += signBoard(sign, x + 180, 110, 300, 80, ctx);
    const inner = ctx.kind === 'lab' || ctx.kind === 'meeting' ? barChart(x + 40, 360, 280, 200, ctx)
      : ctx.kind === 'products' || ctx.kind === 'workshop' ? productRow(x, 420, 360, 2, ctx) + textLines(x + 40, 470, 280, 100, ctx)
      : textLines(x + 40, 330, 280, 260, ctx);
    out += displayPanel('', x, 240, 360, 380, ctx, inner);
    if (ctx.kind === 'products') out += plinth(x + 180, 120, 200 + Math.round(ctx.random() * 60), ctx);
    else if (ctx.kind === 'workshop') out += machine(x + 20, 320, 240, ctx);
    else if (ctx.kind === 'entrance') out += plant(x + 180);
    else out += counter(x + 20, 320, 180, ctx);
  }
  return out;
}

function productRow(x: number, baseY: number, width: number, count: number, ctx: FaceContext): string {
  let out = '';
  for (let i = 0; i < count; i++) out += productIcon(ctx.product, x + ((i + 0.5) * width) / count, baseY, Math.min(110, (width / count) * 0.7), ctx.palette.product);
  return out;
}

function screen(x: number, y: number, w: number, h: number, ctx: FaceContext, caption: string): string {
  return `<rect x="${x - 12}" y="${y - 12}" width="${w + 24}" height="${h + 24}" rx="8" fill="#263238"/>` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${darken(ctx.palette.accent, 0.45)}"/>` +
    `<path d="M${x} ${y + h}L${x + w * 0.55} ${y}L${x + w} ${y}L${x + w} ${y + h * 0.3}L${x + w * 0.4} ${y + h}Z" fill="#fff" opacity="0.06"/>` +
    textToSvg(caption, { x: x + w / 2, y: y + h * 0.28, size: h * 0.14, weight: 700, anchor: 'middle', maxWidth: w * 0.85 }, `fill="${lighten(ctx.palette.accent, 0.8)}"`);
}

function plant(cx: number): string {
  return `<ellipse cx="${cx}" cy="${BASEBOARD_TOP + 8}" rx="60" ry="12" fill="#000" opacity="0.18"/>` +
    `<path d="M${cx - 40} ${BASEBOARD_TOP - 120}L${cx + 40} ${BASEBOARD_TOP - 120}L${cx + 30} ${BASEBOARD_TOP}L${cx - 30} ${BASEBOARD_TOP}Z" fill="#8d6e63"/>` +
    [[-40, -190, 50], [30, -210, 55], [0, -260, 60], [-20, -320, 45], [25, -300, 40]].map(([dx, dy, rr]) => `<circle cx="${cx + dx!}" cy="${BASEBOARD_TOP + dy!}" r="${rr}" fill="${dx! > 0 ? '#2e7d32' : '#388e3c'}"/>`).join('');
}

function labGlass(ctx: FaceContext): string {
  const top = BASEBOARD_TOP - 266;
  return [200, 330, 640, 770].map((x, i) => i % 2
    ? `<path d="M${x - 12} ${top - 90}h24v30l30 60h-84l30 -60Z" fill="#e0f2f1" stroke="#80cbc4" stroke-width="3"/><path d="M${x - 38} ${top - 20}h76l8 20h-92Z" fill="${ctx.palette.product}"/>`
    : `<rect x="${x - 50}" y="${top - 80}" width="100" height="80" rx="6" fill="#cfd8dc"/><rect x="${x - 38}" y="${top - 68}" width="76" height="34" fill="#0b2a3a"/><rect x="${x - 30}" y="${top - 60}" width="${20 + ctx.random() * 40}" height="6" fill="#4dd0e1"/>`,
  ).join('');
}

function meetingTable(ctx: FaceContext): string {
  const chairs = [260, 400, 600, 740].map((x) => `<rect x="${x - 40}" y="${BASEBOARD_TOP - 200}" width="80" height="110" rx="14" fill="${darken(ctx.palette.accent, 0.3)}"/>`).join('');
  return chairs + counter(200, 600, 130, ctx, darken(ctx.palette.fixture, 0.25)) +
    `<rect x="330" y="${BASEBOARD_TOP - 170}" width="50" height="24" fill="#fff"/><rect x="620" y="${BASEBOARD_TOP - 170}" width="50" height="24" fill="#fff"/>`;
}
