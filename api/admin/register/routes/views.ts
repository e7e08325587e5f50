import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../../context.ts';
import { enterprises, savedViews } from '../../../db/schema/index.ts';
import { AppError } from '../../../lib/errors.ts';
import { idParam, optionalText, plainText } from '../../../lib/fields.ts';
import { validate } from '../../../lib/validate.ts';
import { requireStaff, trashedFirms } from '../../scope.ts';
import { queryString, registerQuery } from '../filters.ts';

const viewCreate = z
  .object({
    name: plainText(60, 1),
    nameEn: optionalText(80),
    /** The register's query string; it is checked and stored in a canonical order. */
    query: z.string().max(2000),
    shared: z.boolean().default(false),
  })
  .strict();

const notFound = () => new AppError(404, 'not_found', { zh: '找不到该视图', en: 'No such view' });

/** Saved views of the register (/api/admin/views): a person's own and the bureau's shared ones. */
export function viewRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const actor = requireStaff(c);
      const items = await ctx.db
        .select()
        .from(savedViews)
        .where(or(eq(savedViews.userId, actor.id), eq(savedViews.shared, true)))
        .orderBy(desc(savedViews.shared), asc(savedViews.name));
      return c.json({ items: items.map((v) => ({ ...v, mine: v.userId === actor.id })) });
    })
    .post('/', validate('json', viewCreate), async (c) => {
      const actor = requireStaff(c);
      const body = c.req.valid('json');
      if (body.shared && actor.role !== 'bureau' && actor.role !== 'admin') {
        throw new AppError(403, 'forbidden_role', { zh: '只有市局工作人员可以创建共享视图', en: 'Only bureau staff may share views' });
      }
      const parsed = registerQuery.safeParse(Object.fromEntries(new URLSearchParams(body.query)));
      if (!parsed.success) throw new AppError(400, 'invalid_input', { zh: '视图的筛选条件无效', en: 'The view has invalid filters' });
      // One name per owner, so the list of views never shows two alike (names compared trimmed, case-insensitively).
      const [same] = await ctx.db
        .select({ id: savedViews.id })
        .from(savedViews)
        .where(and(eq(savedViews.userId, actor.id), sql`lower(trim(${savedViews.name})) = lower(${body.name.trim()})`));
      if (same) {
        throw new AppError(409, 'view_name_taken', { zh: `您已有名为“${body.name.trim()}”的视图，请换一个名称`, en: `You already have a view named "${body.name.trim()}"; choose another name` }, { viewId: same.id });
      }
      const [view] = await ctx.db
        .insert(savedViews)
        .values({ userId: actor.id, shared: body.shared, name: body.name, nameEn: body.nameEn, query: queryString(parsed.data) })
        .returning();
      return c.json(view, 201);
    })
    .delete('/:id', async (c) => {
      const actor = requireStaff(c);
      const id = idParam.safeParse(c.req.param('id'));
      if (!id.success) throw notFound();
      const [view] = await ctx.db.select().from(savedViews).where(eq(savedViews.id, id.data));
      const mayDelete = view && (view.userId === actor.id || (view.shared && (actor.role === 'bureau' || actor.role === 'admin')));
      if (!mayDelete) throw notFound();
      await ctx.db.delete(savedViews).where(eq(savedViews.id, id.data));
      return c.json({ ok: true });
    });
}

/** The trash (回收站) under /api/admin/trash: firms moved there, within the caller's scope, newest first. */
export function trashRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const actor = requireStaff(c);
    const items = await ctx.db
      .select({ id: enterprises.id, name: enterprises.name, creditCode: enterprises.creditCode, county: enterprises.county, deletedAt: enterprises.deletedAt })
      .from(enterprises)
      .where(and(trashedFirms(actor)))
      .orderBy(desc(enterprises.deletedAt))
      .limit(500);
    return c.json({ items: items.map((i) => ({ ...i, deletedAt: i.deletedAt?.toISOString() ?? null })) });
  });
}
