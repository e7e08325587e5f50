import { asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { preEvaluationQuery } from '../../admin/register/routes/enterprises.ts';
import { preEvaluateFirm } from '../../admin/register/pre-evaluations.ts';
import { completedYear, yearFigures } from '../../admin/register/schemas.ts';
import { saveYearIn } from '../../admin/register/writes.ts';
import type { AppContext, AppEnv } from '../../context.ts';
import { enterpriseYears } from '../../db/schema/index.ts';
import { todayInChina } from '../../lib/dates.ts';
import { validate } from '../../lib/validate.ts';
import { portalScope } from '../scope.ts';

/** What a firm reports itself: every yearly figure but the official platform's score (the bureau imports that). */
export const firmYearSave = yearFigures
  .omit({ officialScore: true, officialScoreRule: true })
  .partial()
  .extend({ version: z.number().int().min(1).optional() })
  .strict();

/**
 * The firm's one yearly form ("fill once"): GET lists its years and the form for last year, pre-filled from the
 * previous year when last year is new; PUT saves a year (409 when the bureau or a colleague saved in between);
 * the pre-evaluation shows the firm what it would take to reach each title.
 */
export function portalYearRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/years', async (c) => {
      const { enterpriseId } = portalScope(ctx, c);
      const years = await ctx.db.select().from(enterpriseYears).where(eq(enterpriseYears.enterpriseId, enterpriseId)).orderBy(asc(enterpriseYears.fiscalYear));
      const lastYear = Number(todayInChina().slice(0, 4)) - 1;
      const current = years.find((y) => y.fiscalYear === lastYear) ?? null;
      const previous = [...years].reverse().find((y) => y.fiscalYear < lastYear) ?? null;
      return c.json({ lastYear, years, form: current ?? { ...(previous ?? {}), fiscalYear: lastYear, version: null, prefilledFrom: previous?.fiscalYear ?? null } });
    })
    .put('/years/:year', validate('json', firmYearSave), async (c) => {
      const scope = portalScope(ctx, c);
      const year = completedYear(c.req.param('year'), todayInChina());
      const { version, ...figures } = c.req.valid('json');
      const saved = await ctx.db.transaction((tx) =>
        saveYearIn(tx, scope.auth.user, scope.enterpriseId, year, figures, version, { userId: scope.auth.user.id, source: 'firm', ip: c.get('clientIp') }),
      );
      return c.json(saved);
    })
    .get('/pre-evaluation', validate('query', preEvaluationQuery), async (c) => {
      const scope = portalScope(ctx, c);
      const { year, ruleset } = c.req.valid('query');
      return c.json(await preEvaluateFirm(ctx.db, scope.auth.user, scope.enterpriseId, todayInChina(), { year, ruleset }));
    });
}
