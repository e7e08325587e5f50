import type { Context } from 'hono';
import { audit } from '../auth/audit.ts';
import { requireEnterpriseAccess } from '../auth/middleware.ts';
import type { Auth } from '../auth/sessions.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { AppError } from '../lib/errors.ts';
import { idParam } from '../lib/fields.ts';
import type { HallChange } from '../live/hub.ts';

export interface PortalScope {
  enterpriseId: number;
  auth: Auth;
  /** Records the change in the audit log and tells open viewers of this hall. */
  changed(action: string, entity: string, entityId: number | string, what: HallChange['what'] | null, detail?: Record<string, unknown>): Promise<void>;
}

/** The enterprise in the path, checked against the signed-in user on every request. */
export function portalScope(ctx: AppContext, c: Context<AppEnv>): PortalScope {
  const parsed = idParam.safeParse(c.req.param('enterpriseId'));
  if (!parsed.success) throw new AppError(404, 'not_found', { zh: '找不到该企业', en: 'No such enterprise' });
  const enterpriseId = parsed.data;
  const auth = requireEnterpriseAccess(c, enterpriseId);
  return {
    enterpriseId,
    auth,
    async changed(action, entity, entityId, what, detail) {
      await audit(ctx.db, { userId: auth.user.id, enterpriseId, action, entity, entityId, detail, ip: c.get('clientIp') });
      if (what) ctx.live.publish(enterpriseId, what);
    },
  };
}

/** 404 for an id that is not this enterprise's: never reveal whether another firm's id exists. */
export function notOwned(entity: { zh: string; en: string }): AppError {
  return new AppError(404, 'not_found', { zh: `找不到该${entity.zh}`, en: `No such ${entity.en}` });
}
