import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { listPublishedHalls } from '../db/queries/halls.ts';
import { COUNTIES, COUNTY_NAMES, INDUSTRIES, INDUSTRY_NAMES } from '../domain/program.ts';
import { validate } from '../lib/validate.ts';

export const hallListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(24),
  county: z.enum(COUNTIES).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});

/** Public hall directory. */
export function hallRoutes(ctx: AppContext) {
  return new Hono().get('/', validate('query', hallListQuery), async (c) => {
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
