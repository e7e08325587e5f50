import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../../context.ts';
import { enterprises, serviceTeams, trainees } from '../../db/schema/index.ts';
import { COUNTIES, type County } from '../../domain/program.ts';
import { todayInChina } from '../../lib/dates.ts';
import { idParam } from '../../lib/fields.ts';
import { tableXlsx } from '../../lib/table-export.ts';
import { validate } from '../../lib/validate.ts';
import { liveFirms, requireStaff, type ScopeActor } from '../scope.ts';
import { indicatorDrill, listPlans, resolvePlan, targetProgress, uncountedTargets } from './progress.ts';
import { serviceFigures } from './service-figures.ts';
import { countiesTable, targetsTable, yearsTable } from './tables.ts';
import { createPlan, planInput, planTargetsOf } from './plans.ts';

/** Who may read targets: the bureau and administrators (whole city), county officers (their area). */
export const TARGET_ROLES = ['county', 'bureau', 'admin'] as const;

const targetQuery = z.object({
  plan: idParam.optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  county: z.enum(COUNTIES).optional(),
});

/** A county officer only ever sees their own area, whatever the query asks. */
export function scopedCounty(actor: ScopeActor, asked: County | undefined): County | undefined {
  return actor.role === 'county' ? (actor.county ?? undefined) : asked;
}

/**
 * Plans and targets under /api/admin/targets: progress of every indicator and the service figures
 * (`GET /?plan=&year=&county=` → `{ plan, items, uncounted, services }`), the plans
 * (a new period is `POST /plans` with its targets — data, no code), a drill-down to what one indicator counts, and the dashboard tables as XLSX.
 */
export function targetRoutes(ctx: AppContext) {
  return new Hono<AppEnv>()
    .get('/', validate('query', targetQuery), async (c) => {
      const user = requireStaff(c, TARGET_ROLES);
      const q = c.req.valid('query');
      const plan = await resolvePlan(ctx.db, q.plan, q.year);
      const items = await targetProgress(ctx.db, plan, { year: q.year, county: scopedCounty(user, q.county) });
      const uncounted = (await uncountedTargets(ctx.db, plan)).map((t) => ({ indicator: t.indicator, target: t.target }));
      const services = await serviceFigures(ctx.db, { startYear: plan.startYear, endYear: plan.endYear, year: q.year, county: scopedCounty(user, q.county) }, todayInChina());
      return c.json({ plan, items, uncounted, services });
    })
    .get('/plans', async (c) => {
      requireStaff(c, TARGET_ROLES);
      return c.json({ items: await listPlans(ctx.db) });
    })
    .post('/plans', validate('json', planInput), async (c) => {
      requireStaff(c, ['bureau', 'admin']);
      const plan = await ctx.db.transaction((tx) => createPlan(tx, c.req.valid('json')));
      return c.json({ plan, targets: await planTargetsOf(ctx.db, plan.id) }, 201);
    })
    .get('/export', validate('query', targetQuery.extend({ table: z.enum(['targets', 'counties', 'years']).default('targets'), lang: z.enum(['zh', 'en']).default('zh') })), async (c) => {
      const user = requireStaff(c, TARGET_ROLES);
      const q = c.req.valid('query');
      const plan = await resolvePlan(ctx.db, q.plan, q.year);
      const items = await targetProgress(ctx.db, plan, { year: q.year, county: scopedCounty(user, q.county) });
      const years = Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i);
      const table = q.table === 'targets' ? targetsTable(items, q.lang, true) : q.table === 'counties' ? countiesTable(items, q.lang, 0, user.role === 'county' ? user.county : null) : yearsTable(items, years, q.lang);
      const name = `targets-${plan.code}-${q.table}-${todayInChina()}.xlsx`;
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('Content-Disposition', `attachment; filename="${name}"`);
      return c.body(new Uint8Array(await tableXlsx(table.columns, table.rows)));
    })
    .get('/:indicator/drill', validate('param', z.object({ indicator: z.string().regex(/^[a-z_]{1,60}$/) })), validate('query', targetQuery), async (c) => {
      const user = requireStaff(c, TARGET_ROLES);
      const q = c.req.valid('query');
      const plan = await resolvePlan(ctx.db, q.plan, q.year);
      const { indicator, ids } = await indicatorDrill(ctx.db, plan, c.req.valid('param').indicator, { year: q.year, county: scopedCounty(user, q.county) });
      if (indicator.drillKind === 'teams') {
        const teams = ids.length ? await ctx.db.select({ id: serviceTeams.id, name: serviceTeams.name }).from(serviceTeams).where(sql`${serviceTeams.id} in (select value from json_each(${JSON.stringify(ids)}))`) : [];
        return c.json({ plan, indicator: indicator.code, kind: 'teams' as const, items: teams.map((t) => ({ id: t.id, name: t.name, county: null })) });
      }
      if (indicator.drillKind === 'people') {
        // The ids were counted within the actor's area already (scopedCounty); a person is shown with the firm they
        // last trained for, never with their mobile number.
        const people = ids.length
          ? await ctx.db
              .select({ id: trainees.id, name: trainees.name, firm: enterprises.name, county: enterprises.county })
              .from(trainees)
              .leftJoin(enterprises, eq(enterprises.id, trainees.enterpriseId))
              .where(sql`${trainees.id} in (select value from json_each(${JSON.stringify(ids)}))`)
              .orderBy(enterprises.county, trainees.name)
          : [];
        return c.json({ plan, indicator: indicator.code, kind: 'people' as const, items: people.map((p) => ({ id: p.id, name: p.firm ? `${p.name}（${p.firm}）` : p.name, county: p.county })) });
      }
      const firms = ids.length
        ? await ctx.db
            .select({ id: enterprises.id, name: enterprises.name, county: enterprises.county })
            .from(enterprises)
            // One JSON parameter, never a bound variable per id (thousands of firms in a drill).
            .where(and(liveFirms(user), sql`${enterprises.id} in (select value from json_each(${JSON.stringify(ids)}))`))
            .orderBy(enterprises.county, enterprises.name)
        : [];
      return c.json({ plan, indicator: indicator.code, kind: 'firms' as const, items: firms });
    });
}

