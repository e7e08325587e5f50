import { Hono } from 'hono';
import { portalAttachmentRoutes } from '../../attachments/routes.ts';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../context.ts';
import { validate } from '../../lib/validate.ts';
import { hallAnalytics } from '../analytics.ts';
import { portalScope } from '../scope.ts';
import { portalHallRoutes } from './hall.ts';
import { portalLeadRoutes } from './leads.ts';
import { portalJobRoutes, portalProductRoutes, portalProjectRoutes } from './listings.ts';
import { portalProductPhotoRoutes } from './product-photos.ts';
import { portalProfileRoutes } from './profile.ts';
import { portalYearRoutes } from './years.ts';
import { portalPolicyRoutes } from './policies.ts';
import { portalSelectionRoutes } from './selection.ts';
import { portalConsentRoutes, portalRequestRoutes } from './requests.ts';

/**
 * The enterprise portal's API, all under /api/portal/enterprises/:enterpriseId/…: every route checks that the
 * signed-in user may act for that enterprise, and every object id is looked up inside it.
 */
export function portalRoutes(ctx: AppContext) {
  const base = '/enterprises/:enterpriseId';
  return new Hono<AppEnv>()
    // Access is checked before anything else, so a stranger learns nothing, not even which input is valid.
    .use(`${base}/*`, async (c, next) => {
      portalScope(ctx, c);
      await next();
    })
    .route(`${base}/profile`, portalProfileRoutes(ctx))
    .route(`${base}/hall`, portalHallRoutes(ctx))
    .route(`${base}/products/:productId/photos`, portalProductPhotoRoutes(ctx))
    .route(`${base}/products`, portalProductRoutes(ctx))
    .route(`${base}/jobs`, portalJobRoutes(ctx))
    .route(`${base}/projects`, portalProjectRoutes(ctx))
    .route(`${base}/leads`, portalLeadRoutes(ctx))
    .route(`${base}/selection`, portalSelectionRoutes(ctx))
    .route(`${base}/attachments`, portalAttachmentRoutes(ctx))
    .route(`${base}/requests`, portalRequestRoutes(ctx))
    .route(base, portalConsentRoutes(ctx))
    .route(base, portalYearRoutes(ctx))
    .route(base, portalPolicyRoutes(ctx))
    .get(`${base}/analytics`, validate('query', z.object({ days: z.coerce.number().int().min(1).max(365).default(30) })), async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      return c.json(await hallAnalytics(ctx.db, enterpriseId, c.req.valid('query').days));
    });
}
