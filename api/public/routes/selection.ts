import { Hono } from 'hono';
import { z } from 'zod';
import { objectionBody, publicNotices, recordObjection } from '../../admin/selection/notice.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { enforceRateLimit, RateLimiter } from '../../lib/rate-limit.ts';
import { validate } from '../../lib/validate.ts';

/**
 * The public side of the yearly selection: GET /api/selection/:year (the notices of the year's rounds: proposed
 * list during the 公示, then the final list) and POST /api/selection/objections (an objection during the 公示;
 * 5 per 10 minutes and 20 a day per address).
 */
export function publicSelectionRoutes(ctx: AppContext) {
  const limiter = new RateLimiter(ctx.db, 'selection-objection', { max: 5, windowMs: 10 * 60_000 }, { max: 20, windowMs: 86_400_000 });
  return new Hono<AppEnv>()
    .get('/:year', validate('param', z.object({ year: z.coerce.number().int().min(2000).max(2100) })), async (c) => {
      return c.json({ items: await publicNotices(ctx.db, c.req.valid('param').year) });
    })
    .post('/objections', validate('json', objectionBody), async (c) => {
      await enforceRateLimit(limiter, c.get('clientIp'));
      const row = await recordObjection(ctx.db, c.req.valid('json'));
      return c.json({ id: row.id, message: { zh: '异议已收到，我们将在公示期结束前核实处理', en: 'Objection received; it will be looked into before the notice ends' } }, 201);
    });
}
