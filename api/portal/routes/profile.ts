import { eq, sql } from 'drizzle-orm';
import { diff, recordChange } from '../../admin/register/history.ts';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../context.ts';
import { enterprises, users } from '../../db/schema/index.ts';
import { optionalEmail, optionalHttpUrl, optionalPhone, optionalText, plainText } from '../../lib/fields.ts';
import { requireChanges } from '../../lib/patch.ts';
import { validate } from '../../lib/validate.ts';
import { portalScope } from '../scope.ts';

/** What a firm edits itself; name, credit code, county and industry are the bureau's register. */
const profilePatch = z
  .object({
    nameEn: optionalText(120),
    intro: plainText(5000),
    introEn: optionalText(8000),
    address: optionalText(200),
    website: optionalHttpUrl,
    contactName: optionalText(40),
    contactPhone: optionalPhone,
    contactEmail: optionalEmail,
  })
  .partial();

export function portalProfileRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      const [firm] = await ctx.db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
      return c.json(firm);
    })
    .patch('/', validate('json', profilePatch), async (c) => {
      const scope = portalScope(ctx, c);
      const patch = requireChanges(c.req.valid('json'));
      // One record, two editors: the bureau's register and the firm. Every save bumps the version and leaves
      // field-level history (before → after) in the same transaction.
      const firm = await ctx.db.transaction(async (tx) => {
        const [current] = await tx.select().from(enterprises).where(eq(enterprises.id, scope.enterpriseId));
        const changes = diff(current!, patch);
        if (Object.keys(changes).length === 0) return current!;
        const [saved] = await tx
          .update(enterprises)
          .set({ ...patch, version: sql`${enterprises.version} + 1` })
          .where(eq(enterprises.id, scope.enterpriseId))
          .returning();
        await recordChange(tx, { userId: scope.auth.user.id, source: 'firm', ip: c.get('clientIp') }, { enterpriseId: scope.enterpriseId, entity: 'enterprise', entityId: scope.enterpriseId, action: 'enterprise.update', changes });
        return saved!;
      });
      ctx.live.publish(scope.enterpriseId, 'profile');
      return c.json(firm);
    })
    .get('/users', async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      return c.json(
        await ctx.db
          .select({ id: users.id, displayName: users.displayName, email: users.email })
          .from(users)
          .where(eq(users.enterpriseId, enterpriseId)),
      );
    });
}
