/**
 * /api/admin/imports — spreadsheet import of the register: upload (validate, nothing written) → preview →
 * resolve name matches → commit → undo; templates and the error sheet to download. Staff only (the admin
 * routes check it); county officers import rows of their own area only (the pipeline makes others row errors).
 */
import { downloadDisposition } from '../../../lib/content-disposition.ts';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../../context.ts';
import { IMPORT_KINDS, importBatches } from '../../../db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { AppError } from '../../../lib/errors.ts';
import { enforceRateLimit, RateLimiter } from '../../../lib/rate-limit.ts';
import { validate } from '../../../lib/validate.ts';
import { requireStaff } from '../../scope.ts';
import { batchResult, loadBatch, previewPage, recentBatches, saveBatch } from './batches.ts';
import { commitBatch, undoBatch } from './commit.ts';
import type { Actor } from './declare.ts';
import { IMPORT_SPECS } from './kinds/index.ts';
import { FirmIndex, candidateOf } from './match.ts';
import { resolveRow, summarize, validateSheet } from './pipeline.ts';
import { errorSheetXlsx, templateXlsx } from './sheets-out.ts';
import { readTable } from './sheet.ts';
import { receiveImport } from './upload.ts';

/** Roles that may import (experts work on their team's firms through the services issue, not imports). */
const IMPORT_ROLES = ['county', 'bureau', 'admin'] as const;

const idParam = z.object({ id: z.coerce.number().int().positive() });
const kindParam = z.object({ file: z.string().regex(/^(enterprises|yearly|titles)\.xlsx$/) });
const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  action: z.enum(['create', 'update', 'unchanged', 'error', 'unmatched', 'ambiguous', 'skipped']).optional(),
});
const resolution = z.object({ row: z.number().int().positive(), enterpriseId: z.number().int().positive().nullable() }).strict();
const kindField = z.enum(IMPORT_KINDS);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The import routes, mounted at /api/admin/imports: GET / (recent batches); POST / (multipart `file` + `kind` [+ title fields]) → 201 batch;
 * GET /:id?page=&action= → preview page; POST /:id/resolutions `{ row, enterpriseId | null }`; POST /:id/commit;
 * DELETE /:id (undo, or discard a validated batch); GET /:id/errors.xlsx; GET /templates/:kind.xlsx.
 */
