import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { AppError } from '../lib/errors.ts';
import { REPORT_CSS } from './report-css.ts';
import { REPORT_STRINGS } from './report-strings.ts';

/** The system Chromium (Debian's `chromium`, with `fonts-noto-cjk`); never a downloaded browser. */
export function chromiumExecutable(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new AppError(503, 'pdf_unavailable', { zh: '服务器未安装 Chromium，暂无法生成 PDF', en: 'Chromium is not installed on the server; PDFs are unavailable' });
  }
  return path;
}

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A whole HTML document around a report body, with the report's styles: what Chromium prints. */
export function reportDocument(bodyHtml: string, title: string, lang: 'zh' | 'en'): string {
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${REPORT_CSS} body { margin: 0; }</style></head><body>${bodyHtml}</body></html>`;
}

// One Chromium at a time: two cores, and a PDF takes a second or two; parallel requests wait their turn.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Prints an HTML document to an A4 PDF in headless Chromium (playwright-core `page.pdf`): page numbers "第 n 页，共 m 页"
 * in the footer, the title in the header, print CSS honoured (table headers repeat). No network: the document is
 * self-contained (inline SVG charts and styles). Returns the PDF bytes; 503 when Chromium is missing.
 */
export function htmlToPdf(html: string, opts: { title: string; lang: 'zh' | 'en' }): Promise<Buffer> {
  const run = async () => {
    const browser = await chromium.launch({
      executablePath: chromiumExecutable(),
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    });
    try {
      const page = await browser.newPage();
      await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
      await page.setContent(html, { waitUntil: 'load' });
      const s = REPORT_STRINGS[opts.lang];
      const font = 'font-family: "Noto Sans CJK SC", sans-serif; font-size: 8pt; color: #555; width: 100%; padding: 0 16mm;';
      return await page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style='${font} text-align: right;'>${esc(opts.title)}</div>`,
        footerTemplate: `<div style='${font} text-align: center;'>${s.page} <span class="pageNumber"></span> ${s.pageOf} <span class="totalPages"></span> ${s.pageEnd}</div>`,
        margin: { top: '18mm', bottom: '20mm', left: '16mm', right: '16mm' },
      });
    } finally {
      await browser.close();
    }
  };
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}
