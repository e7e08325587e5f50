/**
 * Styles of the report, shared by the pages (inline <style>, allowed by the CSP) and the PDF. Print rules: A4, table
 * headers repeated on every page (`thead { display: table-header-group }`), rows never split, CJK fonts first.
 */
export const REPORT_CSS = `
.report { font-family: "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; line-height: 1.6; color: #1d2433; max-width: 56rem; }
.report h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
.report h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 2px solid #14213d; padding-bottom: .2rem; }
.report h3 { font-size: 1rem; margin: 1rem 0 .4rem; }
.report .report-meta, .report .note { color: #4a5568; font-size: .9rem; }
.report figure { margin: .8rem 0; }
.report figure svg { max-width: 100%; height: auto; }
.report figcaption { font-size: .85rem; color: #4a5568; text-align: center; }
.report table.report-table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .9rem; }
.report table.report-table caption { text-align: left; font-weight: 600; padding: .2rem 0; }
.report table.report-table th, .report table.report-table td { border: 1px solid #c8ced9; padding: .25rem .5rem; text-align: left; }
.report table.report-table thead th { background: #eef1f6; }
.report table.report-table tbody th { white-space: nowrap; }
.report table.report-table .num { text-align: right; font-variant-numeric: tabular-nums; }
.report dl dt { font-weight: 600; margin-top: .5rem; }
.report dl dd { margin: 0 0 0 1rem; font-size: .9rem; }
.tile-map { margin: .8rem 0; }
.tile-map figcaption { text-align: left; font-weight: 600; color: inherit; }
.tile-grid { list-style: none; padding: 0; margin: .4rem 0; display: grid; grid-template-columns: repeat(4, 8.5rem); grid-auto-rows: 4.2rem; gap: .3rem; }
.tile { border-radius: .3rem; display: flex; }
.tile > a, .tile > span:first-child { color: inherit; text-decoration: none; }
.tile > a, .tile { flex-direction: column; justify-content: center; align-items: center; }
.tile > a { display: flex; width: 100%; height: 100%; }
.tile-name { font-size: .8rem; }
.tile-value { font-size: 1.25rem; font-weight: 700; }
.tile-0 { background: #f1f3f7; color: #1d2433; }
.tile-1 { background: #d6e4f0; color: #1d2433; }
.tile-2 { background: #9fc2dd; color: #1d2433; }
.tile-3 { background: #3d6f99; color: #fff; }
.tile-4 { background: #14213d; color: #fff; }
@media screen {
  .report .table-scroll { overflow-x: auto; max-width: 100%; }
  .report svg, figure.chart svg { max-width: 100%; height: auto; }
  .tile-grid { grid-template-columns: repeat(4, minmax(0, 8.5rem)); }
  .tile-name { text-align: center; line-height: 1.2; padding: 0 .2rem; overflow-wrap: anywhere; }
}
@media screen and (max-width: 600px) {
  .tile-grid { grid-template-columns: repeat(3, minmax(0, 1fr)); grid-auto-rows: minmax(4.2rem, auto); }
}
@media print {
  @page { size: A4; margin: 18mm 16mm 20mm; }
  .report { max-width: none; font-size: 10.5pt; }
  .report thead { display: table-header-group; }
  .report tr, .report figure, .tile-map { break-inside: avoid; }
  .report h2, .report h3 { break-after: avoid; }
  .report a { color: inherit; text-decoration: none; }
}
`;
