import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { planTargets, plans, type Plan } from '../../db/schema/index.ts';
import type { County } from '../../domain/program.ts';
import type { Message } from '../../lib/errors.ts';
import { AppError } from '../../lib/errors.ts';
import { INDICATORS, indicatorOf } from './indicators/index.ts';
import { tallyRows } from './indicators/tally.ts';
import { indicatorRows } from './indicators/memo.ts';
import type { IndicatorSection, IndicatorUnit } from './indicators/types.ts';

/** Progress of one indicator against its target, as the dashboard, the API and the report show it. */
export interface TargetProgress {
  indicator: string;
  section: IndicatorSection;
  unit: IndicatorUnit;
  drillKind: 'firms' | 'teams' | 'people';
  name: Message;
  rule: Message;
  /** The plan's number for the whole period (of the area when one is asked for); null when the plan sets none. */
  target: number | null;
  /** Counted in the window: the whole plan, or the one year asked for. */
  actual: number;
  /** From the plan's first year to the year asked for (the whole plan without a year). */
  cumulative: number;
  byCounty: Partial<Record<County, number>>;
  /** Area targets where the plan splits this one. */
  countyTargets: Partial<Record<County, number>>;
  byYear: Record<number, number>;
}

/** Plans, newest period first. */
export function listPlans(db: DbLike): Promise<Plan[]> {
  return db.select().from(plans).orderBy(desc(plans.startYear), asc(plans.id));
}

/**
 * The plan of an id, or (no id) the plan whose years contain `year`, else the newest. 404 for an unknown id or when
 * no plan exists.
 */
export async function resolvePlan(db: DbLike, id?: number, year?: number): Promise<Plan> {
  const all = await listPlans(db);
  const plan = id !== undefined ? all.find((p) => p.id === id) : (year !== undefined ? all.find((p) => p.startYear <= year && year <= p.endYear) : undefined) ?? all[0];
  if (!plan) throw new AppError(404, 'no_plan', { zh: '尚未设定培育规划', en: 'No plan has been set up' });
  return plan;
}

/**
 * Progress of every indicator of the registry for a plan, optionally for one year of it and one area. Indicators the
 * plan names but the registry lacks are left out (their modules arrive with their issues). 400 when `year` lies
 * outside the plan. `fresh` skips the memo of heavy counters (reports are computed from the data as it is now).
 */
export async function targetProgress(db: DbLike, plan: Plan, q: { year?: number; county?: County } = {}, opts: { fresh?: boolean } = {}): Promise<TargetProgress[]> {
  if (q.year !== undefined && (q.year < plan.startYear || q.year > plan.endYear)) {
    throw new AppError(400, 'year_outside_plan', {
      zh: `年度须在规划期 ${plan.startYear}–${plan.endYear} 内`,
      en: `The year must lie within the plan, ${plan.startYear}–${plan.endYear}`,
    });
  }
  const targets = await db.select().from(planTargets).where(eq(planTargets.planId, plan.id));
  const window = { startYear: plan.startYear, endYear: plan.endYear };
  const out: TargetProgress[] = [];
  for (const indicator of INDICATORS) {
    const rows = await indicatorRows(db, indicator, window, opts.fresh);
    const now = tallyRows(rows, { ...window, ...q }, indicator.weighted);
    const upTo = q.year === undefined ? now : tallyRows(rows, { startYear: plan.startYear, endYear: q.year, county: q.county }, indicator.weighted);
    const mine = targets.filter((t) => t.indicator === indicator.code);
    const city = mine.find((t) => t.county === null);
    const countyTargets: Partial<Record<County, number>> = {};
    for (const t of mine) if (t.county) countyTargets[t.county] = t.target;
    out.push({
      indicator: indicator.code,
      section: indicator.section,
      unit: indicator.unit,
      drillKind: indicator.drillKind,
      name: indicator.names,
      rule: indicator.rule,
      target: q.county ? (countyTargets[q.county] ?? null) : (city?.target ?? null),
      actual: now.actual,
      cumulative: upTo.actual,
      byCounty: now.byCounty,
      countyTargets,
      byYear: now.byYear,
    });
  }
  return out;
}

/** The ids one indicator counts in a window (for the drill-down); 404 for an unknown indicator. */
export async function indicatorDrill(db: DbLike, plan: Plan, code: string, q: { year?: number; county?: County } = {}) {
  const indicator = indicatorOf(code);
  if (!indicator) throw new AppError(404, 'no_indicator', { zh: '没有该指标', en: 'No such indicator' });
  const rows = await indicatorRows(db, indicator, { startYear: plan.startYear, endYear: plan.endYear });
  return { indicator, ids: tallyRows(rows, { startYear: plan.startYear, endYear: plan.endYear, ...q }, indicator.weighted).drill };
}

/** Targets of a plan that no module of the registry counts yet (listed on the dashboard as "counted later"). */
export async function uncountedTargets(db: DbLike, plan: Plan) {
  const rows = await db.select().from(planTargets).where(and(eq(planTargets.planId, plan.id), isNull(planTargets.county)));
  return rows.filter((t) => !indicatorOf(t.indicator));
}
