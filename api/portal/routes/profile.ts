import { eq } from 'drizzle-orm';
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
      const [firm] = await ctx.db.update(enterprises).set(patch).where(eq(enterprises.id, scope.enterpriseId)).returning();
      await scope.changed('profile.update', 'enterprise', scope.enterpriseId, 'profile', { fields: Object.keys(patch) });
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
