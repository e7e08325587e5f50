import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppContext } from '../../context.ts';

/** GET /api/health: the process answers and the database is reachable. */
export function healthRoutes(ctx: AppContext) {
  return new Hono().get('/', async (c) => {
    const started = performance.now();
    await ctx.db.run(sql`select 1`);
    return c.json({ status: 'ok', db: { ok: true, latencyMs: +(performance.now() - started).toFixed(2) } });
  });
}
