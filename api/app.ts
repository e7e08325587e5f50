import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { clientIpOf, csrfProtection, sessionMiddleware } from './auth/middleware.ts';
import { limitBodies } from './edge/body-limits.ts';
import { unmatchedRoute, type RouteEntry } from './edge/methods.ts';
import type { AppContext, AppEnv } from './context.ts';
import { notFound, onError } from './lib/on-error.ts';
import { authRoutes } from './auth/routes.ts';
import { eventRoutes } from './public/routes/events.ts';
import { hallRoutes } from './public/routes/halls.ts';
import { healthRoutes } from './public/routes/health.ts';
import { panoramaUploadRoutes } from './portal/routes/panorama-uploads.ts';
import { portalRoutes } from './portal/routes/portal.ts';
import { adminRoutes } from './admin/routes.ts';
import { suggestRoutes } from './public/routes/suggest.ts';
import { publicReportRoutes } from './public/routes/reports.ts';
import { verifyRoutes } from './public/routes/verify.ts';
import { publicSelectionRoutes } from './public/routes/selection.ts';

/** The API app, mounted at /api by the site's fetch entry; tests call `createApi(ctx).request()` directly. */
export function createApi(ctx: AppContext) {
  let routes: readonly RouteEntry[] = [];
  const app = new Hono<AppEnv>()
    // The site pipeline (api/edge/pipeline.ts) sets the full header set; these keep in-process callers safe too.
    .use(secureHeaders({ referrerPolicy: 'strict-origin-when-cross-origin', strictTransportSecurity: false }))
    .use(async (c, next) => {
      c.set('clientIp', clientIpOf(c.req.raw));
      await next();
    })
    .use(limitBodies())
    .use(sessionMiddleware(ctx))
    .use(csrfProtection(ctx.config))
    .route('/health', healthRoutes(ctx))
    .route('/halls', hallRoutes(ctx))
    .route('/events', eventRoutes(ctx))
    .route('/suggest', suggestRoutes(ctx))
    .route('/reports', publicReportRoutes(ctx))
    .route('/verify', verifyRoutes(ctx))
    .route('/selection', publicSelectionRoutes(ctx))
    .route('/auth', authRoutes(ctx))
    .route('/', panoramaUploadRoutes(ctx))
    .route('/portal', portalRoutes(ctx))
    .route('/admin', adminRoutes(ctx))
    .all('*', unmatchedRoute(() => routes, notFound))
    .onError(onError);
  routes = app.routes;
  return app;
}

export type ApiApp = ReturnType<typeof createApi>;
