import { htmlToPdf } from '../lib/pdf.ts';
import { REPORT_CSS } from './report-css.ts';
import { REPORT_STRINGS } from './report-strings.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A whole HTML document around a report body, with the report's styles: what Chromium prints. */
export function reportDocument(bodyHtml: string, title: string, lang: 'zh' | 'en'): string {
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${REPORT_CSS} body { margin: 0; }</style></head><body>${bodyHtml}</body></html>`;
}

/**
 * Prints a report document to an A4 PDF through the shared headless Chromium (api/lib/pdf.ts): page numbers
 * "第 n 页，共 m 页" in the footer, the title in the header, print CSS honoured (table headers repeat). The document
 * is self-contained (inline SVG charts and styles; the page has no network). Returns the PDF bytes; AppError 503
 * when Chromium is missing.
 */
export function reportPdf(html: string, opts: { title: string; lang: 'zh' | 'en' }): Promise<Buffer> {
  const s = REPORT_STRINGS[opts.lang];
  const font = 'font-family: "Noto Sans CJK SC", sans-serif; font-size: 8pt; color: #555; width: 100%; padding: 0 16mm;';
  return htmlToPdf(html, {
    format: 'A4',
    margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
    headerHtml: `<div style='${font} text-align: right;'>${esc(opts.title)}</div>`,
    footerHtml: `<div style='${font} text-align: center;'>${s.page} <span class="pageNumber"></span> ${s.pageOf} <span class="totalPages"></span> ${s.pageEnd}</div>`,
  });
}
