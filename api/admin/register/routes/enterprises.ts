import { assertLiaison } from '../../staff/liaisons.ts';
import { and, eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../../context.ts';
import { enterpriseNotes, enterpriseYears, enterprises } from '../../../db/schema/index.ts';
import { todayInChina } from '../../../lib/dates.ts';
import { AppError } from '../../../lib/errors.ts';
import { idParam, plainText } from '../../../lib/fields.ts';
import { tableCsv, tableXlsx, type TableCell } from '../../../lib/table-export.ts';
import { validate } from '../../../lib/validate.ts';
import { firmNotFound, requireStaff } from '../../scope.ts';
import { dossier } from '../dossier.ts';
import { RULESET_IDS } from '../pre-evaluation/index.ts';
import { preEvaluateFirm } from '../pre-evaluations.ts';
import { REGISTER_EXPORT_COLUMNS, registerRows } from '../export.ts';
import { registerQuery, type RegisterQuery } from '../filters.ts';
import { historyEntry, recordChange, type ChangeOrigin } from '../history.ts';
import { enterpriseIdsMatching, firmInScope, idsInScope, listEnterprises } from '../queries.ts';
import { completedYear, firmCreate, firmPatch, titleCreate, titlePatch, yearSave } from '../schemas.ts';
import { addTitleIn, createFirm, deleteTitle, purgeFirm, restoreFirm, saveYearIn, trashFirm, updateFirm, updateFirmIn, updateTitle } from '../writes.ts';

const idOf = (c: Context<AppEnv>, name = 'id') => {
  const parsed = idParam.safeParse(c.req.param(name));
  if (!parsed.success) throw firmNotFound();
  return parsed.data;
};

const originOf = (c: Context<AppEnv>, userId: number): ChangeOrigin => ({ userId, source: 'bureau', ip: c.get('clientIp') });

/** Up to this many firms in one export or bulk action (the register holds ~1,000; the bench 10,000). */
const MAX_BULK = 50_000;

/** `?year=&ruleset=` of a pre-evaluation: the fiscal year (default: last year with data) and one rule set (default: all). */
export const preEvaluationQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ruleset: z.enum(RULESET_IDS).optional(),
});

const exportFormat = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
const bulkBody = z
  .object({
    /** Either explicit ids (the rows ticked on this page) … */
    ids: z.array(idParam).max(MAX_BULK).optional(),
    /** … or the register's query string: every firm it matches, across all pages ("select all N"). */
    query: z.string().max(2000).optional(),
    action: z.enum(['tag', 'untag', 'assign']),
    /** The tag, or the liaison officer's user id for assign (null clears). */
    value: z.union([plainText(40, 1), idParam, z.null()]),
  })
  .strict()
  .refine((b) => (b.ids ? 1 : 0) + (b.query !== undefined ? 1 : 0) === 1, { message: '请指定 ids 或 query 之一 (give ids or query)' });

