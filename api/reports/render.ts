import { INDICATOR_SECTIONS, type IndicatorSection } from '../admin/targets/indicators/types.ts';
import type { TargetProgress } from '../admin/targets/progress.ts';
import { planLabel } from '../admin/targets/plans.ts';
import { countiesTable, targetsTable, type FigureTable } from '../admin/targets/tables.ts';
import type { ReportSnapshot } from '../admin/reports/snapshot.ts';
import type { ServiceFigures } from '../admin/targets/service-figures.ts';
import { COUNTIES as COUNTY_ORDER } from '../domain/program.ts';
import { chinaDateTime } from '../lib/dates.ts';
import { barChartSvg } from './charts.ts';
import { REPORT_STRINGS } from './report-strings.ts';
import { tileMapHtml } from './tile-map.ts';

type Lang = 'zh' | 'en';

/** Counts from 1 to this − 1 in an area are shown as "<3" on public pages (small areas could point at one firm). */
export const PUBLIC_SUPPRESS_BELOW = 3;

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A table with a caption and a header row (repeated on every PDF page by print CSS). */
export function tableHtml(caption: string, table: FigureTable): string {
  const head = table.columns.map((c, i) => `<th scope="col"${i ? ' class="num"' : ''}>${esc(c)}</th>`).join('');
  const body = table.rows
    .map((r) => `<tr>${r.map((v, i) => (i === 0 ? `<th scope="row">${esc(String(v))}</th>` : `<td class="num">${esc(String(v))}</td>`)).join('')}</tr>`)
    .join('');
  // Wide tables (11 areas × indicators) scroll sideways on a screen instead of widening the page; print ignores it.
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="${esc(caption)}"><table class="data report-table"><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

/** The body of a section of indicators: its table (and chart when there is more than one figure). */
function sectionBlock(caption: string, items: readonly TargetProgress[], lang: Lang): string {
  if (!items.length) return '';
  return tableHtml(caption, targetsTable(items, lang));
}

/**
 * The report as HTML (an <article>): targets against actuals with a chart and its table, the areas as a tile map
 * and a table, one block per indicator section (titles, register, halls, services, training, outcomes — a new
 * indicator appears in its section by itself), the cohorts' halls, the written sections and the counting rules.
 * `publicView` suppresses small area counts. Pure: the same snapshot always gives the same HTML.
 */
export function renderReportHtml(snap: ReportSnapshot, lang: Lang, opts: { publicView?: boolean; version?: number; publishedAt?: string } = {}): string {
  const s = REPORT_STRINGS[lang];
  const planName = lang === 'en' && snap.plan.nameEn ? snap.plan.nameEn : snap.plan.name;
  const title = snap.kind === 'annual' ? s.annualTitle(snap.year) : s.overallTitle(planName);
  const suppress = opts.publicView ? PUBLIC_SUPPRESS_BELOW : 0;
  // Table 1 and its chart: the gradient and the screening; halls, services, training and outcomes have their sections.
  const headline = snap.items.filter((i) => i.section === 'titles' || i.section === 'register');
  const withTargets = snap.items.filter((i) => i.target !== null && i.section === 'titles');
  const out: string[] = [];
  out.push(`<header class="report-head"><h1>${esc(title)}</h1><p class="report-meta">${esc(s.plan)}：${esc(planLabel(planName, snap.plan.startYear, snap.plan.endYear))}`);
  out.push(opts.version ? ` · ${esc(s.version(opts.version))} · ${esc(s.published)} ${esc(opts.publishedAt ?? '')}` : ` · ${esc(s.draft)}`);
  out.push(` · ${esc(s.computed)} ${esc(chinaDateTime(snap.computedAt).slice(0, 10))}</p></header>`);

  out.push(`<section><h2>${esc(s.s1)}</h2><p>${esc(snap.kind === 'annual' ? s.s1Lead(snap.year, snap.plan.startYear) : s.s1LeadOverall)}</p>`);
  if (withTargets.length) {
    out.push(
      `<figure class="chart">${barChartSvg({
        categories: withTargets.map((i) => i.name[lang]),
        series: [
          { name: s.target, data: withTargets.map((i) => i.target ?? 0) },
          { name: s.cumulative, data: withTargets.map((i) => i.cumulative) },
        ],
        width: 680,
        height: 60 + withTargets.length * 44,
        label: s.chartTargets,
        horizontal: true,
      })}<figcaption>${esc(s.chartTargets)}</figcaption></figure>`,
    );
  }
  out.push(tableHtml(s.tableTargets, targetsTable(headline, lang)));
  if (snap.uncounted.length) {
    out.push(`<p class="note">${esc(s.uncounted)} ${snap.uncounted.map((u) => `${esc(u.indicator)}（${u.target}）`).join('、')}</p>`);
  }
  out.push('</section>');

  const firmItems = snap.items.filter((i) => i.drillKind === 'firms' && i.unit === 'firms');
  const mapItem = firmItems.find((i) => i.target !== null) ?? firmItems[0];
  out.push(`<section><h2>${esc(s.s2)}</h2>`);
  if (mapItem) {
    const values = countiesTable([mapItem], lang, suppress).rows;
    const byCounty = Object.fromEntries(values.map((r, i) => [COUNTY_ORDER[i], r[1]]));
    out.push(tileMapHtml({ label: s.mapLabel(mapItem.name[lang]), values: byCounty, lang }));
  }
  out.push(tableHtml(s.tableCounties, countiesTable(firmItems, lang, suppress)));
  if (suppress) out.push(`<p class="note">${esc(s.suppressed(suppress))}</p>`);
  out.push('</section>');

  for (const section of INDICATOR_SECTIONS.filter((x) => x !== 'titles' && x !== 'register')) {
    const items = snap.items.filter((i) => i.section === section);
    const extra = section === 'halls' ? cohortTable(snap, lang) : section === 'services' && snap.services ? serviceFiguresHtml(snap.services, lang) : '';
    if (!items.length && !extra) continue;
    out.push(`<section><h2>${esc(s.sections[section as IndicatorSection])}</h2>${sectionBlock(s.sectionTable(s.sections[section]), items, lang)}${extra}</section>`);
  }

  out.push(`<section><h2>${esc(s.written)}</h2>`);
  for (const key of ['highlights', 'cases', 'problems', 'nextSteps'] as const) {
    const text = snap.sections[key].trim();
    out.push(`<h3>${esc(s[key])}</h3>${text ? text.split(/\n{2,}/).map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join('') : `<p class="note">${esc(s.notWritten)}</p>`}`);
  }
  out.push('</section>');

  out.push(`<section class="rules"><h2>${esc(s.rules)}</h2><dl>${snap.items.map((i) => `<dt>${esc(i.name[lang])}</dt><dd>${esc(i.rule[lang])}</dd>`).join('')}</dl></section>`);
  return `<article class="report" lang="${lang === 'zh' ? 'zh-CN' : 'en'}">${out.join('')}</article>`;
}

/**
 * The services' quality as a two-column table (the dashboard shows the same): counts, rates as percentages, the
 * median contact time in working days and the mean rating; — where there is nothing to measure.
 */
export function serviceFiguresHtml(f: ServiceFigures, lang: Lang): string {
  const s = REPORT_STRINGS[lang];
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  const num = (x: number | null, digits = 1) => (x === null ? '—' : x.toFixed(digits));
  const rows: [string, string | number][] = [
    [s.serviceRows.filed, f.filed],
    [s.serviceRows.solved, f.solved],
    [s.serviceRows.solvedRate, pct(f.solvedRate)],
    [s.serviceRows.medianContactDays, num(f.medianContactDays)],
    [s.serviceRows.reopenRate, pct(f.reopenRate)],
    [s.serviceRows.satisfaction, f.satisfaction === null ? '—' : lang === 'zh' ? `${num(f.satisfaction, 2)}（${f.rated} 件评分）` : `${num(f.satisfaction, 2)} (${f.rated} rated)`],
    [s.serviceRows.overdue, f.overdue],
  ];
  return tableHtml(s.serviceTable, { columns: [...s.serviceCols], rows });
}

function cohortTable(snap: ReportSnapshot, lang: Lang): string {
  if (!snap.cohorts.length) return '';
  const s = REPORT_STRINGS[lang];
  return tableHtml(s.cohortTable, { columns: [s.cohortYear, s.selected, s.publishedHalls], rows: snap.cohorts.map((c) => [String(c.year), c.selected, c.published]) });
}

/** The report's title (for <title>, the PDF's name and headings). */
export function reportTitle(snap: ReportSnapshot, lang: Lang): string {
  const s = REPORT_STRINGS[lang];
  return snap.kind === 'annual' ? s.annualTitle(snap.year) : s.overallTitle(lang === 'en' && snap.plan.nameEn ? snap.plan.nameEn : snap.plan.name);
}
