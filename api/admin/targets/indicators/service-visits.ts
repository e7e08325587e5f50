import { and, eq, isNull, sql } from 'drizzle-orm';
import { enterprises, serviceVisits } from '../../../db/schema/index.ts';
import type { County } from '../../../domain/program.ts';
import type { Indicator } from './types.ts';

/**
 * Visits made by the service teams (非请勿扰: only to firms that asked or consented, api/admin/services/visits.ts):
 * logged visits with status done, summed per firm and year of the visit date.
 */
export const serviceVisitsDone: Indicator = {
  code: 'service_visits',
  section: 'services',
  unit: 'visits',
  drillKind: 'firms',
  weighted: true,
  // Scans every visit (~35 ms for 20,000, bench:admin): the dashboard may show figures up to a minute old.
  cacheMs: 60_000,
  names: { zh: '上门服务次数', en: 'Service visits made' },
  rule: {
    zh: '服务团已完成并登记的上门走访次数（仅限提出诉求或同意走访的企业），按走访日期所在年度汇总。',
    en: 'Visits the service teams made and logged as done (only to firms that asked or consented), summed by the year of the visit date.',
  },
  async rows(db, w) {
    const year = sql<number>`cast(substr(${serviceVisits.date}, 1, 4) as integer)`;
    const rows = await db
      .select({ id: enterprises.id, county: enterprises.county, year, weight: sql<number>`count(*)` })
      .from(serviceVisits)
      .innerJoin(enterprises, eq(enterprises.id, serviceVisits.enterpriseId))
      .where(and(eq(serviceVisits.status, 'done'), isNull(enterprises.deletedAt), sql`${serviceVisits.date} between ${`${w.startYear}-01-01`} and ${`${w.endYear}-12-31`}`))
      .groupBy(enterprises.id, year);
    return rows.map((r) => ({ id: r.id, county: r.county as County, year: Number(r.year), weight: Number(r.weight) }));
  },
};
