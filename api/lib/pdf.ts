/**
 * HTML → PDF through the system Chromium (playwright-core, never a downloaded browser), for documents people print
 * or keep: training certificates and the evaluation reports (api/reports/pdf.ts). ONE headless browser per process, launched on the first call
 * and shared (launching costs ~0.5–1 s; a page on a warm browser a fraction of that — `npm run bench:admin`).
 * It is closed by closePdfBrowser(), after ten idle minutes, and when the process is stopped (SIGINT, SIGTERM,
 * SIGHUP: the browser is closed, then the signal goes on to stop the process as it would have). playwright's own
 * signal handlers are off: its SIGTERM handler closes the browser but leaves the process running, so a server that
 * had printed one PDF would no longer stop on SIGTERM. Chinese needs a CJK font on the machine (`fonts-noto-cjk`).
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { AppError } from './errors.ts';

export interface PdfOptions {
  /** Paper size (default A4). */
  format?: 'A4' | 'A5' | 'Letter';
  landscape?: boolean;
  /** Page margin in CSS units, one for every side or per side (default 0: the HTML lays out its own margins). */
  margin?: string | { top: string; right: string; bottom: string; left: string };
  /**
   * Chromium's print header and footer templates (HTML with inline styles; `<span class="pageNumber">` and
   * `<span class="totalPages">` are filled in). Leave room for them with the margin.
   */
  headerHtml?: string;
  footerHtml?: string;
}

const IDLE_MS = 10 * 60_000;
/** How long a stopping process waits for the browser to close before it stops anyway. */
const CLOSE_ON_STOP_MS = 2_000;
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let browser: Promise<Browser> | undefined;
let idle: NodeJS.Timeout | undefined;

/** Closes the browser, then re-sends the signal so the process stops as it would have without this handler. */
function onStop(signal: NodeJS.Signals): void {
  removeStopHandlers();
  const stop = () => process.kill(process.pid, signal);
  setTimeout(stop, CLOSE_ON_STOP_MS).unref();
  void closePdfBrowser().then(stop, stop);
}
const stopHandlers = new Map(STOP_SIGNALS.map((s) => [s, () => onStop(s)] as const));
const addStopHandlers = () => stopHandlers.forEach((handler, signal) => process.once(signal, handler));
const removeStopHandlers = () => stopHandlers.forEach((handler, signal) => process.off(signal, handler));

function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new AppError(503, 'pdf_unavailable', { zh: '服务器未安装 Chromium，暂时无法生成 PDF', en: `Chromium is not installed at ${path}; PDFs cannot be made` });
  }
  return path;
}

function shared(): Promise<Browser> {
  if (!browser) {
    const launching = chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    browser = launching;
    addStopHandlers();
    launching.then(
      (b) => b.on('disconnected', () => {
        if (browser === launching) browser = undefined;
      }),
      () => {
        if (browser === launching) browser = undefined;
      },
    );
  }
  return browser;
}

/**
 * Renders a self-contained HTML document (inline styles and images, e.g. data: URLs; nothing is fetched: the
 * page has no network) to PDF bytes. Backgrounds are printed. Throws AppError 503 when Chromium is missing.
 */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  clearTimeout(idle);
  const context = await (await shared()).newContext({ javaScriptEnabled: false, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const m = options.margin ?? '0';
    const margin = typeof m === 'string' ? { top: m, right: m, bottom: m, left: m } : m;
    const headerFooter = options.headerHtml !== undefined || options.footerHtml !== undefined;
    return await page.pdf({
      format: options.format ?? 'A4',
      landscape: options.landscape ?? false,
      printBackground: true,
      margin,
      displayHeaderFooter: headerFooter,
      ...(headerFooter ? { headerTemplate: options.headerHtml ?? '<span></span>', footerTemplate: options.footerHtml ?? '<span></span>' } : {}),
    });
  } finally {
    await context.close();
    idle = setTimeout(() => void closePdfBrowser(), IDLE_MS);
    idle.unref();
  }
}

/** Closes the shared browser (scripts and tests call it before exiting; the next htmlToPdf launches a new one). */
export async function closePdfBrowser(): Promise<void> {
  clearTimeout(idle);
  removeStopHandlers();
  const current = browser;
  browser = undefined;
  if (current) await (await current.catch(() => null))?.close();
}
