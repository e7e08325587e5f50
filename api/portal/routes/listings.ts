import { and, desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z, type ZodType } from 'zod';
import type { AppContext, AppEnv } from '../../context.ts';
import { investmentProjects, jobs, products } from '../../db/schema/index.ts';
import type { Message } from '../../lib/errors.ts';
import { idParam } from '../../lib/fields.ts';
import { validate } from '../../lib/validate.ts';
import { LISTING_INPUTS, LISTING_RECORD_RULES } from '../listing-schemas.ts';
import { assertMergedRecord, requireChanges } from '../../lib/patch.ts';
import { notOwned, portalScope } from '../scope.ts';

type ListingTable = typeof products | typeof jobs | typeof investmentProjects;

interface ListingSpec<T extends ListingTable> {
  table: T;
  /** Audit-log entity name. */
  entity: keyof typeof LISTING_INPUTS;
  noun: Message;
}

const idParamObject = z.object({ id: idParam });

/** CRUD of one kind of listing, always inside the enterprise in the path. */
function listingRoutes<T extends ListingTable>(ctx: AppContext, spec: ListingSpec<T>) {
  const { table } = spec;
  const owned = (enterpriseId: number, id: number) => and(eq(table.enterpriseId, enterpriseId), eq(table.id, id));
  // The zod schemas produce exactly the table's editable columns; drizzle cannot see that through the generic table.
  const input = LISTING_INPUTS[spec.entity] as unknown as { create: ZodType<T['$inferInsert']>; patch: ZodType<Partial<T['$inferInsert']>> };
  const param = validate('param', idParamObject);

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      return c.json(await ctx.db.select().from(table).where(eq(table.enterpriseId, enterpriseId)).orderBy(desc(table.updatedAt)));
    })
    .post('/', validate('json', input.create), async (c) => {
      const scope = portalScope(ctx, c);
      const values = { ...c.req.valid('json'), enterpriseId: scope.enterpriseId };
      const [row] = await ctx.db.insert(table).values(values).returning();
      await scope.changed(`${spec.entity}.create`, spec.entity, row!.id, 'listings');
      return c.json(row, 201);
    })
    .get('/:id', param, async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      const [row] = await ctx.db.select().from(table).where(owned(enterpriseId, c.req.valid('param').id));
      if (!row) throw notOwned(spec.noun);
      return c.json(row);
    })
    .patch('/:id', param, validate('json', input.patch), async (c) => {
      const scope = portalScope(ctx, c);
      const patch = requireChanges(c.req.valid('json') as object) as never;
      const [stored] = await ctx.db.select().from(table).where(owned(scope.enterpriseId, c.req.valid('param').id));
      if (!stored) throw notOwned(spec.noun);
      // The listing as it will be, not the patch alone: e.g. a minimum salary set above the stored maximum.
      assertMergedRecord(stored as Record<string, unknown>, patch, LISTING_RECORD_RULES[spec.entity]);
      const [row] = await ctx.db.update(table).set(patch).where(owned(scope.enterpriseId, stored.id)).returning();
      if (!row) throw notOwned(spec.noun);
      await scope.changed(`${spec.entity}.update`, spec.entity, row.id, 'listings', { fields: Object.keys(patch as object) });
      return c.json(row);
    })
    .delete('/:id', param, async (c) => {
      const scope = portalScope(ctx, c);
      const [row] = await ctx.db.delete(table).where(owned(scope.enterpriseId, c.req.valid('param').id)).returning({ id: table.id });
      if (!row) throw notOwned(spec.noun);
      await scope.changed(`${spec.entity}.delete`, spec.entity, row.id, 'listings');
      return c.json({ ok: true });
    });
}

export function portalProductRoutes(ctx: AppContext) {
  return listingRoutes(ctx, { table: products, entity: 'product', noun: { zh: '产品', en: 'product' } });
}

export function portalJobRoutes(ctx: AppContext) {
  return listingRoutes(ctx, { table: jobs, entity: 'job', noun: { zh: '岗位', en: 'job' } });
}

export function portalProjectRoutes(ctx: AppContext) {
  return listingRoutes(ctx, { table: investmentProjects, entity: 'project', noun: { zh: '招商项目', en: 'project' } });
}
