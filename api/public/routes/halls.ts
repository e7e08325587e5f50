import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { publishedHall } from '../queries/hall-detail.ts';
import { listPublishedHalls } from '../queries/halls.ts';
import { toViewerScenes } from '../viewer-scenes.ts';
import { AppError } from '../../lib/errors.ts';
import { COUNTIES, COUNTY_NAMES, INDUSTRIES, INDUSTRY_NAMES } from '../../domain/program.ts';
import { validate } from '../../lib/validate.ts';

export const hallListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
  county: z.enum(COUNTIES).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

const slugParam = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) });
const noHall = () => new AppError(404, 'not_found', { zh: '找不到该展馆', en: 'No such hall' });

/** How often an idle live stream sends a comment, so proxies keep it open. */
const HEARTBEAT_MS = 25_000;

/** Public hall directory, a hall's viewer data, and its live-update stream. */
export function hallRoutes(ctx: AppContext) {
  return new Hono()
    .get('/:slug', validate('param', slugParam), validate('query', z.object({ lang: z.enum(['zh', 'en']).default('zh') })), async (c) => {
      const detail = await publishedHall(ctx.db, c.req.valid('param').slug);
      if (!detail) throw noHall();
      c.header('Cache-Control', 'no-cache');
      return c.json({ slug: detail.enterprise.slug, name: detail.enterprise.name, scenes: toViewerScenes(detail.scenes, c.req.valid('query').lang) });
    })
    .get('/:slug/live', validate('param', slugParam), async (c) => {
      const detail = await publishedHall(ctx.db, c.req.valid('param').slug);
      if (!detail) throw noHall();
      return streamSSE(c, async (stream) => {
        // A first line at once: headers go out now, so the browser and proxies know the stream is open.
        await stream.writeSSE({ event: 'ready', data: '{}' });
        await new Promise<void>((resolve) => {
          const unsubscribe = ctx.live.subscribe(detail.enterprise.id, (change) => {
            void stream.writeSSE({ event: 'change', data: JSON.stringify({ what: change.what, at: change.at }) });
          });
          const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n'), HEARTBEAT_MS);
          stream.onAbort(() => {
            clearInterval(heartbeat);
            unsubscribe();
            resolve();
          });
        });
      });
    })
    .get('/', validate('query', hallListQuery), async (c) => {
      const q = c.req.valid('query');
      const { total, items } = await listPublishedHalls(
        ctx.db,
        { county: q.county, industry: q.industry, cohortYear: q.year },
        { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
      );
      return c.json({
        page: q.page,
        pageSize: q.pageSize,
        total,
        items: items.map((h) => ({
          slug: h.slug,
          url: `/halls/${h.slug}`,
          name: h.name,
          nameEn: h.nameEn,
          tagline: h.tagline,
          county: { code: h.county, ...COUNTY_NAMES[h.county] },
          industry: { code: h.industry, ...INDUSTRY_NAMES[h.industry] },
          fictional: h.fictional,
          poster: h.poster,
          tiers: h.tiers,
        })),
      });
    });
}
