import type { County } from '../../../domain/program.ts';
import type { CountedRow, IndicatorCount, IndicatorQuery } from './types.ts';

/**
 * Counts rows of an indicator for a query (pure). Distinct ids unless `weighted` (then weights are summed): a firm
 * appearing in several rows counts once in the total and once per area it appears in. Rows outside start..end are
 * ignored; undated rows (year null) count in every year; city-wide rows (county null) count only in the total when
 * no area is asked for.
 */
export function tallyRows(rows: readonly CountedRow[], q: IndicatorQuery, weighted = false): IndicatorCount {
  const inWindow = rows.filter((r) => r.year === null || (r.year >= q.startYear && r.year <= q.endYear));
  const picked = inWindow.filter((r) => (q.year === undefined || r.year === null || r.year === q.year) && (q.county === undefined || r.county === q.county));
  const measure = (list: readonly CountedRow[]) => (weighted ? list.reduce((s, r) => s + (r.weight ?? 1), 0) : new Set(list.map((r) => r.id)).size);
  const byCountyRows = new Map<County, CountedRow[]>();
  for (const r of picked) {
    if (!r.county) continue;
    const list = byCountyRows.get(r.county);
    if (list) list.push(r);
    else byCountyRows.set(r.county, [r]);
  }
  const byCounty: Partial<Record<County, number>> = {};
  for (const [county, list] of byCountyRows) byCounty[county] = measure(list);
  const byYear: Record<number, number> = {};
  const yearPicked = inWindow.filter((r) => q.county === undefined || r.county === q.county);
  const undated = yearPicked.filter((r) => r.year === null);
  const byYearRows = new Map<number, CountedRow[]>();
  for (const r of yearPicked) {
    if (r.year === null) continue;
    const list = byYearRows.get(r.year);
    if (list) list.push(r);
    else byYearRows.set(r.year, [r]);
  }
  for (let y = q.startYear; y <= q.endYear; y += 1) byYear[y] = measure([...undated, ...(byYearRows.get(y) ?? [])]);
  return { actual: measure(picked), byCounty, byYear, drill: [...new Set(picked.map((r) => r.id))] };
}
