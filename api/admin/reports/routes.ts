import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../context.ts';
import { publishedReports, REPORT_KINDS, type ReportKind } from '../../db/schema/index.ts';
import { chinaDateTime } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { validate } from '../../lib/validate.ts';
import { requireStaff } from '../scope.ts';
import { resolvePlan } from '../targets/progress.ts';
import { TARGET_ROLES } from '../targets/routes.ts';
import { pdfHeaders, publishedPdf, snapshotPdf } from './pdf-cache.ts';
import { buildSnapshot } from './snapshot.ts';
import { draftOf, publishedReport, publishedVersions, publishReport, saveDraft, snapshotOf } from './store.ts';

const yearParam = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
const kindQuery = z.object({ kind: z.enum(REPORT_KINDS).default('annual'), lang: z.enum(['zh', 'en']).default('zh'), version: z.coerce.number().int().min(1).max(1000).optional() });
const section = z.string().max(20_000);
const draftBody = z
  .object({
    kind: z.enum(REPORT_KINDS).default('annual'),
    version: z.number().int().min(0),
    sections: z.object({ highlights: section, cases: section, problems: section, nextSteps: section }).strict(),
  })
  .strict();
const publishBody = z.object({ kind: z.enum(REPORT_KINDS).default('annual'), note: z.string().max(500).default('') }).strict();

/** The plan a report of this kind and year belongs to: the plan containing the year (overall: ending in it). */
async function planFor(ctx: AppContext, kind: ReportKind, year: number) {
  const plan = await resolvePlan(ctx.db, undefined, year);
  if (year < plan.startYear || year > plan.endYear || (kind === 'overall' && year !== plan.endYear)) {
    throw new AppError(404, 'no_plan_for_year', { zh: `${year} 年不在任何规划期内（总体评价须为规划末年）`, en: `No plan covers ${year} (an overall evaluation is for a plan's last year)` });
  }
  return plan;
}

/**
 * Annual evaluations and the overall evaluation under /api/admin/reports: a live preview, the bureau's written
 * sections (draft with a version check), publishing a frozen version, and the PDF (`/:year.pdf`).
 */
export function reportRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      requireStaff(c, TARGET_ROLES);
      const rows = await ctx.db
        .select({ id: publishedReports.id, kind: publishedReports.kind, year: publishedReports.year, version: publishedReports.version, note: publishedReports.note, publishedAt: publishedReports.publishedAt })
        .from(publishedReports)
        .orderBy(publishedReports.year, publishedReports.version);
      return c.json({ items: rows });
    })
    .get('/:file{[0-9]{4}\\.pdf}', validate('query', kindQuery), async (c) => {
      requireStaff(c, TARGET_ROLES);
      const year = Number(c.req.param('file').slice(0, 4));
      const q = c.req.valid('query');
      const row = await publishedReport(ctx.db, q.kind, year, q.version);
      if (row) return c.body(new Uint8Array(await publishedPdf(row, q.lang, false)), 200, pdfHeaders(snapshotOf(row), row.version, q.lang));
      if (q.version !== undefined) throw new AppError(404, 'no_report', { zh: '没有该版本的报告', en: 'No such report version' });
      // Nothing published yet: the live draft, marked as a draft on every page.
      const plan = await planFor(ctx, q.kind, year);
      const snap = await buildSnapshot(ctx.db, q.kind, year, plan, (await draftOf(ctx.db, q.kind, year)).sections);
      return c.body(new Uint8Array(await snapshotPdf(snap, q.lang)), 200, pdfHeaders(snap, null, q.lang));
    })
    .get('/:year{[0-9]{4}}', validate('param', yearParam), validate('query', kindQuery), async (c) => {
      requireStaff(c, TARGET_ROLES);
      const { year } = c.req.valid('param');
      const { kind } = c.req.valid('query');
      const plan = await planFor(ctx, kind, year);
      const draft = await draftOf(ctx.db, kind, year);
      const versions = (await publishedVersions(ctx.db, kind, year)).map((r) => ({ version: r.version, note: r.note, publishedAt: chinaDateTime(r.publishedAt.toISOString()) }));
      return c.json({ plan, draft, versions, preview: await buildSnapshot(ctx.db, kind, year, plan, draft.sections) });
    })
    .put('/:year{[0-9]{4}}/draft', validate('param', yearParam), validate('json', draftBody), async (c) => {
      requireStaff(c, ['bureau', 'admin']);
      const { year } = c.req.valid('param');
      const body = c.req.valid('json');
      const plan = await planFor(ctx, body.kind, year);
      return c.json(await saveDraft(ctx.db, { kind: body.kind, year, plan, sections: body.sections, version: body.version }));
    })
    .post('/:year{[0-9]{4}}/publish', validate('param', yearParam), validate('json', publishBody), async (c) => {
      const user = requireStaff(c, ['bureau', 'admin']);
      const { year } = c.req.valid('param');
      const body = c.req.valid('json');
      const plan = await planFor(ctx, body.kind, year);
      const row = await ctx.db.transaction((tx) => publishReport(tx, { kind: body.kind, year, plan, note: body.note, userId: user.id }));
      return c.json({ id: row.id, kind: row.kind, year: row.year, version: row.version }, 201);
    });
}
