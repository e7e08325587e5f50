import { and, eq, isNull, sql } from 'drizzle-orm';
import { enterprises, visitCounts } from '../../../db/schema/index.ts';
import type { County } from '../../../domain/program.ts';
import type { Indicator } from './types.ts';

/** Visits of halls: the daily hall-view counters of the public analytics, summed per firm and year. */
export const hallVisits: Indicator = {
  code: 'hall_visits',
  section: 'halls',
  unit: 'visits',
  drillKind: 'firms',
  weighted: true,
  // Daily counters over every hall: the scan takes about a second at 10,000 firms (bench:admin), so the dashboard
  // may show figures up to five minutes old; reports count afresh.
  cacheMs: 5 * 60_000,
  names: { zh: '展馆访问量', en: 'Hall visits' },
  rule: {
    zh: '公开站点统计的展馆访问次数（同一访客同一展馆每天计一次），按访问日期（北京时间）所在年度汇总。',
    en: 'Hall views counted by the public site (one per visitor, hall and day), summed by the year of the visit (China time).',
  },
  async rows(db, w) {
    const year = sql<number>`cast(substr(${visitCounts.day}, 1, 4) as integer)`;
    const rows = await db
      .select({ id: enterprises.id, county: enterprises.county, year, weight: sql<number>`sum(${visitCounts.count})` })
      .from(visitCounts)
      .innerJoin(enterprises, eq(enterprises.id, visitCounts.enterpriseId))
      .where(and(eq(visitCounts.kind, 'hall_view'), sql`${visitCounts.day} >= ${`${w.startYear}-01-01`} and ${visitCounts.day} <= ${`${w.endYear}-12-31`}`, isNull(enterprises.deletedAt)))
      .groupBy(enterprises.id, year);
    return rows.map((r) => ({ id: r.id, county: r.county as County, year: Number(r.year), weight: Number(r.weight) }));
  },
};
