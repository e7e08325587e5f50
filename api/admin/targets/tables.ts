import { COUNTIES, COUNTY_NAMES, type County } from '../../domain/program.ts';
import type { TableCell } from '../../lib/table-export.ts';
import type { TargetProgress } from './progress.ts';

/** A table of figures: what a chart shows, for screen readers, the XLSX export and the PDF. */
export interface FigureTable {
  columns: string[];
  rows: TableCell[][];
}

type Lang = 'zh' | 'en';
const W = {
  zh: { indicator: '指标', target: '目标', actual: '完成', cumulative: '累计完成', rate: '完成率', rule: '计数口径', area: '县区', total: '全市', year: '年度', none: '—' },
  en: { indicator: 'Indicator', target: 'Target', actual: 'Actual', cumulative: 'Cumulative', rate: 'Progress', rule: 'Counting rule', area: 'Area', total: 'City', year: 'Year', none: '—' },
};

/** Progress as a percentage with one decimal ("—" without a target). */
export function progressRate(actual: number, target: number | null): string {
  if (!target) return '—';
  return `${Math.round((actual / target) * 1000) / 10}%`;
}

/** Targets against actuals, one row per indicator (the dashboard's first table and the report's 表 1). */
export function targetsTable(items: readonly TargetProgress[], lang: Lang, withRule = false): FigureTable {
  const w = W[lang];
  return {
    columns: [w.indicator, w.target, w.actual, w.cumulative, w.rate, ...(withRule ? [w.rule] : [])],
    rows: items.map((i) => [i.name[lang], i.target ?? w.none, i.actual, i.cumulative, progressRate(i.cumulative, i.target), ...(withRule ? [i.rule[lang]] : [])]),
  };
}

/**
 * Indicators by area (columns) — the comparison of the 11 areas. `suppressBelow` replaces counts from 1 to
 * threshold−1 with "<n" (public pages: small counts in an area could point at single firms). `only`: that area's
 * row alone (a county officer's figures cover its own area; the others would read as zeros).
 */
export function countiesTable(items: readonly TargetProgress[], lang: Lang, suppressBelow = 0, only?: County | null): FigureTable {
  const w = W[lang];
  const cell = (n: number | undefined): TableCell => {
    const v = n ?? 0;
    return suppressBelow > 0 && v > 0 && v < suppressBelow ? `<${suppressBelow}` : v;
  };
  return {
    columns: [w.area, ...items.map((i) => i.name[lang])],
    rows: (only ? [only] : COUNTIES).map((c: County) => [COUNTY_NAMES[c][lang], ...items.map((i) => cell(i.byCounty[c]))]),
  };
}

/** Indicators by year of the plan. */
export function yearsTable(items: readonly TargetProgress[], years: readonly number[], lang: Lang): FigureTable {
  const w = W[lang];
  return { columns: [w.indicator, ...years.map(String)], rows: items.map((i) => [i.name[lang], ...years.map((y) => i.byYear[y] ?? 0)]) };
}
