import { createHash } from 'node:crypto';
import type { PublishedReport } from '../../db/schema/index.ts';
import { reportDocument, reportPdf } from '../../reports/pdf.ts';
import { renderReportHtml, reportTitle } from '../../reports/render.ts';
import { chinaDateTime } from '../../lib/dates.ts';
import { snapshotOf } from './store.ts';
import type { ReportSnapshot } from './snapshot.ts';

/**
 * PDFs of published versions, kept in this process's memory (a published version never changes, so its PDF never
 * goes stale; another process prints its own copy once). At most 24 kept, oldest dropped first.
 */
const cache = new Map<string, Buffer>();
const MAX_CACHED = 24;

/** The PDF of a published report version (public view: small area counts suppressed when `publicView`). */
export async function publishedPdf(row: PublishedReport, lang: 'zh' | 'en', publicView: boolean): Promise<Buffer> {
  // Keyed by the content, not the row id: a key can never point at another database's report.
  const key = createHash('sha256').update(JSON.stringify([row.snapshot, row.version, row.publishedAt.getTime(), lang, publicView])).digest('hex');
  const hit = cache.get(key);
  if (hit) return hit;
  const snap = snapshotOf(row);
  const pdf = await snapshotPdf(snap, lang, { publicView, version: row.version, publishedAt: chinaDateTime(row.publishedAt.toISOString()).slice(0, 10) });
  cache.set(key, pdf);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return pdf;
}

/** The PDF of any snapshot (a live draft is printed each time). */
export function snapshotPdf(snap: ReportSnapshot, lang: 'zh' | 'en', opts: { publicView?: boolean; version?: number; publishedAt?: string } = {}): Promise<Buffer> {
  const title = reportTitle(snap, lang);
  return reportPdf(reportDocument(renderReportHtml(snap, lang, opts), title, lang), { title, lang });
}

/** `attachment` headers for a report PDF named in its language (with an ASCII fallback). */
export function pdfHeaders(snap: ReportSnapshot, version: number | null, lang: 'zh' | 'en' = 'zh'): Record<string, string> {
  const ascii = `report-${snap.kind}-${snap.year}${version ? `-v${version}` : '-draft'}.pdf`;
  const named =
    lang === 'en'
      ? `${reportTitle(snap, 'en')}${version ? ` - version ${version}` : ' - draft'}.pdf`
      : `${reportTitle(snap, 'zh')}${version ? `-第${version}版` : '-草稿'}.pdf`;
  return { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(named)}` };
}
