import { astro } from 'astro/hono';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { createApi } from '../api/app.ts';
import { mediaRoutes } from '../api/media/routes.ts';
import { runtime } from '../api/runtime.ts';

// The request pipeline of the one server: the JSON API, immutable media, then Astro's pages.
const ctx = await runtime();

export default new Hono()
  // Pages and JSON go out gzip-compressed; event streams and images are left alone.
  .use(compress())
  .route('/api', createApi(ctx))
  .route('/media', mediaRoutes(ctx))
  .use(astro());
