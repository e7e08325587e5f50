import { and, between, eq, isNull, sql } from 'drizzle-orm';
import { enterpriseYears, enterprises } from '../../../db/schema/index.ts';
import type { County } from '../../../domain/program.ts';
import type { Indicator } from './types.ts';

/**
 * Firms screened (~1,000 over 2021–2023, PROGRAM.md): live firms of the register with yearly data for a fiscal year
 * of the plan, each firm once, in the first such fiscal year.
 */
export const firmsScreened: Indicator = {
  code: 'firms_screened',
  section: 'register',
  unit: 'firms',
  drillKind: 'firms',
  names: { zh: '摸排企业', en: 'Firms screened' },
  rule: {
    zh: '企业库中有规划期内任一会计年度年度数据的在库企业数，每家企业只计一次，计入其首个有数据的年度。',
    en: 'Live firms of the register with yearly data for a fiscal year within the plan, each firm once, in its first such year.',
  },
  async rows(db, w) {
    const first = sql<number>`min(${enterpriseYears.fiscalYear})`;
    const rows = await db
      .select({ id: enterprises.id, county: enterprises.county, year: first })
      .from(enterpriseYears)
      .innerJoin(enterprises, eq(enterprises.id, enterpriseYears.enterpriseId))
      .where(and(between(enterpriseYears.fiscalYear, w.startYear, w.endYear), isNull(enterprises.deletedAt)))
      .groupBy(enterprises.id);
    return rows.map((r) => ({ id: r.id, county: r.county as County, year: Number(r.year) }));
  },
};
