/**
 * Which Fontsource subset file holds a code point. Fontsource splits Noto Sans SC into ~100 WOFF2 files by
 * unicode-range (`unicode.json`: key "[117]" → files/noto-sans-sc-117-wght-normal.woff2, "latin" → …-latin-…).
 */
export interface SubsetRange {
  readonly subset: string;
  readonly from: number;
  readonly to: number;
}

/** Parses `unicode.json` into sorted ranges; later keys never override earlier ones. */
export function parseUnicodeSubsets(json: Record<string, string>): SubsetRange[] {
  const ranges: SubsetRange[] = [];
  for (const [key, list] of Object.entries(json)) {
    const subset = key.replace(/^\[|\]$/g, '');
    for (const part of list.split(',')) {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      if (!from) continue;
      const lo = parseInt(from, 16);
      ranges.push({ subset, from: lo, to: to ? parseInt(to, 16) : lo });
    }
  }
  return ranges.sort((a, b) => a.from - b.from);
}

/** The subset holding codePoint, or undefined when the font has no glyph for it. */
export function subsetFor(ranges: readonly SubsetRange[], codePoint: number): string | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const range = ranges[mid]!;
    if (codePoint < range.from) hi = mid - 1;
    else if (codePoint > range.to) lo = mid + 1;
    else return range.subset;
  }
  return undefined;
}
