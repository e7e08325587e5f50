import { and, between, count, eq, sql } from 'drizzle-orm';
import type { DbLike } from '../../db/client.ts';
import { cohortSelections, cohorts, halls, type Plan, type ReportKind, type ReportSections } from '../../db/schema/index.ts';
import { targetProgress, uncountedTargets, type TargetProgress } from '../targets/progress.ts';
import { serviceFigures, type ServiceFigures } from '../targets/service-figures.ts';
import { todayInChina } from '../../lib/dates.ts';

/** Halls of one cohort: firms selected, and of them with a published hall. */
export interface CohortHalls {
  year: number;
  selected: number;
  published: number;
}

/**
 * A report as frozen at publication: every figure (no ids, no per-person rows) and the written sections. Published
 * snapshots are never recomputed, so later data changes do not alter them.
 */
export interface ReportSnapshot {
  kind: ReportKind;
  /** The evaluated year (annual) or the plan's last year (overall). */
  year: number;
  plan: Pick<Plan, 'id' | 'code' | 'name' | 'nameEn' | 'startYear' | 'endYear'>;
  /** ISO timestamp of when the figures were computed. */
  computedAt: string;
  items: TargetProgress[];
  /** Targets of the plan whose indicator has no counting module yet (figures follow with their issues). */
  uncounted: { indicator: string; target: number }[];
  cohorts: CohortHalls[];
  /** The services' quality in the year (annual) or the plan (overall); absent in snapshots published before it existed. */
  services?: ServiceFigures;
  sections: ReportSections;
}

/** Empty written sections (a draft not yet written). */
export const EMPTY_SECTIONS: ReportSections = { highlights: '', cases: '', problems: '', nextSteps: '' };

/** Firms selected and halls published per cohort year in `from..to`. */
export async function cohortHalls(db: DbLike, from: number, to: number): Promise<CohortHalls[]> {
  const rows = await db
    .select({
      year: cohorts.year,
      selected: count(),
      published: sql<number>`sum(case when ${halls.status} = 'published' then 1 else 0 end)`,
    })
    .from(cohortSelections)
    .innerJoin(cohorts, eq(cohorts.id, cohortSelections.cohortId))
    .leftJoin(halls, eq(halls.enterpriseId, cohortSelections.enterpriseId))
    .where(and(between(cohorts.year, from, to)))
    .groupBy(cohorts.year)
    .orderBy(cohorts.year);
  return rows.map((r) => ({ year: r.year, selected: r.selected, published: Number(r.published ?? 0) }));
}

/**
 * Computes a report's figures now. Annual: the year's actuals and the cumulative progress since the plan's start;
 * overall (总体评价): the whole plan. Both cover the whole city (reports are the bureau's, not an area's).
 */
export async function buildSnapshot(db: DbLike, kind: ReportKind, year: number, plan: Plan, sections: ReportSections, now = new Date()): Promise<ReportSnapshot> {
  const items = await targetProgress(db, plan, kind === 'annual' ? { year } : {}, { fresh: true });
  const uncounted = (await uncountedTargets(db, plan)).map((t) => ({ indicator: t.indicator, target: t.target }));
  return {
    kind,
    year,
    plan: { id: plan.id, code: plan.code, name: plan.name, nameEn: plan.nameEn, startYear: plan.startYear, endYear: plan.endYear },
    computedAt: now.toISOString(),
    items,
    uncounted,
    cohorts: await cohortHalls(db, plan.startYear, kind === 'annual' ? year : plan.endYear),
    services: await serviceFigures(db, { startYear: plan.startYear, endYear: plan.endYear, ...(kind === 'annual' ? { year } : {}) }, todayInChina(now), true),
    sections,
  };
}
