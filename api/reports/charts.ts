import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Only the parts the charts use (ECharts 6 tree-shaken imports): bars, grid, legend, the SVG renderer.
echarts.use([BarChart, GridComponent, LegendComponent, SVGRenderer]);

/** One series of a bar chart. */
export interface BarSeries {
  name: string;
  data: number[];
}

/** The palette of the workspace (admin.css): navy, teal, amber, grey. */
const COLORS = ['#14213d', '#2a9d8f', '#e9a23b', '#8d99ae'];

/**
 * A bar chart rendered on the server to an SVG string (ECharts SSR: `init(null, null, { renderer: 'svg', ssr: true })`
 * then `renderToSVGString()`), for inlining in a page or the PDF — no script runs in the browser. Horizontal bars
 * when `horizontal` (long category names). Sizes in CSS pixels. The SVG gets `role="img"` and `aria-label`; every
 * chart on a page also has a table with the same figures.
 */
export function barChartSvg(input: { categories: string[]; series: BarSeries[]; width: number; height: number; label: string; horizontal?: boolean }): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: input.width, height: input.height });
  const categoryAxis = { type: 'category' as const, data: input.categories, axisLabel: { fontSize: 11, interval: 0, ...(input.horizontal ? {} : { rotate: input.categories.length > 6 ? 30 : 0 }) } };
  const valueAxis = { type: 'value' as const, minInterval: 1, axisLabel: { fontSize: 11 } };
  chart.setOption({
    animation: false,
    color: COLORS,
    textStyle: { fontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif' },
    legend: input.series.length > 1 ? { top: 0, textStyle: { fontSize: 12 } } : undefined,
    grid: { left: 8, right: 24, top: input.series.length > 1 ? 32 : 12, bottom: 8 },
    xAxis: input.horizontal ? valueAxis : categoryAxis,
    yAxis: input.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: input.series.map((s) => ({ type: 'bar', name: s.name, data: s.data, label: { show: true, position: input.horizontal ? 'right' : 'top', fontSize: 10 } })),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const label = input.label.replace(/[&<>"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return svg.replace('<svg ', `<svg role="img" aria-label="${label}" focusable="false" `);
}