export function importRoutes(ctx: AppContext) {
  // Each upload reads and checks a whole sheet: a generous cap per person still stops a runaway script.
  const uploads = new RateLimiter({ max: 60, windowMs: 60 * 60_000 });
  const actorOf = (c: Parameters<typeof requireStaff>[0]): Actor => requireStaff(c, IMPORT_ROLES);

  return new Hono<AppEnv>()
    .get('/templates/:file', validate('param', kindParam), async (c) => {
      actorOf(c);
      const kind = c.req.valid('param').file.replace('.xlsx', '') as (typeof IMPORT_KINDS)[number];
      const body = await templateXlsx(IMPORT_SPECS[kind]);
      const name = `${IMPORT_SPECS[kind].name.zh}导入模板.xlsx`;
      return c.body(new Uint8Array(body), 200, { 'Content-Type': XLSX, 'Content-Disposition': downloadDisposition(name) });
    })
    .get('/', async (c) => {
      return c.json({ items: await recentBatches(ctx.db, actorOf(c)) });
    })
    .post('/', async (c) => {
      const actor = actorOf(c);
      enforceRateLimit(uploads, `user:${actor.id}`);
      const upload = await receiveImport(c.req.raw);
      const kind = kindField.safeParse(upload.fields.kind);
      if (!kind.success) throw new AppError(400, 'invalid_input', { zh: '请选择导入类型（企业名录、年度数据或称号名单）', en: 'Choose what to import: enterprises, yearly or titles' });
      const spec = IMPORT_SPECS[kind.data];
      const { kind: _k, ...rest } = upload.fields;
      const options = spec.options.safeParse(rest);
      if (!options.success) {
        const issue = options.error.issues[0];
        throw new AppError(400, 'invalid_input', { zh: `表单字段有误：${issue?.path.join('.')}`, en: `Invalid form field: ${issue?.path.join('.')}: ${issue?.message}` });
      }
      const table = await readTable(upload.file);
      const plan = await validateSheet(ctx.db, actor, spec, table, options.data as Record<string, unknown>);
      const batch = await saveBatch(ctx.db, actor, spec.kind, upload.fileName, plan);
      return c.json(batchResult(batch), 201);
    })
    .get('/:id', validate('param', idParam), validate('query', pageQuery), async (c) => {
      const actor = actorOf(c);
      const batch = await loadBatch(ctx.db, actor, c.req.valid('param').id);
      const { page, action } = c.req.valid('query');
      return c.json(previewPage(batch, IMPORT_SPECS[batch.kind], page, action));
    })
    .post('/:id/resolutions', validate('param', idParam), validate('json', resolution), async (c) => {
      const actor = actorOf(c);
      const batch = await loadBatch(ctx.db, actor, c.req.valid('param').id);
      if (batch.status !== 'validated') throw new AppError(409, 'import_not_validated', { zh: '该批次已提交或已撤销', en: 'This batch was already committed or undone' });
      const { row, enterpriseId } = c.req.valid('json');
      const target = batch.plan.rows.find((r) => r.row === row);
      if (!target || !(target.action === 'unmatched' || target.action === 'ambiguous' || target.resolved)) {
        throw new AppError(400, 'import_row_not_open', { zh: `第 ${row} 行无需确认`, en: `Row ${row} does not need a choice` });
      }
      const spec = IMPORT_SPECS[batch.kind];
      const index = await FirmIndex.load(ctx.db, actor);
      const firm = enterpriseId === null ? null : index.byId.get(enterpriseId);
      if (firm === undefined) throw new AppError(404, 'not_found', { zh: '找不到该企业', en: 'No such enterprise' });
      const planner = await spec.prepare(ctx.db, actor, [{ row, values: target.values, failed: new Set() }], batch.plan.options as never);
      const errors = resolveRow(spec, batch.plan, planner, target, firm ? candidateOf(firm) : null);
      if (errors.length > 0) throw new AppError(409, 'import_resolution_failed', { zh: errors[0]!.message, en: errors[0]!.messageEn });
      const summary = summarize(batch.plan.rows);
      await ctx.db.update(importBatches).set({ plan: batch.plan, summary }).where(eq(importBatches.id, batch.id));
      return c.json({ row: target.row, action: target.action, enterpriseId: target.enterpriseId ?? null, label: target.label, summary });
    })
    .post('/:id/commit', validate('param', idParam), async (c) => {
      const actor = actorOf(c);
      const batch = await loadBatch(ctx.db, actor, c.req.valid('param').id);
      const result = await commitBatch(ctx.db, actor, IMPORT_SPECS[batch.kind], batch, c.get('clientIp'));
      return c.json({ id: batch.id, status: 'committed', ...result });
    })
    .delete('/:id', validate('param', idParam), async (c) => {
      const actor = actorOf(c);
      const batch = await loadBatch(ctx.db, actor, c.req.valid('param').id);
      if (batch.status === 'validated') {
        // Nothing was written: dropping the preview is all there is to undo.
        await ctx.db.delete(importBatches).where(eq(importBatches.id, batch.id));
        return c.json({ id: batch.id, status: 'discarded' });
      }
      const result = await undoBatch(ctx.db, actor, batch, c.get('clientIp'));
      return c.json({ id: batch.id, status: 'undone', ...result });
    })
    .get('/:id/errors.xlsx', validate('param', idParam), async (c) => {
      const actor = actorOf(c);
      const batch = await loadBatch(ctx.db, actor, c.req.valid('param').id);
      const body = await errorSheetXlsx(batch.plan);
      const base = batch.fileName.replace(/\.(xlsx|csv)$/i, '');
      return c.body(new Uint8Array(body), 200, { 'Content-Type': XLSX, 'Content-Disposition': downloadDisposition(`${base}-错误原因.xlsx`) });
    });
}
