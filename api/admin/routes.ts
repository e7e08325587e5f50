import { Hono } from 'hono';
import type { AppContext, AppEnv } from '../context.ts';
import { enterpriseRoutes, titleRoutes } from './register/routes/enterprises.ts';
import { trashRoutes, viewRoutes } from './register/routes/views.ts';
import { requireStaff } from './scope.ts';
import { staffRoutes } from './staff/routes.ts';
import { selectionRoutes } from './selection/routes.ts';
import { securityAdminRoutes } from './security/routes.ts';
import { importRoutes } from './register/imports/routes.ts';
import { trainingRoutes } from './training/routes.ts';
import { outcomeRoutes } from './outcomes/routes.ts';
import { adminAttachmentRoutes } from '../attachments/routes.ts';
import { targetRoutes } from './targets/routes.ts';
import { reportRoutes } from './reports/routes.ts';
import { campaignRoutes } from './campaign/routes.ts';
import { policyRoutes } from './policies/routes.ts';
import { requestRoutes, servicePoolRoutes, visitRoutes } from './services/routes.ts';

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
    .route('/enterprises', enterpriseRoutes(ctx))
    .route('/titles', titleRoutes(ctx))
    .route('/views', viewRoutes(ctx))
    .route('/trash', trashRoutes(ctx))
    .route('/staff', staffRoutes(ctx))
    .route('/imports', importRoutes(ctx))
    .route('/training', trainingRoutes(ctx))
    .route('/outcomes', outcomeRoutes(ctx))
    .route('/requests', requestRoutes(ctx))
    .route('/visits', visitRoutes(ctx))
    .route('/services', servicePoolRoutes(ctx))
    .route('/', adminAttachmentRoutes(ctx))
    .route('/targets', targetRoutes(ctx))
    .route('/reports', reportRoutes(ctx))
    .route('/campaign', campaignRoutes(ctx))
    .route('/policies', policyRoutes(ctx))
    .route('/', selectionRoutes(ctx))
    .route('/', securityAdminRoutes(ctx));
}
