import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppContext } from './context.ts';
import { notFound, onError } from './lib/on-error.ts';
import { hallRoutes } from './routes/halls.ts';
import { healthRoutes } from './routes/health.ts';

/** The API app, mounted at /api by the site's fetch entry; tests call `createApi(ctx).request()` directly. */
export function createApi(ctx: AppContext) {
  return new Hono()
    .use(secureHeaders())
    .route('/health', healthRoutes(ctx))
    .route('/halls', hallRoutes(ctx))
    .all('*', notFound)
    .onError(onError);
}

export type ApiApp = ReturnType<typeof createApi>;