function parseRegisterQuery(search: string): RegisterQuery {
  const parsed = registerQuery.safeParse(Object.fromEntries(new URLSearchParams(search)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(400, 'invalid_input', { zh: `筛选条件有误：${issue?.path.join('.')}`, en: `Invalid filter: ${issue?.path.join('.')}` });
  }
  return parsed.data;
}

async function sendTable(c: Context<AppEnv>, format: 'xlsx' | 'csv', rows: TableCell[][], base: string) {
  const name = `${base}-${todayInChina()}`;
  c.header('Content-Disposition', `attachment; filename="${name}.${format}"; filename*=UTF-8''${encodeURIComponent(`企业库-${todayInChina()}`)}.${format}`);
  if (format === 'csv') {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    return c.body(tableCsv(REGISTER_EXPORT_COLUMNS, rows));
  }
  c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return c.body(new Uint8Array(await tableXlsx(REGISTER_EXPORT_COLUMNS, rows)));
}

/**
 * The register under /api/admin/enterprises: list with filters, select-all ids, export, bulk actions, the dossier,
 * staff edits with version checks, trash, titles, yearly data, notes and restoring a value from history.
 */
export function enterpriseRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', validate('query', registerQuery), async (c) => {
      const actor = requireStaff(c);
      return c.json(await listEnterprises(ctx.db, actor, c.req.valid('query'), todayInChina()));
    })
    .get('/ids', validate('query', registerQuery), async (c) => {
      const actor = requireStaff(c);
      const ids = await enterpriseIdsMatching(ctx.db, actor, c.req.valid('query'), todayInChina(), MAX_BULK);
      return c.json({ ids, total: ids.length });
    })
    .get('/export', validate('query', registerQuery.extend(exportFormat.shape)), async (c) => {
      const actor = requireStaff(c);
      const { format, ...query } = c.req.valid('query');
      const { items } = await listEnterprises(ctx.db, actor, { ...query, page: 1, pageSize: MAX_BULK }, todayInChina(), { maxPageSize: MAX_BULK });
      return sendTable(c, format, registerRows(items), 'register');
    })
    .post('/export', validate('json', z.object({ ids: z.array(idParam).min(1).max(MAX_BULK), format: z.enum(['xlsx', 'csv']).default('xlsx') }).strict()), async (c) => {
      const actor = requireStaff(c);
      const { ids, format } = c.req.valid('json');
      const { items } = await listEnterprises(ctx.db, actor, { page: 1, pageSize: MAX_BULK }, todayInChina(), { onlyIds: ids, maxPageSize: MAX_BULK });
      return sendTable(c, format, registerRows(items), 'register-selected');
    })
    .post('/bulk', validate('json', bulkBody), async (c) => {
      const actor = requireStaff(c, ['county', 'bureau', 'admin']);
      const body = c.req.valid('json');
      const today = todayInChina();
      const ids = body.ids ? await idsInScope(ctx.db, actor, body.ids) : await enterpriseIdsMatching(ctx.db, actor, parseRegisterQuery(body.query!), today, MAX_BULK);
      if (body.action !== 'assign' && typeof body.value !== 'string') {
        throw new AppError(400, 'invalid_input', { zh: '请填写标签', en: 'Give the tag' });
      }
      if (body.action === 'assign' && typeof body.value === 'string') {
        throw new AppError(400, 'invalid_input', { zh: '请选择负责人', en: 'Choose the liaison officer' });
      }
      if (body.action === 'assign') await assertLiaison(ctx.db, actor, body.value as number | null);
      let changed = 0;
      await ctx.db.transaction(async (tx) => {
        for (const id of ids) {
          const firm = await firmInScope(tx, actor, id);
          if (!firm) continue;
          const tags = body.action === 'tag' ? [...new Set([...firm.tags, body.value as string])] : firm.tags.filter((t) => t !== body.value);
          const patch = body.action === 'assign' ? { liaisonUserId: body.value as number | null } : { tags };
          const saved = await updateFirmIn(tx, actor, id, { ...patch, version: firm.version }, originOf(c, actor.id));
          if (saved.version !== firm.version) changed += 1;
        }
      });
      return c.json({ matched: ids.length, changed });
    })
    .post('/', validate('json', firmCreate), async (c) => {
      const actor = requireStaff(c, ['county', 'bureau', 'admin']);
      const firm = await ctx.db.transaction((tx) => createFirm(tx, actor, c.req.valid('json'), originOf(c, actor.id)));
      return c.json(firm, 201);
    })
    .get('/:id', async (c) => {
      const actor = requireStaff(c);
      return c.json(await dossier(ctx.db, actor, idOf(c), todayInChina()));
    })
    .get('/:id/pre-evaluation', validate('query', preEvaluationQuery), async (c) => {
      const actor = requireStaff(c);
      const { year, ruleset } = c.req.valid('query');
      return c.json(await preEvaluateFirm(ctx.db, actor, idOf(c), todayInChina(), { year, ruleset }));
    })
    .patch('/:id', validate('json', firmPatch), async (c) => {
      const actor = requireStaff(c, ['county', 'bureau', 'admin']);
      await assertLiaison(ctx.db, actor, c.req.valid('json').liaisonUserId);
      const saved = await updateFirm(ctx.db, actor, idOf(c), c.req.valid('json'), originOf(c, actor.id));
      ctx.live.publish(saved.id, 'profile');
      return c.json(saved);
    })
    .delete('/:id', async (c) => {
      const actor = requireStaff(c, ['bureau', 'admin']);
      const id = idOf(c);
      await trashFirm(ctx.db, actor, id, originOf(c, actor.id));
      // The public pages' memo and open viewers learn at once that the hall is gone (or back).
      ctx.live.publish(id, 'profile');
      return c.json({ ok: true });
    })
    .post('/:id/restore', async (c) => {
      const actor = requireStaff(c, ['bureau', 'admin']);
      const id = idOf(c);
      await restoreFirm(ctx.db, actor, id, originOf(c, actor.id));
      // The public pages' memo and open viewers learn at once that the hall is gone (or back).
      ctx.live.publish(id, 'profile');
      return c.json({ ok: true });
    })
    .delete('/:id/purge', async (c) => {
      const actor = requireStaff(c, ['admin']);
      const id = idOf(c);
      await purgeFirm(ctx.db, actor, id, originOf(c, actor.id));
      // The public pages' memo and open viewers learn at once that the hall is gone (or back).
      ctx.live.publish(id, 'profile');
      return c.json({ ok: true });
    })
    .post('/:id/history/:auditId/restore', validate('json', z.object({ field: z.string().max(40) }).strict()), async (c) => {
      const actor = requireStaff(c, ['county', 'bureau', 'admin']);
      const id = idOf(c);
      if (!(await firmInScope(ctx.db, actor, id))) throw firmNotFound();
      const entry = await historyEntry(ctx.db, id, idOf(c, 'auditId'));
      const { field } = c.req.valid('json');
      const change = ((entry.detail ?? {}) as { changes?: Record<string, [unknown, unknown]> }).changes?.[field];
      const notRestorable = () => new AppError(400, 'not_restorable', { zh: '该记录的这一字段无法恢复', en: 'This value cannot be restored' });
      if (!change || (entry.entity !== 'enterprise' && entry.entity !== 'year')) throw notRestorable();
      if (entry.entity === 'year') {
        // A figure of a fiscal year: saved back through the same path as the dossier's year form (rules between figures, sources, history).
        const [year] = await ctx.db.select().from(enterpriseYears).where(and(eq(enterpriseYears.id, Number(entry.entityId)), eq(enterpriseYears.enterpriseId, id)));
        const figure = yearSave.safeParse({ [field]: change[0] });
        if (!year || !figure.success || field === 'version') throw notRestorable();
        const saved = await ctx.db.transaction((tx) => saveYearIn(tx, actor, id, year.fiscalYear, figure.data, year.version, originOf(c, actor.id)));
        return c.json(saved);
      }
      const check = firmPatch.safeParse({ [field]: change[0], version: 1 });
      if (!check.success) throw new AppError(400, 'not_restorable', { zh: '该字段的旧值无法恢复', en: 'The old value of this field cannot be restored' });
      const [current] = await ctx.db.select({ version: enterprises.version }).from(enterprises).where(eq(enterprises.id, id));
      const saved = await updateFirm(ctx.db, actor, id, { ...check.data, version: current!.version }, originOf(c, actor.id));
      return c.json(saved);
    })
    .post('/:id/notes', validate('json', z.object({ body: plainText(4000, 1) }).strict()), async (c) => {
      const actor = requireStaff(c);
      const id = idOf(c);
      const note = await ctx.db.transaction(async (tx) => {
        if (!(await firmInScope(tx, actor, id))) throw firmNotFound();
        const [row] = await tx.insert(enterpriseNotes).values({ enterpriseId: id, userId: actor.id, body: c.req.valid('json').body }).returning();
        await recordChange(tx, originOf(c, actor.id), { enterpriseId: id, entity: 'note', entityId: row!.id, action: 'note.create', changes: { body: [null, row!.body] } });
        return row!;
      });
      return c.json(note, 201);
    })
    .post('/:id/titles', validate('json', titleCreate), async (c) => {
      const actor = requireStaff(c, ['county', 'bureau', 'admin']);
      const id = idOf(c);
      const title = await ctx.db.transaction((tx) => addTitleIn(tx, actor, id, c.req.valid('json'), originOf(c, actor.id)));
      ctx.live.publish(id, 'profile');
      return c.json(title, 201);
    })
    .put('/:id/years/:year', validate('json', yearSave), async (c) => {
      const actor = requireStaff(c, ['county', 'bureau', 'admin']);
      const year = completedYear(c.req.param('year'), todayInChina());
      const { version, ...figures } = c.req.valid('json');
      const saved = await ctx.db.transaction((tx) => saveYearIn(tx, actor, idOf(c), year, figures, version, originOf(c, actor.id)));
      return c.json(saved);
    });
}

/** Title ledger entries by id under /api/admin/titles. */
export function titleRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .patch('/:id', validate('json', titlePatch), async (c) => {
      const actor = requireStaff(c, ['county', 'bureau', 'admin']);
      const saved = await updateTitle(ctx.db, actor, idOf(c), c.req.valid('json'), originOf(c, actor.id));
      ctx.live.publish(saved.enterpriseId, 'profile');
      return c.json(saved);
    })
    .delete('/:id', async (c) => {
      const actor = requireStaff(c, ['bureau', 'admin']);
      const enterpriseId = await deleteTitle(ctx.db, actor, idOf(c), originOf(c, actor.id));
      ctx.live.publish(enterpriseId, 'profile');
      return c.json({ ok: true });
    });
}
