import { COUNTIES, COUNTY_NAMES, type County } from '../domain/program.ts';

/**
 * Schematic positions of the 11 reporting areas on a 4 × 4 grid (column, row), roughly as they lie — north-west
 * 临清 to south-east 东阿, the three zones beside 东昌府. A schematic on purpose: publishing boundary maps needs an
 * approval number (审图号), and the zones have no official boundaries (ADMIN.md).
 */
export const TILE_POSITIONS: Record<County, [number, number]> = {
  linqing: [0, 0],
  gaotang: [2, 0],
  guanxian: [0, 1],
  dongchangfu: [1, 1],
  chiping: [2, 1],
  etdz: [3, 1],
  shenxian: [0, 2],
  jiangbei: [1, 2],
  hitech: [2, 2],
  yanggu: [1, 3],
  donge: [2, 3],
};

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The tile map as HTML: one tile per area with its figure, shaded by the figure's share of the largest (five
 * steps). `values` may hold text (a suppressed "<3"); `href` links each tile (drill-down) when given. Inline styles
 * only (allowed by the CSP), so the same HTML works in pages and in the PDF.
 */
export function tileMapHtml(input: { label: string; values: Partial<Record<County, number | string>>; lang: 'zh' | 'en'; href?: (county: County) => string }): string {
  const numbers = COUNTIES.map((c) => input.values[c]).filter((v): v is number => typeof v === 'number');
  const max = Math.max(1, ...numbers);
  const tiles = COUNTIES.map((c) => {
    const v = input.values[c] ?? 0;
    const step = typeof v === 'number' ? Math.ceil((v / max) * 4) : 1;
    const [col, row] = TILE_POSITIONS[c];
    const name = COUNTY_NAMES[c][input.lang];
    const short = input.lang === 'zh' ? name.replace(/^聊城/, '').replace(/(技术产业|经济技术|旅游度假)/, '') : name.replace(/ (District|County|City)$/, '');
    const body = `<span class="tile-name">${esc(short)}</span><span class="tile-value">${esc(String(v))}</span>`;
    const inner = input.href ? `<a href="${esc(input.href(c))}">${body}</a>` : body;
    return `<li class="tile tile-${step}" style="grid-column:${col + 1};grid-row:${row + 1}" title="${esc(name)}">${inner}</li>`;
  }).join('');
  return `<figure class="tile-map"><figcaption>${esc(input.label)}</figcaption><ul class="tile-grid">${tiles}</ul></figure>`;
}
