import { and, between, eq, isNull, sql } from 'drizzle-orm';
import { cohortSelections, cohorts, enterprises, halls } from '../../../db/schema/index.ts';
import type { County } from '../../../domain/program.ts';
import type { Indicator } from './types.ts';

/**
 * Halls published by the cohorts (~200 a year, PROGRAM.md): firms selected in a cohort of the plan's years whose
 * hall is published now, each firm once, in its first cohort of the plan.
 */
export const hallsPublished: Indicator = {
  code: 'halls_published',
  section: 'halls',
  unit: 'firms',
  drillKind: 'firms',
  names: { zh: '入选企业已发布展馆', en: 'Cohort firms with a published hall' },
  rule: {
    zh: '规划期各年度入选企业中，线上展馆当前为“已发布”状态的企业数；每家企业只计一次，计入其规划期内首次入选的年度。',
    en: "Firms selected in a cohort of the plan's years whose online hall is currently published; each firm once, in its first cohort of the plan.",
  },
  async rows(db, w) {
    const first = sql<number>`min(${cohorts.year})`;
    const rows = await db
      .select({ id: enterprises.id, county: enterprises.county, year: first })
      .from(cohortSelections)
      .innerJoin(cohorts, eq(cohorts.id, cohortSelections.cohortId))
      .innerJoin(enterprises, eq(enterprises.id, cohortSelections.enterpriseId))
      .innerJoin(halls, eq(halls.enterpriseId, enterprises.id))
      .where(and(between(cohorts.year, w.startYear, w.endYear), eq(halls.status, 'published'), isNull(enterprises.deletedAt)))
      .groupBy(enterprises.id);
    return rows.map((r) => ({ id: r.id, county: r.county as County, year: Number(r.year) }));
  },
};
