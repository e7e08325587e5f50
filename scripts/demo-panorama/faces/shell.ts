import { BASEBOARD_TOP, CORNICE_BOTTOM, VIEW, darken, lighten, mix, type FaceContext } from './context.ts';

/** The bare wall every side face shares: gradient plaster, cornice, baseboard and half a corner pilaster at each edge. */
export function wallShell(ctx: FaceContext): { defs: string; body: string } {
  const { wall, wallShade, ceiling } = ctx.palette;
  const defs = `<linearGradient id="wall" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${lighten(wall, 0.2)}"/><stop offset="0.55" stop-color="${wall}"/><stop offset="1" stop-color="${wallShade}"/></linearGradient>`;
  const body = `<rect width="${VIEW}" height="${VIEW}" fill="url(#wall)"/>` +
    `<rect width="${VIEW}" height="${CORNICE_BOTTOM}" fill="${mix(ceiling, wallShade, 0.3)}"/>` +
    `<rect y="${CORNICE_BOTTOM}" width="${VIEW}" height="6" fill="${darken(wallShade, 0.15)}"/>` +
    `<rect y="${BASEBOARD_TOP}" width="${VIEW}" height="${VIEW - BASEBOARD_TOP}" fill="${darken(wallShade, 0.55)}"/>` +
    `<rect y="${BASEBOARD_TOP}" width="${VIEW}" height="4" fill="${darken(wallShade, 0.35)}"/>` +
    `<rect width="14" height="${VIEW}" fill="${wallShade}"/><rect x="${VIEW - 14}" width="14" height="${VIEW}" fill="${wallShade}"/>` +
    `<rect x="14" width="4" height="${VIEW}" fill="#000" opacity="0.06"/><rect x="${VIEW - 18}" width="4" height="${VIEW}" fill="#000" opacity="0.06"/>`;
  return { defs, body };
}

/**
 * The floor (cube face d: its top edge meets the front wall, s → world +x, t → world +z toward the back).
 * Seeded tile shades; a carpet runner from the front wall to the back wall; a medallion at the nadir.
 */
export function floorFace(ctx: FaceContext): { defs: string; body: string } {
  const { floor, floorLine, accent } = ctx.palette;
  const tiles = 10;
  const step = VIEW / tiles;
  let body = '';
  for (let ty = 0; ty < tiles; ty++) {
    for (let tx = 0; tx < tiles; tx++) {
      const shade = mix(floor, ctx.random() < 0.5 ? '#ffffff' : '#000000', ctx.random() * 0.06);
      body += `<rect x="${tx * step}" y="${ty * step}" width="${step}" height="${step}" fill="${shade}"/>`;
    }
  }
  for (let i = 1; i < tiles; i++) {
    body += `<rect x="${i * step - 1.5}" width="3" height="${VIEW}" fill="${floorLine}"/><rect y="${i * step - 1.5}" width="${VIEW}" height="3" fill="${floorLine}"/>`;
  }
  if (ctx.kind === 'workshop') {
    // Epoxy walkway bordered by yellow safety lines instead of a carpet.
    body += `<rect x="380" width="240" height="${VIEW}" fill="#5f7f6a" opacity="0.55"/><rect x="372" width="12" height="${VIEW}" fill="#f1c40f"/><rect x="616" width="12" height="${VIEW}" fill="#f1c40f"/>`;
  } else {
    body += `<rect x="400" width="200" height="${VIEW}" fill="${darken(accent, 0.1)}"/><rect x="412" width="176" height="${VIEW}" fill="${accent}"/>` +
      `<rect x="424" width="4" height="${VIEW}" fill="${lighten(accent, 0.35)}"/><rect x="572" width="4" height="${VIEW}" fill="${lighten(accent, 0.35)}"/>`;
  }
  body += `<circle cx="500" cy="500" r="110" fill="${darken(accent, 0.2)}"/><circle cx="500" cy="500" r="98" fill="${lighten(accent, 0.15)}"/>` +
    `<circle cx="500" cy="500" r="64" fill="none" stroke="${lighten(accent, 0.6)}" stroke-width="8"/>`;
  // Ambient occlusion where the floor meets the walls; symmetric so adjacent faces agree at their shared edges.
  const defs = `<linearGradient id="ao" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="0.22"/><stop offset="1" stop-color="#000" stop-opacity="0"/></linearGradient>`;
  for (const angle of [0, 90, 180, 270]) body += `<rect width="${VIEW}" height="70" fill="url(#ao)" transform="rotate(${angle} 500 500)"/>`;
  return { defs, body };
}

/** The ceiling (cube face u: its bottom edge meets the front wall): light panels and a central round light. */
export function ceilingFace(ctx: FaceContext): { defs: string; body: string } {
  const { ceiling, light } = ctx.palette;
  const defs = `<radialGradient id="glow"><stop offset="0" stop-color="${light}"/><stop offset="0.6" stop-color="${light}" stop-opacity="0.5"/><stop offset="1" stop-color="${light}" stop-opacity="0"/></radialGradient>` +
    `<linearGradient id="cao" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="0.12"/><stop offset="1" stop-color="#000" stop-opacity="0"/></linearGradient>`;
  let body = `<rect width="${VIEW}" height="${VIEW}" fill="${ceiling}"/>`;
  for (const cy of [200, 500, 800]) {
    for (const cx of [200, 500, 800]) {
      if (cx === 500 && cy === 500) continue;
      body += `<rect x="${cx - 80}" y="${cy - 80}" width="160" height="160" fill="${darken(ceiling, 0.12)}"/><rect x="${cx - 72}" y="${cy - 72}" width="144" height="144" fill="${light}"/>` +
        `<rect x="${cx - 72}" y="${cy - 2}" width="144" height="4" fill="${darken(ceiling, 0.08)}"/><rect x="${cx - 2}" y="${cy - 72}" width="4" height="144" fill="${darken(ceiling, 0.08)}"/>`;
    }
  }
  body += `<circle cx="500" cy="500" r="150" fill="url(#glow)"/><circle cx="500" cy="500" r="90" fill="${darken(ceiling, 0.1)}"/><circle cx="500" cy="500" r="80" fill="${light}"/>`;
  for (const angle of [0, 90, 180, 270]) body += `<rect width="${VIEW}" height="60" fill="url(#cao)" transform="rotate(${angle} 500 500)"/>`;
  return { defs, body };
}
