import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../context.ts';
import { securityEvents } from '../../db/schema/index.ts';
import { requireAuth } from '../../auth/middleware.ts';
import { AppError } from '../../lib/errors.ts';
import { validate } from '../../lib/validate.ts';

export const SECURITY_EVENTS_PAGE_SIZE = 50;

const listQuery = z.object({
  type: z
    .string()
    .regex(/^[a-z_]{1,40}$/, '事件类型格式不正确 (malformed event type)')
    .optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});

/**
 * The security log for the bureau (OWASP ASVS 5.0 V16.4): `GET /api/admin/security-events?type=&page=`, newest
 * first, 50 a page → `{ events: [{ id, at, type, userId, ip, route, detail }], page, pageSize, total }`.
 * Roles bureau and admin only (403 for everyone else, 401 signed out).
 */
export function securityAdminRoutes(ctx: AppContext) {
  return new Hono<AppEnv>().get('/security-events', validate('query', listQuery), async (c) => {
    const { user } = requireAuth(c);
    if (user.role !== 'bureau' && user.role !== 'admin') {
      throw new AppError(403, 'forbidden', { zh: '仅市局工作人员可查看安全日志', en: 'Only bureau staff may read the security log' });
    }
    const { type, page } = c.req.valid('query');
    const where: SQL | undefined = type ? and(eq(securityEvents.type, type)) : undefined;
    const [events, [total]] = await Promise.all([
      ctx.db
        .select()
        .from(securityEvents)
        .where(where)
        .orderBy(desc(securityEvents.at), desc(securityEvents.id))
        .limit(SECURITY_EVENTS_PAGE_SIZE)
        .offset((page - 1) * SECURITY_EVENTS_PAGE_SIZE),
      ctx.db.select({ n: count() }).from(securityEvents).where(where),
    ]);
    c.header('Cache-Control', 'no-store');
    return c.json({ events, page, pageSize: SECURITY_EVENTS_PAGE_SIZE, total: total?.n ?? 0 });
  });
}
