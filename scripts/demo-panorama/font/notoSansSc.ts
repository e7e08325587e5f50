/**
 * Glyph outlines from Noto Sans SC (OFL-1.1), read from the WOFF2 subsets that @fontsource-variable/noto-sans-sc
 * ships, so signage renders identically on machines without CJK system fonts.
 *
 * The font is variable (wght 100–900, default 100). fontkitten decodes WOFF2 but skips gvar for WOFF2 glyphs, so
 * the weight is applied here: the decoded points of a glyph plus four phantom points go through the font's own
 * GlyphVariationProcessor. This leans on fontkitten internals (pinned by the lockfile; covered by font tests).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create } from 'fontkitten';
import { contoursToSvgPath, type OutlinePoint } from './glyphOutline.ts';
import { parseUnicodeSubsets, subsetFor, type SubsetRange } from './unicodeSubsets.ts';

export interface GlyphShape {
  /** SVG path data in font units (1000 per em), origin on the baseline, y down. */
  readonly d: string;
  readonly advance: number;
}

interface DecodedGlyph {
  numberOfContours: number;
  points?: (OutlinePoint & { copy(): OutlinePoint })[];
  components?: { glyphID: number; dx: number; dy: number }[];
}

// fontkitten's internals, typed only as far as used here.
interface VariableFont {
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
  getGlyph(id: number): { advanceWidth: number };
  _getBaseGlyph(id: number): unknown;
  _transformedGlyphs?: DecodedGlyph[];
  _variationProcessor: { transformPoints(gid: number, points: OutlinePoint[]): void } | null;
  stream: { constructor: new (buffer: Uint8Array) => unknown };
  constructor: new (stream: unknown, coords: number[]) => VariableFont;
}

const packageDir = dirname(createRequire(import.meta.url).resolve('@fontsource-variable/noto-sans-sc/unicode.json'));
let ranges: SubsetRange[] | undefined;
const fonts = new Map<string, VariableFont>();
const glyphs = new Map<string, GlyphShape | null>();

function fontFor(subset: string, weight: number): VariableFont {
  const key = `${subset}@${weight}`;
  let font = fonts.get(key);
  if (!font) {
    const bytes = readFileSync(join(packageDir, 'files', `noto-sans-sc-${subset}-wght-normal.woff2`));
    const base = create(bytes) as unknown as VariableFont;
    const Stream = base.stream.constructor;
    font = new base.constructor(new Stream(bytes), [weight]);
    fonts.set(key, font);
  }
  return font;
}

function outline(font: VariableFont, gid: number, advance: number, depth = 0): string {
  font._getBaseGlyph(gid);
  const glyph = font._transformedGlyphs?.[gid];
  if (!glyph || depth > 4) return '';
  const processor = font._variationProcessor;
  if (glyph.numberOfContours > 0 && glyph.points) {
    const Point = glyph.points[0]!.constructor as new (on: boolean, end: boolean, x: number, y: number) => OutlinePoint;
    const points = glyph.points.map((p) => p.copy());
    for (const x of [0, advance, 0, 0]) points.push(new Point(false, true, x, 0));
    processor?.transformPoints(gid, points);
    return contoursToSvgPath(points.slice(0, glyph.points.length));
  }
  let d = '';
  for (const component of glyph.components ?? []) {
    // Component offsets vary with weight too; CJK composites are rare and close enough without that.
    d += outline(font, component.glyphID, advance, depth + 1).replace(/(-?[\d.]+) (-?[\d.]+)/g, (_, x, y) =>
      `${Math.round((Number(x) + component.dx) * 10) / 10} ${Math.round((Number(y) - component.dy) * 10) / 10}`,
    );
  }
  return d;
}

/** The outline of one character at a weight (100–900), or null when Noto Sans SC lacks it. */
export function glyphShape(char: string, weight: number): GlyphShape | null {
  const key = `${char}@${weight}`;
  const cached = glyphs.get(key);
  if (cached !== undefined) return cached;
  ranges ??= parseUnicodeSubsets(JSON.parse(readFileSync(join(packageDir, 'unicode.json'), 'utf8')));
  const codePoint = char.codePointAt(0) ?? 0;
  const subset = subsetFor(ranges, codePoint);
  let shape: GlyphShape | null = null;
  if (subset) {
    const font = fontFor(subset, weight);
    const glyph = font.glyphForCodePoint(codePoint);
    if (glyph.id !== 0) {
      const advance = glyph.advanceWidth;
      shape = { d: outline(font, glyph.id, advance), advance };
    }
  }
  glyphs.set(key, shape);
  return shape;
}
