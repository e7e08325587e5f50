import { and, desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { pdfHeaders, publishedPdf } from '../../admin/reports/pdf-cache.ts';
import { snapshotOf } from '../../admin/reports/store.ts';
import type { AppContext } from '../../context.ts';
import { publishedReports } from '../../db/schema/index.ts';
import { AppError } from '../../lib/errors.ts';
import { validate } from '../../lib/validate.ts';

/**
 * GET /api/reports/<year>.pdf: the newest published annual report as PDF, public view (small area counts
 * suppressed). Drafts are never served here; 404 when nothing is published for the year.
 */
export function publicReportRoutes(ctx: AppContext) {
  return new Hono().get('/:file{[0-9]{4}\\.pdf}', validate('query', z.object({ lang: z.enum(['zh', 'en']).default('zh') })), async (c) => {
    const year = Number(c.req.param('file').slice(0, 4));
    const [row] = await ctx.db
      .select()
      .from(publishedReports)
      .where(and(eq(publishedReports.kind, 'annual'), eq(publishedReports.year, year)))
      .orderBy(desc(publishedReports.version))
      .limit(1);
    if (!row) throw new AppError(404, 'no_report', { zh: `${year} 年度评估报告尚未发布`, en: `The ${year} evaluation has not been published` });
    c.header('Cache-Control', 'public, max-age=300');
    return c.body(new Uint8Array(await publishedPdf(row, c.req.valid('query').lang, true)), 200, pdfHeaders(snapshotOf(row), row.version, c.req.valid('query').lang));
  });
}
