import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { csrfProtection, sessionMiddleware } from './auth/middleware.ts';
import type { AppContext, AppEnv } from './context.ts';
import { notFound, onError } from './lib/on-error.ts';
import { authRoutes } from './auth/routes.ts';
import { securityAdminRoutes } from './admin/security/routes.ts';
import { eventRoutes } from './public/routes/events.ts';
import { hallRoutes } from './public/routes/halls.ts';
import { healthRoutes } from './public/routes/health.ts';
import { panoramaUploadRoutes } from './portal/routes/panorama-uploads.ts';
import { portalRoutes } from './portal/routes/portal.ts';

/** The API app, mounted at /api by the site's fetch entry; tests call `createApi(ctx).request()` directly. */
export function createApi(ctx: AppContext) {
  return new Hono<AppEnv>()
    .use(secureHeaders())
    .use(sessionMiddleware(ctx))
    .use(csrfProtection())
    .route('/health', healthRoutes(ctx))
    .route('/halls', hallRoutes(ctx))
    .route('/events', eventRoutes(ctx))
    .route('/auth', authRoutes(ctx))
    .route('/', panoramaUploadRoutes(ctx))
    .route('/portal', portalRoutes(ctx))
    .route('/admin', securityAdminRoutes(ctx))
    .all('*', notFound)
    .onError(onError);
}

export type ApiApp = ReturnType<typeof createApi>;
