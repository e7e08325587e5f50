import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.ts';
import { requireStaff } from './scope.ts';
import { importRoutes } from './register/imports/routes.ts';

/**
 * The bureau's workspace API under /api/admin: every route requires a staff account (401 anonymous, 403 for firm
 * users); what each role may see is decided in the queries (`firmScope`), not here.
 */
export function adminRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .use('*', async (c, next) => {
      requireStaff(c);
      c.header('Cache-Control', 'private, no-store');
      await next();
    })
    .route('/imports', importRoutes(ctx));
}
